import { isoSeconds } from './time';

/** Tickets and their comments, kept in memory; `ticketJson`/`commentJson` give the API's shapes. */

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'urgent' | 'high' | 'normal' | 'low';
export type TicketType = 'problem' | 'incident' | 'question' | 'task';

export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['urgent', 'high', 'normal', 'low'];
export const TICKET_TYPES: readonly TicketType[] = ['problem', 'incident', 'question', 'task'];

/** The via object (see "Via object reference"): how a ticket or a comment came in. */
export interface Via {
  channel: string;
  source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null };
}

export interface CommentRecord {
  id: number;
  auditId: number;
  authorId: number;
  body: string;
  htmlBody: string;
  public: boolean;
  createdAt: number;
  via: Via;
}

export interface TicketRecord {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  requesterId: number;
  submitterId: number;
  assigneeId: number;
  groupId: number;
  organizationId: number | null;
  tags: string[];
  via: Via;
  createdAt: number;
  updatedAt: number;
  comments: CommentRecord[];
}

const GROUP_ID = 360000400001;
const BRAND_ID = 360000600001;
const TICKET_FORM_ID = 360000700001;
const CUSTOM_STATUS_IDS: Record<TicketStatus, number> = {
  new: 360000500001,
  open: 360000500002,
  pending: 360000500003,
  hold: 360000500004,
  solved: 360000500005,
  closed: 360000500006,
};

export const DEFAULT_GROUP_ID = GROUP_ID;

export class TicketStore {
  private readonly tickets = new Map<number, TicketRecord>();
  private nextCommentId = 20_000_001;
  private nextAuditId = 30_000_001;

  add(ticket: TicketRecord): void {
    this.tickets.set(ticket.id, ticket);
  }

  get(id: number): TicketRecord | undefined {
    return this.tickets.get(id);
  }

  /** By ascending id. */
  list(): TicketRecord[] {
    return [...this.tickets.values()].sort((a, b) => a.id - b.id);
  }

  newAuditId(): number {
    return this.nextAuditId++;
  }

  /** Appends a comment (public reply or internal note) and returns it. */
  addComment(ticket: TicketRecord, comment: Omit<CommentRecord, 'id' | 'auditId'> & { auditId?: number }): CommentRecord {
    const stored: CommentRecord = { ...comment, id: this.nextCommentId++, auditId: comment.auditId ?? this.newAuditId() };
    ticket.comments.push(stored);
    if (stored.createdAt > ticket.updatedAt) ticket.updatedAt = stored.createdAt;
    return stored;
  }

  /**
   * When the requester last wrote on the ticket: the start of WhatsApp's 24-hour window. Agent
   * replies after it do not move it.
   */
  lastCustomerMessageAt(ticketId: number): number | undefined {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) return undefined;
    let last: number | undefined;
    for (const comment of ticket.comments) {
      if (comment.authorId === ticket.requesterId && comment.public && (last === undefined || comment.createdAt > last)) last = comment.createdAt;
    }
    return last;
  }
}

export function ticketJson(ticket: TicketRecord, origin: string): Record<string, unknown> {
  const first = ticket.comments[0];
  const json: Record<string, unknown> = {
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    via: cloneVia(ticket.via),
    created_at: isoSeconds(ticket.createdAt),
    updated_at: isoSeconds(ticket.updatedAt),
    generated_timestamp: Math.floor(ticket.updatedAt / 1000),
    type: ticket.type,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: first?.body ?? '',
    priority: ticket.priority,
    status: ticket.status,
    custom_status_id: CUSTOM_STATUS_IDS[ticket.status],
    requester_id: ticket.requesterId,
    submitter_id: ticket.submitterId,
    assignee_id: ticket.assigneeId,
    group_id: ticket.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    has_incidents: false,
    is_public: ticket.comments.some((comment) => comment.public),
    due_at: null,
    tags: [...ticket.tags],
    custom_fields: [],
    sharing_agreement_ids: [],
    followup_ids: [],
    ticket_form_id: TICKET_FORM_ID,
    brand_id: BRAND_ID,
    allow_channelback: ticket.via.channel === 'native_messaging',
    allow_attachments: true,
    from_messaging_channel: ticket.via.channel === 'native_messaging',
  };
  if (ticket.organizationId !== null) json.organization_id = ticket.organizationId;
  return json;
}

export function commentJson(comment: CommentRecord): Record<string, unknown> {
  return {
    id: comment.id,
    type: 'Comment',
    author_id: comment.authorId,
    body: comment.body,
    html_body: comment.htmlBody,
    plain_body: comment.body,
    public: comment.public,
    attachments: [],
    audit_id: comment.auditId,
    via: cloneVia(comment.via),
    created_at: isoSeconds(comment.createdAt),
    metadata: { system: {}, custom: {} },
  };
}

export function cloneVia(via: Via): Via {
  return { channel: via.channel, source: { from: { ...via.source.from }, to: { ...via.source.to }, rel: via.source.rel } };
}

/** How an API or agent-workspace reply is recorded. */
export function viaFor(channel: 'api' | 'web'): Via {
  return { channel, source: { from: {}, to: {}, rel: null } };
}
