import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/api/transport/errors';
import { withRateLimitRetries } from '../../src/api/transport/rateLimitRetries';
import type { HttpRequest, Transport } from '../../src/api/transport/types';
import { leaseHolderAgent, leaseHolderName } from '../../src/core/campaign/runPresence';
import { CampaignLease, DEFAULT_LEASE_TTL_MS, type AcquireResult } from '../../src/store/campaignLease';
import { CampaignNotFoundError, CampaignStore } from '../../src/store/campaigns';
import { campaignDraft, campaignHarness, type CampaignHarness } from '../support/campaignHarness';
import { seededRandom } from '../support/recipients';
import { FakeClock } from '../support/fakeClock';
import { SlowTransport } from '../support/slowTransport';

/**
 * The campaign lease over the real transport against the emulator, with runners that race: their
 * requests take time on a virtual clock, so that reads and writes interleave as they would between
 * two browsers.
 */

interface LeaseHarness extends CampaignHarness {
  time: FakeClock;
  campaignId: string;
  keeper(session: string, transport?: Transport): CampaignLease;
  holderOnRecord(): Promise<string | undefined>;
}

async function leaseHarness(): Promise<LeaseHarness> {
  const h = await campaignHarness();
  const store = new CampaignStore(h.transport);
  const campaignId = await store.create(campaignDraft());
  const time = FakeClock.driving(h.clock);
  return {
    ...h,
    time,
    campaignId,
    keeper: (session, transport = h.transport) => new CampaignLease(transport, campaignId, { agentName: 'Alex Martin', agentId: 1, sessionId: session, clock: time }),
    holderOnRecord: async () => (await store.load(campaignId)).lease?.holder,
  };
}

const isWrite = (request: HttpRequest) => request.method === 'PATCH';

describe('the campaign lease', () => {
  it('names its holder by agent and session', () => {
    expect(leaseHolderName('Alex Martin', 1, 'tab-7')).toBe('Alex Martin (#1) · tab-7');
  });

  it('shows its holder to people as the agent alone, even with a dot in the name', () => {
    expect(leaseHolderAgent(leaseHolderName('Alex Martin', 1, 'tab-7'))).toBe('Alex Martin');
    expect(leaseHolderAgent(leaseHolderName('Jo · Support', 2, 'ab12'))).toBe('Jo · Support');
    expect(leaseHolderAgent('a holder of another version')).toBe('a holder of another version');
  });

  it('is taken when free, then refused to another runner with who holds it and until when', async () => {
    const h = await leaseHarness();
    const first = h.keeper('tab-1');
    const second = h.keeper('tab-2');
    expect(await h.time.run(first.acquire())).toEqual({ ok: true });
    expect(await h.holderOnRecord()).toBe(first.holder);
    const refused = await h.time.run(second.acquire());
    expect(refused).toEqual({ ok: false, holder: first.holder, expiresAt: expect.any(Number) });
    expect((refused as Extract<AcquireResult, { ok: false }>).expiresAt).toBeGreaterThan(h.clock.now());
    // The same runner asking again keeps it.
    expect(await h.time.run(first.acquire())).toEqual({ ok: true });
  });

  it('two runners racing, the first write landing last: exactly one holds, the last writer', async () => {
    const h = await leaseHarness();
    // Both read the lease free at t=100; B's write lands at 200, A's at 1,600 (a slow network).
    const slowA = new SlowTransport(h.transport, h.time, (request) => (isWrite(request) ? 1_500 : 100));
    const fastB = new SlowTransport(h.transport, h.time, () => 100);
    const a = h.keeper('tab-A', slowA);
    const b = h.keeper('tab-B', fastB);
    const [resultA, resultB] = await h.time.run(Promise.all([a.acquire(), b.acquire()]));
    expect(resultA).toEqual({ ok: true });
    expect(resultB).toMatchObject({ ok: false, holder: a.holder });
    expect(await h.holderOnRecord()).toBe(a.holder);
    expect(await h.time.run(b.heartbeat())).toBe(false);
    expect(await h.time.run(a.heartbeat())).toBe(true);
  });

  it('a claim refused with 429 starts over from its read: a runner that took the lease while it waited keeps it', async () => {
    const h = await leaseHarness();
    // Both runners' transports wait out 429s, as the app's context gives them (app/context.ts).
    const a = h.keeper('tab-A', withRateLimitRetries(h.transport, h.time));
    const b = h.keeper('tab-B', withRateLimitRetries(new SlowTransport(h.transport, h.time, () => 1_000), h.time));
    // A reads the lease free at once; its write is refused for 10 s. B reads at 1 s, writes at 2 s, holds it from 5 s.
    h.emulator.faults.add({ match: { service: 'zendesk', method: 'PATCH' }, fault: { kind: 'rateLimit', retryAfterSeconds: 10 }, times: 1 });
    const [resultA, resultB] = await h.time.run(Promise.all([a.acquire(), b.acquire()]));
    expect(resultB).toEqual({ ok: true });
    expect(resultA).toMatchObject({ ok: false, holder: b.holder });
    expect(await h.holderOnRecord()).toBe(b.holder);
    expect(await h.time.run(b.heartbeat())).toBe(true);
  });

  it('runners racing with any interleaving of their calls: exactly one holds, every time', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const h = await leaseHarness();
      const random = seededRandom(seed);
      const runners = ['tab-A', 'tab-B', 'tab-C'].map((session) => {
        // Each request takes 0 to 900 ms, well within the 2 s settle delay; runners start up to 1 s apart.
        const slow = new SlowTransport(h.transport, h.time, () => Math.floor(random() * 900));
        const keeper = h.keeper(session, slow);
        const start = Math.floor(random() * 1_000);
        return { keeper, result: h.time.sleep(start).then(() => keeper.acquire()) };
      });
      const results = await h.time.run(Promise.all(runners.map((runner) => runner.result)));
      const holders = runners.filter((_, index) => results[index]?.ok);
      expect(holders, `seed ${seed}: ${JSON.stringify(results)}`).toHaveLength(1);
      expect(await h.holderOnRecord()).toBe(holders[0]?.keeper.holder);
    }
  });

  it('expires without heartbeats: another runner takes over, and the first one’s heartbeat says it lost', async () => {
    const h = await leaseHarness();
    const first = h.keeper('tab-1');
    const second = h.keeper('tab-2');
    await h.time.run(first.acquire());
    // The lease runs from its write, before the 2 s settle delay.
    await h.time.advance(DEFAULT_LEASE_TTL_MS - 3_000);
    expect(await h.time.run(second.acquire())).toMatchObject({ ok: false, holder: first.holder });
    await h.time.advance(2_000);
    expect(await h.time.run(second.acquire())).toEqual({ ok: true });
    expect(await h.time.run(first.heartbeat())).toBe(false);
    expect(await h.holderOnRecord()).toBe(second.holder);
  });

  it('heartbeats keep the lease past its first expiry; an expired lease still on the record is claimed again', async () => {
    const h = await leaseHarness();
    const first = h.keeper('tab-1');
    const second = h.keeper('tab-2');
    await h.time.run(first.acquire());
    for (let beat = 0; beat < 6; beat++) {
      await h.time.advance(10_000);
      expect(await h.time.run(first.heartbeat())).toBe(true);
    }
    expect(await h.time.run(second.acquire())).toMatchObject({ ok: false, holder: first.holder });
    // A runner that missed its heartbeats, when nobody took over, gets its lease back.
    await h.time.advance(DEFAULT_LEASE_TTL_MS + 5_000);
    expect(await h.time.run(first.heartbeat())).toBe(true);
    expect(await h.holderOnRecord()).toBe(first.holder);
  });

  it('release clears the lease only while it is ours', async () => {
    const h = await leaseHarness();
    const first = h.keeper('tab-1');
    const second = h.keeper('tab-2');
    await h.time.run(first.acquire());
    await h.time.run(first.release());
    expect(await h.holderOnRecord()).toBeUndefined();
    expect(await h.time.run(first.heartbeat())).toBe(false);
    expect(await h.time.run(second.acquire())).toEqual({ ok: true });
    await h.time.run(first.release());
    expect(await h.holderOnRecord()).toBe(second.holder);
  });

  it('names a campaign that does not exist', async () => {
    const h = await leaseHarness();
    const keeper = new CampaignLease(h.transport, '01KAAAAAAAAAAAAAAAAAAAAAAA', { agentName: 'Alex Martin', agentId: 1, sessionId: 'tab-1', clock: h.time });
    await expect(h.time.run(keeper.acquire())).rejects.toBeInstanceOf(CampaignNotFoundError);
  });

  it('a heartbeat that cannot reach Zendesk fails while the lease is surely ours, then says it is lost', async () => {
    const h = await leaseHarness();
    let offline = false;
    const flaky: Transport = {
      send: (request) => (offline ? Promise.reject(new NetworkError('offline')) : h.transport.send(request)),
    };
    const keeper = h.keeper('tab-1', flaky);
    await h.time.run(keeper.acquire());
    offline = true;
    await h.time.advance(10_000);
    await expect(h.time.run(keeper.heartbeat())).rejects.toBeInstanceOf(NetworkError);
    await h.time.advance(DEFAULT_LEASE_TTL_MS);
    expect(await h.time.run(keeper.heartbeat())).toBe(false);
  });
});
