/**
 * What a failure reported later by the channel (`conversation:message:delivery:failure`, its
 * `error.code`) means for a campaign: whether a follow-up may send to that recipient again, and
 * whether it says something is wrong with the campaign itself (so it pauses rather than failing
 * recipient after recipient). Codes are WhatsApp Cloud API error codes (Meta's error-codes page);
 * one not listed reads as `unknown`: not retried automatically, shown with its code.
 */
export type LaterRetry = 'now' | 'after-24h' | 'never';

export interface LaterFailureMeaning {
  /** The key of its wording: `delivery.failure.<meaning>` in the translations. */
  meaning: LaterFailureKind;
  retry: LaterRetry;
  /** The campaign, not this recipient, is at fault: a burst pauses it with this reason. */
  campaignProblem: boolean;
}

export const LATER_FAILURE_KINDS = [
  'not-on-whatsapp',
  'marketing-cap',
  'opted-out',
  'pair-rate',
  'window-closed',
  'template-paused',
  'template-disabled',
  'template-missing',
  'parameters',
  'payment',
  'account',
  'channel-error',
  'unknown',
] as const;
export type LaterFailureKind = (typeof LATER_FAILURE_KINDS)[number];

const MEANINGS: Record<string, LaterFailureMeaning> = {
  /** Not on WhatsApp, app too old, terms not accepted. */
  '131026': { meaning: 'not-on-whatsapp', retry: 'never', campaignProblem: false },
  /** Meta's per-user marketing limit: not before 24 hours. */
  '131049': { meaning: 'marketing-cap', retry: 'after-24h', campaignProblem: false },
  /** The customer stopped marketing messages from this business. */
  '131050': { meaning: 'opted-out', retry: 'never', campaignProblem: false },
  '131056': { meaning: 'pair-rate', retry: 'now', campaignProblem: false },
  '131047': { meaning: 'window-closed', retry: 'never', campaignProblem: false },
  '132015': { meaning: 'template-paused', retry: 'now', campaignProblem: true },
  '132016': { meaning: 'template-disabled', retry: 'never', campaignProblem: true },
  '132001': { meaning: 'template-missing', retry: 'never', campaignProblem: true },
  '132000': { meaning: 'parameters', retry: 'never', campaignProblem: true },
  '132012': { meaning: 'parameters', retry: 'never', campaignProblem: true },
  '131008': { meaning: 'parameters', retry: 'never', campaignProblem: true },
  '131042': { meaning: 'payment', retry: 'now', campaignProblem: true },
  '131031': { meaning: 'account', retry: 'now', campaignProblem: true },
  '131000': { meaning: 'channel-error', retry: 'now', campaignProblem: false },
  '131016': { meaning: 'channel-error', retry: 'now', campaignProblem: false },
  '131057': { meaning: 'channel-error', retry: 'now', campaignProblem: false },
};

export function laterFailureMeaning(code: string): LaterFailureMeaning {
  return MEANINGS[code] ?? { meaning: 'unknown', retry: 'never', campaignProblem: false };
}

/** How long `after-24h` waits after the failure was heard (Meta: no sooner than 24 hours). */
export const LATER_RETRY_WAIT_MS = 24 * 60 * 60 * 1000;

/** Whether a follow-up campaign started at `now` may send again to a recipient that failed at `failedAt`. */
export function retryableLater(code: string, failedAt: number, now: number): boolean {
  const { retry } = laterFailureMeaning(code);
  if (retry === 'now') return true;
  if (retry === 'after-24h') return now - failedAt >= LATER_RETRY_WAIT_MS;
  return false;
}
