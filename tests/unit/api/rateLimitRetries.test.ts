import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, RateLimitedError } from '../../../src/api/transport/errors';
import { withoutRateLimitRetries, withRateLimitRetries } from '../../../src/api/transport/rateLimitRetries';
import type { HttpRequest, HttpResponse, Transport } from '../../../src/api/transport/types';
import { runBulkJob } from '../../../src/api/zendesk/customObjectJobs';
import type { ApiClock } from '../../../src/core/time/clock';

/** A clock whose waits take no real time and are written down. */
function recordingClock(): ApiClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** A transport that fails with each of `failures` in turn, then answers 200; it counts what it was sent. */
function failingThen(...failures: Error[]): Transport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    send: async (request): Promise<HttpResponse> => {
      sent.push(request);
      const failure = failures[sent.length - 1];
      if (failure) throw failure;
      return { status: 200, headers: {}, body: { ok: true } };
    },
  };
}

const rateLimited = (retryAfterMs?: number) => new RateLimitedError(retryAfterMs, { code: 'APIRateLimitExceeded' }, undefined);
const always = (error: Error) => Array.from({ length: 50 }, () => error);

const createRecord: HttpRequest = { method: 'POST', url: '/api/v2/custom_objects/herald_campaign/records', credentials: 'zendesk', body: { custom_object_record: { name: 'Spring sale' } } };
const sendNotification: HttpRequest = { method: 'POST', url: 'https://acme.zendesk.com/sc/v1.1/apps/a1/notifications', credentials: 'sunshine', body: {} };
const listTemplates: HttpRequest = { method: 'GET', url: 'https://acme.zendesk.com/sc/v1.1/apps/a1/integrations/i1/messageTemplates', credentials: 'sunshine' };

describe('rate-limit retries', () => {
  it('waits as long as Retry-After says, then sends the refused write again and answers', async () => {
    const clock = recordingClock();
    const inner = failingThen(rateLimited(1000));
    const response = await withRateLimitRetries(inner, clock).send(createRecord);
    expect(response.body).toEqual({ ok: true });
    expect(clock.slept).toEqual([1000]);
    expect(inner.sent).toEqual([createRecord, createRecord]);
  });

  it('backs off with jitter when Zendesk gives no Retry-After', async () => {
    const clock = recordingClock();
    const inner = failingThen(rateLimited(), rateLimited(), rateLimited());
    await withRateLimitRetries(inner, clock, { random: () => 0 }).send(createRecord);
    // Equal jitter with no randomness: half of 1 s, 2 s, 4 s.
    expect(clock.slept).toEqual([500, 1000, 2000]);
  });

  it('gives up after a few tries, with the last refusal and its Retry-After', async () => {
    const clock = recordingClock();
    const inner = failingThen(...always(rateLimited(1000)));
    const error = await withRateLimitRetries(inner, clock).send(createRecord).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(1000);
    expect(inner.sent).toHaveLength(11);
    expect(clock.slept).toEqual(Array.from({ length: 10 }, () => 1000));
  });

  it('waits out a burst of five refusals asking for 2 s each (the sandbox’s default fault), and answers', async () => {
    const clock = recordingClock();
    const inner = failingThen(rateLimited(2000), rateLimited(2000), rateLimited(2000), rateLimited(2000), rateLimited(2000));
    await withRateLimitRetries(inner, clock).send(createRecord);
    expect(inner.sent).toHaveLength(6);
    expect(clock.slept).toEqual([2000, 2000, 2000, 2000, 2000]);
  });

  it('never waits more than its bound in all: a wait past it is the caller’s at once', async () => {
    const clock = recordingClock();
    const long = failingThen(...always(rateLimited(45_000)));
    await expect(withRateLimitRetries(long, clock).send(createRecord)).rejects.toBeInstanceOf(RateLimitedError);
    expect(long.sent).toHaveLength(1);
    expect(clock.slept).toEqual([]);

    const repeated = failingThen(...always(rateLimited(12_000)));
    await expect(withRateLimitRetries(repeated, clock).send(createRecord)).rejects.toBeInstanceOf(RateLimitedError);
    expect(clock.slept).toEqual([12_000, 12_000]);
    expect(repeated.sent).toHaveLength(3);
  });

  it('does not send again what failed for another reason than a rate limit', async () => {
    for (const failure of [new HttpError(500, {}, undefined), new HttpError(422, { code: 'RecordInvalid' }, undefined), new NetworkError('offline')]) {
      const clock = recordingClock();
      const inner = failingThen(failure);
      await expect(withRateLimitRetries(inner, clock).send(createRecord)).rejects.toBe(failure);
      expect(inner.sent).toHaveLength(1);
      expect(clock.slept).toEqual([]);
    }
  });

  it('leaves a Sunshine notification refused with 429 to the sending engine, and retries Sunshine reads', async () => {
    const clock = recordingClock();
    const notifications = failingThen(rateLimited(1000));
    const error = await withRateLimitRetries(notifications, clock).send(sendNotification).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(notifications.sent).toHaveLength(1);
    expect(clock.slept).toEqual([]);

    const reads = failingThen(rateLimited(1000));
    await withRateLimitRetries(reads, clock).send(listTemplates);
    expect(reads.sent).toHaveLength(2);
  });

  it('is one layer however often it is added, and can be taken off for code that waits on its own', async () => {
    const clock = recordingClock();
    const inner = failingThen(...always(rateLimited(1000)));
    const twice = withRateLimitRetries(withRateLimitRetries(inner, clock), clock);
    await expect(twice.send(createRecord)).rejects.toBeInstanceOf(RateLimitedError);
    expect(inner.sent).toHaveLength(11);
    expect(withoutRateLimitRetries(twice)).toBe(inner);
    expect(withoutRateLimitRetries(inner)).toBe(inner);
  });

  it('is the one retry of a bulk job’s submission, whether or not the transport has it already', async () => {
    for (const wrap of [(inner: Transport) => inner, (inner: Transport, clock: ApiClock) => withRateLimitRetries(inner, clock)]) {
      const clock = recordingClock();
      const inner = failingThen(...always(rateLimited(1000)));
      const item = { name: 'chunk', external_id: 'c:1', custom_object_fields: {} };
      await expect(runBulkJob(wrap(inner, clock), 'herald_campaign_chunk', 'create', [item], { clock })).rejects.toBeInstanceOf(RateLimitedError);
      expect(inner.sent).toHaveLength(11);
    }
  });
});
