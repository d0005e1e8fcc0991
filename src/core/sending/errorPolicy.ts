import { backoffDelay } from '../time/backoff';
import { readFailure, type Failure } from '../failure/readFailure';
import type { SkipReason, UnverifiedCause } from './states';

/**
 * What a failed send means for the campaign, decided by one table (SEND_ERROR_TABLE): the first row
 * whose matcher accepts the error gives its class. How the runner uses a class:
 *
 * - `retry`: nothing was accepted; put the recipient back and try again after `retryDelay` (when
 *   `lowersRate`, also tell the pacer `onRateLimited(startedAt, retryAfterMs)`). After
 *   MAX_SEND_ATTEMPTS attempts the recipient ends `failed` with `retries-exhausted`; a refusal that
 *   `lowersRate` (the pace, not this recipient) is retried without counting as one.
 * - `ambiguous`: the send may have been accepted; the recipient ends `unverified` with `cause`,
 *   never re-sent unless the user chooses to.
 * - `recipient-failed`: this recipient ends `failed` with `code`; the campaign goes on.
 * - `recipient-skipped`: this recipient ends `skipped` with `reason` (and 131050 records the
 *   opt-out on the Zendesk user); not a failure of the channel.
 * - `stop`: every recipient would fail the same way: pause the campaign with `reason`. The
 *   recipient in hand was refused, so it stays pending and is sent on resume, unless `unverified`
 *   is set (the error came from somewhere we do not know, after the request may have left): then it
 *   ends unverified with that cause.
 *
 * `error-burst` and `progress-not-saved` are stop reasons the runner gives itself (when the
 * ErrorBurstDetector trips, when the reservation cannot be stored); no row of the table returns them.
 */

export const STOP_REASONS = [
  'credentials-rejected',
  'not-permitted',
  'app-not-found',
  'template-missing',
  'template-paused',
  'template-disabled',
  'template-mismatch',
  'integration-inactive',
  'error-burst',
  'progress-not-saved',
  'host-not-allowed',
  'unexpected',
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** The pause reason a person's pause is stored with (a runner paused by its page, or a campaign paused from another place). */
export const PERSON_PAUSE_REASON = 'user';

export type RetryReason = 'rate-limited' | 'throughput' | 'server-error' | 'pair-rate-limit';

export type RetryClass = { kind: 'retry'; reason: RetryReason; retryAfterMs?: number; lowersRate: boolean };

export type SendErrorClass =
  | RetryClass
  | { kind: 'ambiguous'; cause: Extract<UnverifiedCause, 'timeout' | 'connection-lost'> }
  | { kind: 'recipient-failed'; code: string }
  | { kind: 'recipient-skipped'; reason: Exclude<SkipReason, 'cancelled'>; recordOptOut: boolean }
  | { kind: 'stop'; reason: StopReason; unverified?: UnverifiedCause };

export interface SendErrorRow {
  /** Names the row (tests, logs). */
  id: string;
  matches(failure: Failure): boolean;
  /** The class, or how to build it from the failure (its delay, its code). */
  then: SendErrorClass | ((failure: Failure) => SendErrorClass);
  /** Why this class: the reasoning a reviewer needs before changing the row. */
  why: string;
}

/** Attempts of one recipient (the first send and its retries) before it ends `failed`; refusals for the pace do not count. */
export const MAX_SEND_ATTEMPTS = 5;
/** The failure code of a recipient whose retries ran out. */
export const RETRIES_EXHAUSTED = 'retries-exhausted';
/** The failure code of a number the API refused as a destination. */
export const INVALID_NUMBER = 'invalid-number';
/** The failure code of a conversation that holds Sunshine's maximum of messages. */
export const CONVERSATION_FULL = 'conversation-full';

const whatsapp =
  (...codes: string[]) =>
  (failure: Failure): boolean =>
    failure.whatsappCode !== undefined && codes.includes(failure.whatsappCode);
const status =
  (...statuses: number[]) =>
  (failure: Failure): boolean =>
    failure.kind === 'http' && failure.status !== undefined && statuses.includes(failure.status);
const proxyRefused = (failure: Failure): boolean => failure.kind === 'http' && failure.code === 'ProxyRefused';
const stop = (reason: StopReason): SendErrorClass => ({ kind: 'stop', reason });
const retry =
  (reason: RetryReason, lowersRate: boolean) =>
  (failure: Failure): SendErrorClass =>
    failure.retryAfterMs === undefined ? { kind: 'retry', reason, lowersRate } : { kind: 'retry', reason, lowersRate, retryAfterMs: failure.retryAfterMs };

/**
 * Why a timeout or a 504 is not retried: the request may have reached the API, which may have
 * accepted it (and WhatsApp billed it) after our side stopped waiting, and the Notification API
 * takes no idempotency key, so a retry could send the same paid message twice. The recipient is
 * marked `unverified` and the user chooses whether to re-send: a duplicate costs money and annoys
 * a customer; an unverified recipient is visible and one click away.
 */
const AMBIGUOUS_WHY =
  'The send may have been accepted after we stopped waiting, and the Notification API takes no idempotency key: a retry could send a paid ' +
  'message twice. The recipient is marked unverified; the user chooses to re-send.';

export const SEND_ERROR_TABLE: readonly SendErrorRow[] = [
  // Zendesk's proxy refused the request before it left: nothing was sent, and nothing will be.
  {
    id: 'proxy-host-not-allowed',
    matches: (failure) => proxyRefused(failure) && /domainWhitelist/i.test(failure.message),
    then: stop('host-not-allowed'),
    why: "The Conversations API host is not in the app's domainWhitelist: every request is refused by Zendesk's proxy.",
  },
  {
    id: 'proxy-settings',
    matches: (failure) => proxyRefused(failure) && /setting/i.test(failure.message),
    then: stop('credentials-rejected'),
    why: 'The proxy could not put the API key in the request (a key setting is empty or not allowed there): every send would be refused.',
  },
  {
    id: 'proxy-other',
    matches: proxyRefused,
    then: stop('unexpected'),
    why: "The proxy refused the request itself (our request is malformed): it never reached the API and every send would be refused the same way.",
  },

  // Pace. Checked before the generic 429: WhatsApp's own codes say which limit was hit.
  {
    id: 'whatsapp-131056-pair-rate-limit',
    matches: whatsapp('131056'),
    then: retry('pair-rate-limit', false),
    why: 'Too many messages to this one number (about 1 per 6 s): only this recipient must wait; the others, and the global rate, are not concerned.',
  },
  {
    id: 'whatsapp-130429-throughput',
    matches: whatsapp('130429'),
    then: retry('throughput', true),
    why: "The number's messages-per-second limit was hit: the message was refused, so it is retried, and the global rate comes down.",
  },
  {
    id: 'whatsapp-131057-maintenance',
    matches: whatsapp('131057'),
    then: retry('server-error', false),
    why: 'The account is in maintenance (a throughput upgrade): refused for now, accepted again in a few minutes; backing off is enough.',
  },
  {
    id: 'http-429',
    matches: status(429),
    then: retry('rate-limited', true),
    why: 'Too many requests: nothing was accepted. Honour Retry-After (or back off) and lower the rate, so the next 429 does not follow.',
  },

  // Per recipient: Meta judged this one person, not the campaign.
  {
    id: 'whatsapp-131049-marketing-cap',
    matches: whatsapp('131049'),
    then: { kind: 'recipient-skipped', reason: 'marketing-cap', recordOptOut: false },
    why: "Meta's per-user marketing cap (all businesses together): retrying soon fails again and may cost; skipped, not a failure of the channel.",
  },
  {
    id: 'whatsapp-131050-opted-out',
    matches: whatsapp('131050'),
    then: { kind: 'recipient-skipped', reason: 'opted-out', recordOptOut: true },
    why: 'The user stopped marketing messages from this business: never retried, and the opt-out is recorded so later campaigns leave them out.',
  },
  {
    id: 'whatsapp-131026-undeliverable',
    matches: whatsapp('131026'),
    then: { kind: 'recipient-failed', code: 'whatsapp-131026' },
    why: 'Not on WhatsApp, app too old or terms not accepted: this number cannot receive it, now or on a retry.',
  },

  // The template: every recipient gets the same one, so every recipient would fail.
  {
    id: 'whatsapp-132001-template-missing',
    matches: whatsapp('132001'),
    then: stop('template-missing'),
    why: 'The template does not exist in this language on this number, or is not approved: every send would fail.',
  },
  {
    id: 'whatsapp-132015-template-paused',
    matches: whatsapp('132015'),
    then: stop('template-paused'),
    why: 'Meta paused the template for its quality: every send fails until it is unpaused.',
  },
  {
    id: 'whatsapp-132016-template-disabled',
    matches: whatsapp('132016'),
    then: stop('template-disabled'),
    why: 'Meta disabled the template for good: every send would fail.',
  },
  {
    id: 'whatsapp-template-mismatch',
    matches: whatsapp('132000', '132012', '131008', '131053'),
    then: stop('template-mismatch'),
    why:
      'The parameters the mapping gives do not fit the template (count, format, a missing one, the header media): the mapping is the same for every ' +
      'recipient (and the plan already left out anyone with an empty value), so every send would fail.',
  },
  {
    id: 'whatsapp-account-restricted',
    matches: whatsapp('131031', '131042', '131048', '368'),
    then: stop('not-permitted'),
    why: 'The business account is locked, has a payment issue or is restricted for spam or policy: more sends fail and hurt its quality rating.',
  },

  // Our own configuration on Sunshine Conversations.
  {
    id: 'integration-not-found',
    matches: (failure) => status(404)(failure) && failure.code === 'integration_not_found',
    then: stop('integration-inactive'),
    why: 'The WhatsApp or SMS integration was removed: nothing can be sent through it.',
  },
  {
    id: 'integration-inactive',
    matches: (failure) => status(400)(failure) && /integration/i.test(failure.message) && /inactive|not active|active integration|disabled|cannot be sent through/i.test(failure.message),
    then: stop('integration-inactive'),
    why: 'The integration is not active, or cannot send notifications (a 400 bad_request saying so): every send through it is refused.',
  },
  {
    id: 'http-401',
    matches: status(401),
    then: stop('credentials-rejected'),
    why: 'The API key was refused: every send would be refused.',
  },
  {
    id: 'http-403',
    matches: status(403),
    then: stop('not-permitted'),
    why: 'The key may not do this (scope, account restriction): every send would be refused.',
  },
  {
    id: 'http-404',
    matches: status(404),
    then: stop('app-not-found'),
    why: 'The notifications URL names only the app: a 404 there (app_not_found or otherwise) means the app ID is wrong or the app is gone.',
  },
  {
    id: 'invalid-number',
    matches: (failure) => status(400)(failure) && /destinationId/i.test(failure.message),
    then: { kind: 'recipient-failed', code: INVALID_NUMBER },
    why: 'The API refused the phone number as a destination: this number will never be accepted.',
  },

  // Servers.
  {
    id: 'server-refused',
    matches: status(408, 500, 502, 503),
    then: retry('server-error', false),
    why:
      'The server answered that it did not take the request (408: it never got all of it; 500/502/503: it failed or is unavailable): nothing was ' +
      'accepted, so retrying after a backoff cannot duplicate. Honour Retry-After when given. A server error is not a sign of our pace: the rate stays.',
  },
  {
    id: 'http-504',
    matches: status(504),
    then: { kind: 'ambiguous', cause: 'timeout' },
    why: AMBIGUOUS_WHY,
  },
  {
    id: 'other-5xx',
    matches: (failure) => failure.kind === 'http' && failure.status !== undefined && failure.status >= 500,
    then: { kind: 'ambiguous', cause: 'connection-lost' },
    why: 'An unusual server status (a gateway, a CDN): whether the API took the request is unknown, so it is treated like a lost answer.',
  },

  // Other refusals of this one request.
  {
    id: 'conversation-full',
    matches: status(423),
    then: { kind: 'recipient-failed', code: CONVERSATION_FULL },
    why:
      "Sunshine's conversations hold at most 30,000 messages; past that, posting answers 423 Locked (v2 spec, \"Conversation Size Limits\") " +
      'until someone deletes the conversation\'s messages. Nothing was sent, and a retry would be refused the same way: this recipient fails, ' +
      'not retried, and the campaign goes on.',
  },
  {
    id: 'whatsapp-other',
    matches: (failure) => failure.kind === 'http' && failure.whatsappCode !== undefined && (failure.status ?? 0) >= 400,
    then: (failure) => ({ kind: 'recipient-failed', code: `whatsapp-${failure.whatsappCode ?? ''}` }),
    why:
      'Another WhatsApp refusal of this message: it fails this recipient and the campaign goes on. If it is in fact systemic, the error-burst ' +
      'detector pauses the campaign after a few dozen sends, each refused (refusals are not billed).',
  },
  {
    id: 'http-4xx',
    matches: (failure) => failure.kind === 'http' && (failure.status ?? 0) >= 400 && (failure.status ?? 0) < 500,
    then: (failure) => ({ kind: 'recipient-failed', code: `http-${failure.status ?? 0}` }),
    why:
      'Any other refusal (400 about this message, 409, 413…): the request was refused, so nothing was sent; it fails this ' +
      'recipient. A refusal that is really systemic trips the error-burst detector instead of stopping the campaign on one odd recipient.',
  },

  // No answer.
  {
    id: 'client-timeout',
    matches: (failure) => failure.kind === 'timeout',
    then: { kind: 'ambiguous', cause: 'timeout' },
    why: AMBIGUOUS_WHY,
  },
  {
    id: 'network',
    matches: (failure) => failure.kind === 'network' || failure.kind === 'aborted',
    then: { kind: 'ambiguous', cause: 'connection-lost' },
    why:
      'The connection failed or was cut (or we abandoned the request): it may have failed before the request left or after the API took it. ' +
      AMBIGUOUS_WHY,
  },
  {
    id: 'invalid-response',
    matches: (failure) => failure.kind === 'invalid-response',
    then: { kind: 'ambiguous', cause: 'connection-lost' },
    why: 'A 2xx whose body we cannot read: most likely accepted, but without its notification id nothing proves it; the answer is as good as lost.',
  },

  {
    id: 'values-mismatch',
    matches: (failure) => failure.name === 'NotificationValuesError',
    then: stop('template-mismatch'),
    why:
      "The recipient's values do not fit the template's placeholders, found before anything was sent: the values were frozen with the " +
      'audience by the same mapping for everyone, so the next recipients would not fit either. Nothing left; the recipient stays pending.',
  },
  {
    id: 'not-sent',
    matches: (failure) => failure.name === 'NotificationNotSentError',
    then: stop('unexpected'),
    why:
      'The sender gave up before the request left (its signal was aborted): nothing was sent, the recipient stays pending. Only a stopping ' +
      'runner aborts a send, so the stop it already asked for wins over this one.',
  },

  // Last: everything else.
  {
    id: 'unknown',
    matches: () => true,
    then: { kind: 'stop', reason: 'unexpected', unverified: 'crash' },
    why:
      'An error nobody planned for (a bug, an unknown layer). Retrying could duplicate, going on could fail every recipient the same way: the ' +
      'safe choice is to pause and let a person look. The request may have left, so the recipient in hand ends unverified, never re-sent blindly.',
  },
];

/** The row that decides for this error (the last row matches everything). */
export function sendErrorRowFor(error: unknown): SendErrorRow {
  return rowForFailure(readFailure(error));
}

/** The class of this error: what its row says, built from the failure when the row needs it. */
export function classifySendError(error: unknown): SendErrorClass {
  const failure = readFailure(error);
  const row = rowForFailure(failure);
  return typeof row.then === 'function' ? row.then(failure) : row.then;
}

function rowForFailure(failure: Failure): SendErrorRow {
  return SEND_ERROR_TABLE.find((row) => row.matches(failure)) as SendErrorRow;
}

/** Backoff of each retry reason when the API gave no Retry-After. */
const RETRY_BACKOFF: Record<RetryReason, { baseMs: number; maxMs: number }> = {
  'rate-limited': { baseMs: 1000, maxMs: 60_000 },
  throughput: { baseMs: 1000, maxMs: 60_000 },
  'server-error': { baseMs: 1000, maxMs: 30_000 },
  // WhatsApp allows about one message per 6 s to the same number.
  'pair-rate-limit': { baseMs: 6000, maxMs: 60_000 },
};

/**
 * How long the recipient waits before attempt `attempt + 1` (`attempt`: 1 after the first failed
 * send): the API's Retry-After when it gave one, else a jittered exponential backoff.
 */
export function retryDelay(errorClass: RetryClass, attempt: number, random: () => number = Math.random): number {
  if (errorClass.retryAfterMs !== undefined) return errorClass.retryAfterMs;
  const { baseMs, maxMs } = RETRY_BACKOFF[errorClass.reason];
  return backoffDelay(attempt, baseMs, maxMs, random);
}

/** True when a recipient that failed `attempts` times may not be tried again. */
export function retriesExhausted(attempts: number): boolean {
  return attempts >= MAX_SEND_ATTEMPTS;
}
