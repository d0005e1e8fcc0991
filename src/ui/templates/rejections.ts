import type { Translate } from '../i18n/messages';

/** Meta's `rejected_reason` values, explained; anything else is shown as Meta wrote it. */
export const META_REJECTION_REASONS = ['ABUSIVE_CONTENT', 'INCORRECT_CATEGORY', 'INVALID_FORMAT', 'PROMOTIONAL', 'SCAM', 'TAG_CONTENT_MISMATCH'] as const;
type RejectionReason = (typeof META_REJECTION_REASONS)[number];

export function rejectionText(reason: string, t: Translate): string {
  const known = META_REJECTION_REASONS.find((candidate): candidate is RejectionReason => candidate === reason);
  return known ? t(`templates.rejection.${known}`) : reason;
}
