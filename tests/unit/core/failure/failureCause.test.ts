import { describe, expect, it } from 'vitest';
import { errorForStatus, InvalidResponseError, NetworkError, TimeoutError } from '../../../../src/api/transport/errors';
import { apiMessageOf, causeOf, retryAfterSeconds } from '../../../../src/core/failure/failureCause';
import { readFailure } from '../../../../src/core/failure/readFailure';

describe('what a failure means for the person who fixes it', () => {
  it('reads every transport failure, and the same failure once it crossed a worker boundary', () => {
    const cases: Array<[unknown, string]> = [
      [errorForStatus(401, {}, { errors: [{ code: 'unauthorized', title: 'Invalid credentials' }] }), 'credentials-rejected'],
      [errorForStatus(403, {}, { error: 'Forbidden', description: 'No access' }), 'not-permitted'],
      [errorForStatus(403, {}, { error: { code: 'ProxyRefused', message: 'api.example.com is not in domainWhitelist' } }), 'host-not-allowed'],
      // No credential saved (as after the update that keeps the key as one setting): the key is what to fix.
      [errorForStatus(400, {}, { error: 'ProxyRefused', description: 'Setting sunco_credential has no value' }), 'credentials-rejected'],
      [errorForStatus(404, {}, { error: 'RecordNotFound' }), 'not-found'],
      [errorForStatus(429, { 'retry-after': '7' }, {}), 'rate-limited'],
      [errorForStatus(422, {}, { error: 'RecordInvalid' }), 'bad-request'],
      [errorForStatus(503, {}, {}), 'server-error'],
      [new TimeoutError('The request timed out'), 'timeout'],
      [new NetworkError('The network request failed'), 'unreachable'],
      [new InvalidResponseError('GET /x', ['id is missing']), 'unexpected-response'],
      [new Error('boom'), 'unexpected'],
    ];
    for (const [error, cause] of cases) {
      expect(causeOf(error)).toBe(cause);
      // A worker posts an error as a plain object (its own fields, its name and message).
      const posted = error instanceof Error ? { ...error, name: error.name, message: error.message } : error;
      expect(causeOf(structuredClone(posted))).toBe(cause);
    }
  });

  it('reads Retry-After once, whatever the status that carries it', () => {
    expect(retryAfterSeconds(errorForStatus(429, { 'retry-after': '1.2' }, {}))).toBe(2);
    expect(readFailure(errorForStatus(503, { 'retry-after': '4' }, {})).retryAfterMs).toBe(4000);
    // A 503 that asks for a wait is still a server error for the person: only a 429 says "wait N s".
    expect(retryAfterSeconds(errorForStatus(503, { 'retry-after': '4' }, {}))).toBeUndefined();
  });

  it("gives the API's own words for HTTP failures only", () => {
    expect(apiMessageOf(errorForStatus(400, {}, { errors: [{ code: 'bad_request', title: 'destinationId is invalid' }] }))).toBe('destinationId is invalid');
    expect(apiMessageOf(errorForStatus(404, {}, { error: 'RecordNotFound' }))).toBe('RecordNotFound');
    expect(apiMessageOf(new TimeoutError('The request timed out'))).toBeUndefined();
  });
});
