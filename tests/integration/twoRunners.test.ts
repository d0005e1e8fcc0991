import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/api/transport/errors';
import type { HttpRequest, HttpResponse, Transport } from '../../src/api/transport/types';
import type { RunOutcome } from '../../src/core/sending/runner';
import { DEFAULT_LEASE_TTL_MS } from '../../src/store/campaignLease';
import type { FakeClock } from '../support/fakeClock';
import { seededRandom } from '../support/recipients';
import { acceptedByPhone, fakeClockFor, sendingSetup, type SendingSetup } from '../support/sendingHarness';
import { SlowTransport } from '../support/slowTransport';

/**
 * Two runners on one campaign, each with the real lease on the campaign record (two agents'
 * browsers): one sends, the other is told who does; it takes over only once the lease expired,
 * and no recipient gets the message twice.
 */

/** A browser whose requests to Zendesk fail while `cut` (its Sunshine requests still go through). */
class CutOffFromZendesk implements Transport {
  cut = false;

  constructor(private readonly inner: Transport) {}

  send(request: HttpRequest): Promise<HttpResponse> {
    if (this.cut && !request.url.includes('/sc/')) return Promise.reject(new NetworkError('Zendesk cannot be reached'));
    return this.inner.send(request);
  }
}

function expectNoDuplicate(setup: SendingSetup): void {
  const twice = [...acceptedByPhone(setup.emulator)].filter(([, times]) => times > 1);
  expect(twice).toEqual([]);
}

/** Starts a runner, and keeps its outcome when it comes. */
function launch(setup: SendingSetup, session: string, clock: FakeClock, transport: Transport) {
  const { runner } = setup.runner({ session, clock, transport });
  const run = { runner, outcome: undefined as RunOutcome | undefined };
  void runner.start().then((outcome) => (run.outcome = outcome));
  return run;
}

describe('two runners on the same campaign', () => {
  it('only one sends; the other takes over once the lease of the crashed one expired, without a duplicate', async () => {
    const setup = await sendingSetup({ recipients: 1_500 });
    const clock = fakeClockFor(setup);
    const random = seededRandom(11);
    const slow = new SlowTransport(setup.direct, clock, () => 20 + Math.floor(random() * 200));

    const alex = launch(setup, 'alex', clock, slow);
    const samira = launch(setup, 'samira', clock, slow);
    while (!alex.outcome && !samira.outcome) await clock.advance(100);
    const [sender, watcher] = alex.outcome ? [samira, alex] : [alex, samira];
    expect(watcher.outcome).toMatchObject({ status: 'busy', holder: expect.stringContaining(sender === alex ? 'alex' : 'samira') });

    // The sender sends for a while, then its tab dies with the lease still on the record.
    await clock.advance(8_000);
    expect(setup.emulator.sunshine.notifications().length).toBeGreaterThan(300);
    sender.runner.kill();
    const crashedAt = clock.now();

    // The watcher tries again every 5 s, as the page does: refused until the lease expires.
    let takeover: ReturnType<typeof launch> | undefined;
    let refusals = 0;
    while (!takeover) {
      await clock.advance(5_000);
      const attempt = launch(setup, 'watcher again', clock, slow);
      // Taking the lease takes a read, a write, 2 s of settling and a read back.
      await clock.advance(4_000);
      if (attempt.outcome?.status === 'busy') refusals += 1;
      else takeover = attempt;
    }
    expect(refusals).toBeGreaterThan(0);
    expect(clock.now() - crashedAt).toBeGreaterThanOrEqual(DEFAULT_LEASE_TTL_MS - 10_000);
    while (!takeover.outcome) await clock.advance(500);
    expect(takeover.outcome.status).toBe('completed');
    expectNoDuplicate(setup);
    const counts = takeover.outcome.status === 'completed' ? takeover.outcome.report.counts : undefined;
    expect((counts?.sent ?? 0) + (counts?.unverified ?? 0) + (counts?.failed ?? 0) + (counts?.skipped ?? 0)).toBe(setup.recipients.length);
  }, 60_000);

  it('a runner cut off from Zendesk stops before another one takes over, and nothing is sent twice', async () => {
    const setup = await sendingSetup({ recipients: 1_500 });
    const clock = fakeClockFor(setup);
    const cutOff = new CutOffFromZendesk(setup.direct);
    const first = launch(setup, 'first', clock, cutOff);
    await clock.advance(6_000);
    expect(setup.emulator.sunshine.notifications().length).toBeGreaterThan(200);
    // Its network to Zendesk drops; the Notification API still answers it.
    cutOff.cut = true;
    const cutAt = clock.now();
    let second: ReturnType<typeof launch> | undefined;
    while (!second || second.outcome?.status === 'busy') {
      await clock.advance(5_000);
      second = launch(setup, 'second', clock, setup.direct);
      await clock.advance(3_000);
    }
    // The first runner gave up by itself, before the second one could hold the lease.
    expect(first.outcome?.status).toMatch(/paused|lease-lost/);
    expect(clock.now() - cutAt).toBeGreaterThanOrEqual(DEFAULT_LEASE_TTL_MS - 10_000);
    while (!second.outcome) await clock.advance(500);
    expect(second.outcome.status).toBe('completed');
    expectNoDuplicate(setup);
  }, 60_000);
});
