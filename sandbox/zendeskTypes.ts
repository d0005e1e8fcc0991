/**
 * The parts of the Zendesk Support REST API the sandbox reads (users, identities, groups, tickets,
 * comments). Fields are optional where the Support API may omit them, so that the host page copes
 * with whatever the emulator returns.
 */

export interface RestUser {
  id: number;
  name: string;
  email?: string | null;
  phone?: string | null;
  role?: 'end-user' | 'agent' | 'admin' | string;
  locale?: string | null;
  time_zone?: string | null;
  iana_time_zone?: string | null;
  tags?: string[];
  user_fields?: Record<string, unknown>;
  alias?: string | null;
  details?: string | null;
  notes?: string | null;
  signature?: string | null;
  external_id?: string | null;
  organization_id?: number | null;
  photo?: { content_url?: string } | null;
  created_at?: string;
  updated_at?: string;
}

export interface RestGroup {
  id: number;
  name: string;
  description?: string | null;
  default?: boolean;
  deleted?: boolean;
  is_public?: boolean;
}

export interface RestIdentity {
  id: number;
  user_id?: number;
  type: string;
  value: string;
  verified?: boolean;
  primary?: boolean;
}

export interface RestVia {
  channel?: string | number;
  source?: { from?: Record<string, unknown>; to?: Record<string, unknown>; rel?: string | null };
}

export interface RestTicket {
  id: number;
  subject?: string | null;
  description?: string | null;
  status?: string;
  priority?: string | null;
  type?: string | null;
  tags?: string[];
  requester_id?: number;
  assignee_id?: number | null;
  group_id?: number | null;
  organization_id?: number | null;
  brand_id?: number | null;
  external_id?: string | null;
  recipient?: string | null;
  via?: RestVia;
  custom_fields?: Array<{ id: number; value: unknown }>;
  collaborator_ids?: number[];
  created_at?: string;
  updated_at?: string;
}

export interface RestComment {
  id: number;
  type?: string;
  author_id?: number;
  body?: string;
  plain_body?: string;
  html_body?: string;
  public?: boolean;
  via?: RestVia;
  created_at?: string;
  attachments?: Array<{ id: number; file_name?: string; content_url?: string; content_type?: string }>;
}
