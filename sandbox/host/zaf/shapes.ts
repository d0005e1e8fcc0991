import type { RestComment, RestGroup, RestIdentity, RestTicket, RestUser, RestVia } from '../../zendeskTypes';

/**
 * Support REST objects turned into the objects ZAF's Support API returns from `client.get()`:
 * camelCase keys and nested requester/assignee. Pure functions, so they are easy to test.
 */

export interface ZafTimeZone {
  name: string;
  ianaName: string;
  /** Minutes from UTC now, e.g. 60 for Paris in winter. */
  offset: number;
  formattedOffset: string;
}

export interface ZafIdentity {
  id: number;
  type: string;
  value: string;
  verified: boolean;
  primary: boolean;
}

/** ZAF's group object, as in `currentUser.groups` and `user.groups`. */
export interface ZafGroup {
  id: number;
  name: string;
}

export interface ZafUser {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  alias: string | null;
  avatarUrl: string | null;
  details: string | null;
  notes: string | null;
  externalId: string | null;
  signature: string | null;
  locale: string;
  role: string;
  tags: string[];
  timeZone: ZafTimeZone;
  groups: ZafGroup[];
  organizations: Array<{ id: number }>;
  identities: ZafIdentity[];
  userFields: Record<string, unknown>;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ZafVia {
  channel: string;
  source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null };
}

export interface ZafComment {
  id: number;
  value: string;
  author: { id: number; name: string; role: string; avatarUrl: string | null } | null;
  via: ZafVia;
  channel: { name: string };
  isPublic: boolean;
  createdAt: string | null;
  imageAttachments: ZafAttachment[];
  nonImageAttachments: ZafAttachment[];
}

export interface ZafAttachment {
  contentType: string;
  contentUrl: string;
  filename: string;
}

export interface ZafTicket {
  id: number;
  externalId: string | null;
  subject: string;
  description: string;
  status: string;
  priority: string | null;
  type: string | null;
  tags: string[];
  isNew: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  recipient: string | null;
  via: ZafVia;
  requester: ZafUser | null;
  assignee: { user: ZafUser | null; group: { id: number } | null };
  organization: { id: number } | null;
  brand: { id: number } | null;
  collaborators: Array<{ id: number }>;
  comments: ZafComment[];
  /** Values by `custom_field_<id>`, read through `ticket.customField:custom_field_<id>`. */
  customFields: Record<string, unknown>;
}

export interface ZafAccount {
  subdomain: string;
  planName: string;
  timeZone: ZafTimeZone;
}

const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function toZafTimeZone(ianaName: string | null | undefined, name?: string | null, at: Date = new Date()): ZafTimeZone {
  const zone = ianaName && isKnownTimeZone(ianaName) ? ianaName : DEFAULT_TIME_ZONE;
  const formattedOffset = offsetLabel(zone, at);
  return { name: name ?? zone, ianaName: zone, offset: offsetMinutes(formattedOffset), formattedOffset };
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "GMT+01:00" (and "GMT+00:00" for UTC, which Intl writes as plain "GMT"). */
function offsetLabel(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((candidate) => candidate.type === 'timeZoneName')?.value;
  return !part || part === 'GMT' ? 'GMT+00:00' : part;
}

function offsetMinutes(label: string): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (!match) return 0;
  const [, sign, hours, minutes] = match as unknown as [string, string, string, string];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

export function toZafIdentity(identity: RestIdentity): ZafIdentity {
  return {
    id: identity.id,
    type: identity.type,
    value: identity.value,
    verified: identity.verified ?? false,
    primary: identity.primary ?? false,
  };
}

export function toZafGroup(group: RestGroup): ZafGroup {
  return { id: group.id, name: group.name };
}

/** A Support user as ZAF returns it; `groups` are the agent's groups (List Groups of the user). */
export function toZafUser(user: RestUser, identities: RestIdentity[] = [], groups: RestGroup[] = []): ZafUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    phone: user.phone ?? null,
    alias: user.alias ?? null,
    avatarUrl: user.photo?.content_url ?? null,
    details: user.details ?? null,
    notes: user.notes ?? null,
    externalId: user.external_id ?? null,
    signature: user.signature ?? null,
    locale: user.locale ?? 'en-US',
    role: user.role ?? 'end-user',
    tags: user.tags ?? [],
    timeZone: toZafTimeZone(user.iana_time_zone, user.time_zone),
    groups: groups.filter((group) => group.deleted !== true).map(toZafGroup),
    organizations: user.organization_id ? [{ id: user.organization_id }] : [],
    identities: identities.map(toZafIdentity),
    userFields: { ...(user.user_fields ?? {}) },
    createdAt: user.created_at ?? null,
    updatedAt: user.updated_at ?? null,
  };
}

export function toZafVia(via: RestVia | undefined): ZafVia {
  return {
    channel: via?.channel === undefined ? 'web' : String(via.channel),
    source: { from: { ...(via?.source?.from ?? {}) }, to: { ...(via?.source?.to ?? {}) }, rel: via?.source?.rel ?? null },
  };
}

export function toZafComment(comment: RestComment, author: RestUser | undefined): ZafComment {
  const attachments = (comment.attachments ?? []).map((attachment) => ({
    contentType: attachment.content_type ?? 'application/octet-stream',
    contentUrl: attachment.content_url ?? '',
    filename: attachment.file_name ?? '',
  }));
  const via = toZafVia(comment.via);
  return {
    id: comment.id,
    value: comment.html_body ?? comment.body ?? comment.plain_body ?? '',
    author: author
      ? { id: author.id, name: author.name, role: author.role ?? 'end-user', avatarUrl: author.photo?.content_url ?? null }
      : null,
    via,
    channel: { name: via.channel },
    isPublic: comment.public ?? true,
    createdAt: comment.created_at ?? null,
    imageAttachments: attachments.filter((attachment) => attachment.contentType.startsWith('image/')),
    nonImageAttachments: attachments.filter((attachment) => !attachment.contentType.startsWith('image/')),
  };
}

export interface TicketParts {
  ticket: RestTicket;
  requester?: ZafUser;
  assignee?: ZafUser;
  comments: ZafComment[];
}

export function toZafTicket({ ticket, requester, assignee, comments }: TicketParts): ZafTicket {
  const customFields: Record<string, unknown> = {};
  for (const field of ticket.custom_fields ?? []) customFields[`custom_field_${field.id}`] = field.value;
  return {
    id: ticket.id,
    externalId: ticket.external_id ?? null,
    subject: ticket.subject ?? '',
    description: ticket.description ?? '',
    status: ticket.status ?? 'new',
    priority: ticket.priority ?? null,
    type: ticket.type ?? null,
    tags: ticket.tags ?? [],
    isNew: false,
    createdAt: ticket.created_at ?? null,
    updatedAt: ticket.updated_at ?? null,
    recipient: ticket.recipient ?? null,
    via: toZafVia(ticket.via),
    requester: requester ?? null,
    assignee: { user: assignee ?? null, group: ticket.group_id ? { id: ticket.group_id } : null },
    organization: ticket.organization_id ? { id: ticket.organization_id } : null,
    brand: ticket.brand_id ? { id: ticket.brand_id } : null,
    collaborators: (ticket.collaborator_ids ?? []).map((id) => ({ id })),
    comments,
    customFields,
  };
}

export function toZafAccount(subdomain: string): ZafAccount {
  return { subdomain, planName: 'Enterprise', timeZone: toZafTimeZone(DEFAULT_TIME_ZONE, 'Paris') };
}
