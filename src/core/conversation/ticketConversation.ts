import type { ConversationMessage } from './messagingWindow';

/** What the window needs of a ticket comment: who wrote it and when. */
export interface CommentFacts {
  authorId: number;
  /** When it was written (ms since epoch): for a messaging ticket, when the customer sent it. */
  createdAt: number;
}

/**
 * A ticket's comments as a conversation: the requester's own comments are the customer's messages
 * (a messaging ticket records each with the time the customer sent it); everything else (agents'
 * replies, internal notes, triggers) is the business's and never opens the window.
 */
export function ticketConversation(comments: Iterable<CommentFacts>, requesterId: number | undefined): ConversationMessage[] {
  const messages: ConversationMessage[] = [];
  for (const comment of comments) {
    messages.push({ from: requesterId !== undefined && comment.authorId === requesterId ? 'customer' : 'business', sentAt: comment.createdAt });
  }
  return messages;
}

/** Whether the customer wrote on this ticket at all: what lets an admin waive the opt-in for a re-engagement. */
export function customerWrote(comments: Iterable<CommentFacts>, requesterId: number | undefined): boolean {
  if (requesterId === undefined) return false;
  for (const comment of comments) if (comment.authorId === requesterId) return true;
  return false;
}
