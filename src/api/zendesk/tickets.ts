import { z } from 'zod/mini';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

/**
 * A ticket's conversation as Herald needs it: who wrote each comment and when (the WhatsApp window
 * starts at the customer's last message), and internal notes added by the app. Comment bodies are
 * not kept: Herald never needs what the customer wrote.
 */

// The ticket sidebar reads comments before it shows the window: `zod/mini`, the same checks in a small download.
const commentSchema = z.looseObject({
  id: z.number(),
  author_id: z.number(),
  public: z.nullish(z.boolean()),
  created_at: z.string(),
});

const commentsPageSchema = z.looseObject({
  comments: z.array(commentSchema),
  meta: z.nullish(z.looseObject({ has_more: z.boolean(), after_cursor: z.nullish(z.string()) })),
});

const updateSchema = z.looseObject({
  ticket: z.looseObject({ id: z.number() }),
  audit: z.nullish(
    z.looseObject({
      id: z.number(),
      events: z.nullish(z.array(z.looseObject({ id: z.nullish(z.number()), type: z.string() }))),
    }),
  ),
});

export interface TicketComment {
  id: number;
  authorId: number;
  /** False for an internal note. */
  public: boolean;
  /** When it was written (ms since epoch). */
  createdAt: number;
}

export interface AddedNote {
  /** The audit of the update, when Zendesk returns it. */
  auditId: number | undefined;
  /** The new comment's id, when the audit names it. */
  commentId: number | undefined;
}

export const COMMENTS_PAGE_SIZE = 100;

export class TicketsClient {
  constructor(private readonly transport: Transport) {}

  /** Every comment of the ticket, oldest first, following the cursor to the last page. */
  async comments(ticketId: number): Promise<TicketComment[]> {
    const endpoint = 'GET /api/v2/tickets/{id}/comments';
    const comments = await collectCursorPages(async (after) => {
      const response = await this.transport.send({
        method: 'GET',
        url: `/api/v2/tickets/${ticketId}/comments`,
        credentials: 'zendesk',
        // Oldest first is the default order (cursor pagination names its order `sort`, offset pagination `sort_order`).
        query: { 'page[size]': COMMENTS_PAGE_SIZE, 'page[after]': after },
      });
      const page = parseResponse(commentsPageSchema, response.body, endpoint);
      return { items: page.comments, next: page.meta?.has_more ? (page.meta.after_cursor ?? undefined) : undefined };
    });
    return comments.flatMap((comment) => {
      const createdAt = Date.parse(comment.created_at);
      if (!Number.isFinite(createdAt)) return [];
      return [{ id: comment.id, authorId: comment.author_id, public: comment.public ?? true, createdAt }];
    });
  }

  /** Adds an internal note (a private comment, which the customer never sees) by the signed-in agent. */
  async addInternalNote(ticketId: number, body: string): Promise<AddedNote> {
    const response = await this.transport.send({
      method: 'PUT',
      url: `/api/v2/tickets/${ticketId}`,
      credentials: 'zendesk',
      body: { ticket: { comment: { body, public: false } } },
    });
    const update = parseResponse(updateSchema, response.body, 'PUT /api/v2/tickets/{id}');
    const comment = update.audit?.events?.find((event) => event.type === 'Comment');
    return { auditId: update.audit?.id, commentId: comment?.id ?? undefined };
  }
}
