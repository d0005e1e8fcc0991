import { describe, expect, it } from 'vitest';
import {
  classifySendError,
  MAX_SEND_ATTEMPTS,
  retriesExhausted,
  retryDelay,
  SEND_ERROR_TABLE,
  sendErrorRowFor,
  STOP_REASONS,
  type SendErrorClass,
} from '../../../../src/core/sending/errorPolicy';
import { errorForStatus, InvalidResponseError, NetworkError, TimeoutError } from '../../../../src/api/transport/errors';
import { NotificationValuesError } from '../../../../src/core/campaign/notification';

/**
 * Every row of the error table, met with the error the transport builds (`errorForStatus`, the
 * same function both transports call) from the body and headers the emulator answers.
 */

/** The v1.1 error body (emulator/sunshine/errors.ts `legacyError`). */
function v1(status: number, code: string, description: string, headers: Record<string, string> = {}) {
  return errorForStatus(status, headers, { error: { code, description } });
}

/** A WhatsApp refusal as the emulator words it: the code, and "(#code) title". */
function whatsapp(code: number, title: string, status = 400) {
  return v1(status, String(code), `(#${code}) ${title}`);
}

/** The v2 body the emulator's generic faults answer (emulator/http.ts `sunshineError`). */
function v2(status: number, code: string, title: string, headers: Record<string, string> = {}) {
  return errorForStatus(status, headers, { errors: [{ code, title }] });
}

/** Zendesk's proxy refusing the request (emulator/zafProxy.ts `refusal`). */
function proxyRefused(status: number, description: string) {
  return errorForStatus(status, {}, { error: 'ProxyRefused', description });
}

type Case = [description: string, error: unknown, row: string, expected: SendErrorClass];

const CASES: Case[] = [
  [
    'a host missing from domainWhitelist',
    proxyRefused(403, "Secure request refused: api.smooch.io is not in the app's domainWhitelist"),
    'proxy-host-not-allowed',
    { kind: 'stop', reason: 'host-not-allowed' },
  ],
  ['an empty key setting', proxyRefused(400, 'Setting sunco_credential has no value'), 'proxy-settings', { kind: 'stop', reason: 'credentials-rejected' }],
  [
    'a setting in the wrong place',
    proxyRefused(403, 'Setting sunco_credential is not allowed in the request body'),
    'proxy-settings',
    { kind: 'stop', reason: 'credentials-rejected' },
  ],
  ['a malformed request', proxyRefused(400, 'Header names with underscores are not allowed: x_herald'), 'proxy-other', { kind: 'stop', reason: 'unexpected' }],
  [
    '131056 pair rate limit (a 429)',
    whatsapp(131056, 'Pair rate limit hit: too many messages sent to this phone number', 429),
    'whatsapp-131056-pair-rate-limit',
    { kind: 'retry', reason: 'pair-rate-limit', lowersRate: false },
  ],
  ['130429 throughput (a 400)', whatsapp(130429, 'Rate limit hit'), 'whatsapp-130429-throughput', { kind: 'retry', reason: 'throughput', lowersRate: true }],
  [
    '130429 throughput (a 429 with Retry-After)',
    v1(429, '130429', '(#130429) Rate limit hit', { 'retry-after': '3' }),
    'whatsapp-130429-throughput',
    { kind: 'retry', reason: 'throughput', lowersRate: true, retryAfterMs: 3000 },
  ],
  [
    '131057 account in maintenance',
    whatsapp(131057, 'Business Account is in maintenance mode'),
    'whatsapp-131057-maintenance',
    { kind: 'retry', reason: 'server-error', lowersRate: false },
  ],
  [
    'a 429 fault with Retry-After: 7',
    v2(429, 'too_many_requests', 'Too many requests', { 'retry-after': '7' }),
    'http-429',
    { kind: 'retry', reason: 'rate-limited', lowersRate: true, retryAfterMs: 7000 },
  ],
  ['a 429 without Retry-After', v1(429, 'too_many_requests', 'Slow down'), 'http-429', { kind: 'retry', reason: 'rate-limited', lowersRate: true }],
  [
    '131049 marketing cap',
    whatsapp(131049, 'This message was not delivered to maintain healthy ecosystem engagement'),
    'whatsapp-131049-marketing-cap',
    { kind: 'recipient-skipped', reason: 'marketing-cap', recordOptOut: false },
  ],
  [
    '131050 opted out',
    whatsapp(131050, 'User has stopped receiving marketing messages'),
    'whatsapp-131050-opted-out',
    { kind: 'recipient-skipped', reason: 'opted-out', recordOptOut: true },
  ],
  ['131026 undeliverable', whatsapp(131026, 'Message undeliverable'), 'whatsapp-131026-undeliverable', { kind: 'recipient-failed', code: 'whatsapp-131026' }],
  [
    '131026 with the code only in the description',
    v1(400, 'bad_request', '(#131026) Message undeliverable'),
    'whatsapp-131026-undeliverable',
    { kind: 'recipient-failed', code: 'whatsapp-131026' },
  ],
  [
    '132001 template missing',
    whatsapp(132001, 'Template name does not exist in the translation: "spring_sale" in de on this integration (it exists in fr)'),
    'whatsapp-132001-template-missing',
    { kind: 'stop', reason: 'template-missing' },
  ],
  ['132015 template paused', whatsapp(132015, 'Template is paused: "spring_sale" (fr) cannot be sent until its quality improves'), 'whatsapp-132015-template-paused', { kind: 'stop', reason: 'template-paused' }],
  ['132016 template disabled', whatsapp(132016, 'Template is disabled: "spring_sale" (fr) can no longer be sent'), 'whatsapp-132016-template-disabled', { kind: 'stop', reason: 'template-disabled' }],
  [
    '132000 parameter count',
    whatsapp(132000, 'Number of parameters does not match the expected number of params: the body of "order_update" (fr) expects 2, got 1'),
    'whatsapp-template-mismatch',
    { kind: 'stop', reason: 'template-mismatch' },
  ],
  ['132012 parameter format', whatsapp(132012, 'Parameter format does not match format in the created template'), 'whatsapp-template-mismatch', { kind: 'stop', reason: 'template-mismatch' }],
  ['131008 missing parameter', whatsapp(131008, 'Required parameter is missing: body parameter 1 has no text'), 'whatsapp-template-mismatch', { kind: 'stop', reason: 'template-mismatch' }],
  ['131053 header media', whatsapp(131053, 'Media upload error: the image header needs an https link'), 'whatsapp-template-mismatch', { kind: 'stop', reason: 'template-mismatch' }],
  ['131048 spam rate limit', whatsapp(131048, 'Spam rate limit hit'), 'whatsapp-account-restricted', { kind: 'stop', reason: 'not-permitted' }],
  ['131031 account locked', whatsapp(131031, 'Business Account locked'), 'whatsapp-account-restricted', { kind: 'stop', reason: 'not-permitted' }],
  ['a removed integration', v1(404, 'integration_not_found', 'Integration not found'), 'integration-not-found', { kind: 'stop', reason: 'integration-inactive' }],
  [
    'an inactive integration',
    v1(400, 'bad_request', 'Integration 5f0000000000000000000004 is inactive: notifications need an active integration'),
    'integration-inactive',
    { kind: 'stop', reason: 'integration-inactive' },
  ],
  [
    'an integration that cannot send notifications',
    v1(400, 'bad_request', 'Notifications cannot be sent through a web integration: use a WhatsApp, Twilio or MessageBird integration'),
    'integration-inactive',
    { kind: 'stop', reason: 'integration-inactive' },
  ],
  ['a refused key', v1(401, 'unauthorized', 'Authorization is required'), 'http-401', { kind: 'stop', reason: 'credentials-rejected' }],
  ['a forbidden call', v2(403, 'forbidden', 'Forbidden'), 'http-403', { kind: 'stop', reason: 'not-permitted' }],
  ['a wrong app id', v1(404, 'app_not_found', 'App not found'), 'http-404', { kind: 'stop', reason: 'app-not-found' }],
  [
    'a number that is not E.164',
    v1(400, 'bad_request', 'destination.destinationId "+1234" must be a phone number in E.164 format (+ and 7 to 15 digits)'),
    'invalid-number',
    { kind: 'recipient-failed', code: 'invalid-number' },
  ],
  ['a 500 fault', v2(500, 'internal_server_error', 'Internal server error'), 'server-refused', { kind: 'retry', reason: 'server-error', lowersRate: false }],
  ['a 502 fault', v2(502, 'bad_gateway', 'Bad gateway'), 'server-refused', { kind: 'retry', reason: 'server-error', lowersRate: false }],
  [
    'a 503 with Retry-After',
    v2(503, 'service_unavailable', 'Service unavailable', { 'retry-after': '30' }),
    'server-refused',
    { kind: 'retry', reason: 'server-error', lowersRate: false, retryAfterMs: 30_000 },
  ],
  ['a 408 from the server', v2(408, 'request_timeout', 'Request timeout'), 'server-refused', { kind: 'retry', reason: 'server-error', lowersRate: false }],
  ['a 504 after the timeout fault', v2(504, 'gateway_timeout', 'Gateway timeout'), 'http-504', { kind: 'ambiguous', cause: 'timeout' }],
  ['a CDN 520', errorForStatus(520, {}, '<html>Web server returned an unknown error</html>'), 'other-5xx', { kind: 'ambiguous', cause: 'connection-lost' }],
  [
    'another WhatsApp refusal',
    whatsapp(132018, 'There was an issue with the parameters in your template: body parameter 1 cannot hold new lines'),
    'whatsapp-other',
    { kind: 'recipient-failed', code: 'whatsapp-132018' },
  ],
  [
    'an SMS text too long for this recipient',
    v1(400, 'bad_request', 'message.text is 1700 characters long; SMS texts are limited to 1600'),
    'http-4xx',
    { kind: 'recipient-failed', code: 'http-400' },
  ],
  ['a full conversation', v2(423, 'locked', 'Message limit of 30000 per conversation reached.'), 'conversation-full', { kind: 'recipient-failed', code: 'conversation-full' }],
  ['our timeout', new TimeoutError('The request timed out'), 'client-timeout', { kind: 'ambiguous', cause: 'timeout' }],
  ['AbortSignal.timeout()', new DOMException('The operation timed out.', 'TimeoutError'), 'client-timeout', { kind: 'ambiguous', cause: 'timeout' }],
  ['a network error', new NetworkError('The network request failed'), 'network', { kind: 'ambiguous', cause: 'connection-lost' }],
  ['an abandoned request', new DOMException('This operation was aborted', 'AbortError'), 'network', { kind: 'ambiguous', cause: 'connection-lost' }],
  [
    'a 2xx without a notification id',
    new InvalidResponseError('POST /v1.1/apps/{appId}/notifications', ['notification: Required']),
    'invalid-response',
    { kind: 'ambiguous', cause: 'connection-lost' },
  ],
  [
    'values that do not fit the template, found before the request',
    new NotificationValuesError('The template has 2 placeholder(s); the recipient has 1 value(s)'),
    'values-mismatch',
    { kind: 'stop', reason: 'template-mismatch' },
  ],
  [
    'a send cancelled before its request',
    Object.assign(new Error('The notification was not sent: the send was cancelled before the request'), { name: 'NotificationNotSentError' }),
    'not-sent',
    { kind: 'stop', reason: 'unexpected' },
  ],
  ['a bug', new TypeError("Cannot read properties of undefined (reading 'phone')"), 'unknown', { kind: 'stop', reason: 'unexpected', unverified: 'crash' }],
  ['a thrown string', 'boom', 'unknown', { kind: 'stop', reason: 'unexpected', unverified: 'crash' }],
  ['undefined', undefined, 'unknown', { kind: 'stop', reason: 'unexpected', unverified: 'crash' }],
];

describe('SEND_ERROR_TABLE', () => {
  it.each(CASES)('%s → row %s', (_description, error, row, expected) => {
    expect(sendErrorRowFor(error).id).toBe(row);
    expect(classifySendError(error)).toEqual(expected);
  });

  it('has a test case for every row, unique ids, and a reason for each', () => {
    const ids = SEND_ERROR_TABLE.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CASES.map((testCase) => testCase[2]))).toEqual(new Set(ids));
    for (const row of SEND_ERROR_TABLE) expect(row.why.length, row.id).toBeGreaterThan(30);
  });

  it('only stops with known reasons, and never with error-burst (the runner decides that one)', () => {
    const reasons = CASES.map((testCase) => classifySendError(testCase[1])).flatMap((errorClass) => (errorClass.kind === 'stop' ? [errorClass.reason] : []));
    for (const reason of reasons) expect(STOP_REASONS).toContain(reason);
    expect(reasons).not.toContain('error-burst');
  });

  it('reads an error that lost its class (a structured clone from a worker) by its fields', () => {
    const cloned = structuredClone({ name: 'RateLimitedError', status: 429, detail: { code: 'too_many_requests' }, retryAfterMs: 2000 });
    expect(classifySendError(cloned)).toEqual({ kind: 'retry', reason: 'rate-limited', lowersRate: true, retryAfterMs: 2000 });
    expect(classifySendError(structuredClone({ name: 'TimeoutError', message: 'The request timed out' }))).toEqual({ kind: 'ambiguous', cause: 'timeout' });
  });

  it('never retries what may have been accepted', () => {
    for (const [description, error] of CASES) {
      const errorClass = classifySendError(error);
      if (sendErrorRowFor(error).id.includes('504') || error instanceof TimeoutError || error instanceof NetworkError) {
        expect(errorClass.kind, description).toBe('ambiguous');
      }
    }
  });
});

describe('retryDelay', () => {
  const half = () => 0.5;

  it('honours Retry-After when the API gave it', () => {
    expect(retryDelay({ kind: 'retry', reason: 'rate-limited', lowersRate: true, retryAfterMs: 7000 }, 1, half)).toBe(7000);
    expect(retryDelay({ kind: 'retry', reason: 'server-error', lowersRate: false, retryAfterMs: 30_000 }, 4, half)).toBe(30_000);
  });

  it('backs off exponentially with jitter otherwise, capped', () => {
    const serverError = { kind: 'retry', reason: 'server-error', lowersRate: false } as const;
    expect([1, 2, 3, 4].map((attempt) => retryDelay(serverError, attempt, half))).toEqual([750, 1500, 3000, 6000]);
    expect(retryDelay(serverError, 20, () => 1)).toBe(30_000);
    expect(retryDelay(serverError, 1, () => 0)).toBe(500);
    const rateLimited = { kind: 'retry', reason: 'rate-limited', lowersRate: true } as const;
    expect(retryDelay(rateLimited, 20, () => 1)).toBe(60_000);
  });

  it('waits at least WhatsApp’s pair interval (about 6 s) before writing to the same number again', () => {
    const pair = { kind: 'retry', reason: 'pair-rate-limit', lowersRate: false } as const;
    expect(retryDelay(pair, 1, () => 1)).toBe(6000);
    expect(retryDelay(pair, 2, () => 0)).toBe(6000);
    expect(retryDelay(pair, 10, () => 1)).toBe(60_000);
  });

  it('gives up after MAX_SEND_ATTEMPTS attempts', () => {
    expect(MAX_SEND_ATTEMPTS).toBe(5);
    expect(retriesExhausted(4)).toBe(false);
    expect(retriesExhausted(5)).toBe(true);
  });
});
