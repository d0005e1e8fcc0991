import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/api/transport/errors';
import { delivered, echo, failed, read, reply, serviceUnderTest, T0, warmUp, type ServiceUnderTest } from './serviceHarness';

/** What the service makes of the events: attribution, duplicates, any order, replies, opt-outs, writes and pauses. */

let sut: ServiceUnderTest;
beforeAll(warmUp, 60_000);
afterEach(async () => sut?.close());

async function outcomes(campaign: string) {
  sut.clock.now += 10_000;
  await sut.service.settle();
  return sut.ports.outcomesByCampaign.get(campaign) ?? new Map();
}

describe('hearing back', () => {
  it('counts an event heard twice once, and a delivery before its echo is held, then applied', async () => {
    sut = await serviceUnderTest();
    const deliveredEvent = delivered('m1', 'c1', T0 + 2_000);
    expect((await sut.post([deliveredEvent])).statusCode).toBe(200);
    expect((await sut.db.query('SELECT event_id FROM herald_held')).rows).toHaveLength(1);
    await sut.post([echo('m1', 'c1', 'camp', 3, T0)]);
    await sut.post([deliveredEvent, deliveredEvent]);
    const stored = await outcomes('camp');
    expect(stored.get(3)).toEqual({ deliveredAt: T0 + 2_000 });
    expect((await sut.db.query('SELECT event_id FROM herald_held')).rows).toHaveLength(0);
    expect(sut.ports.writes.at(-1)?.totals).toMatchObject({ heard: 1, delivered: 1 });
  });

  it('ends in the same state whatever the order: read implies delivered, a failure after delivery is kept', async () => {
    const events = [
      echo('m1', 'c1', 'camp', 0, T0),
      delivered('m1', 'c1', T0 + 1_000),
      read('c1', T0 + 5_000),
      echo('m2', 'c2', 'camp', 1, T0),
      delivered('m2', 'c2', T0 + 1_000),
      failed('m2', 'c2', '131000', T0 + 2_000),
      echo('m3', 'c3', 'camp', 2, T0),
      failed('m3', 'c3', '131026', T0 + 1_500),
    ];
    const expected = new Map([
      [0, { deliveredAt: T0 + 1_000, readAt: T0 + 5_000 }],
      [1, { deliveredAt: T0 + 1_000, failedAt: T0 + 2_000, code: '131000' }],
      [2, { failedAt: T0 + 1_500, code: '131026' }],
    ]);
    for (const order of [events, [...events].reverse(), [events[2], events[6], events[5], events[1], events[0], events[7], events[3], events[4]]]) {
      sut = await serviceUnderTest();
      for (const event of order) expect((await sut.post([event])).statusCode).toBe(200);
      expect(await outcomes('camp')).toEqual(expected);
      expect(sut.ports.heardNumbers.map((entry) => entry.code)).toEqual(['131026']);
      await sut.close();
    }
  });

  it('attributes by the echo’s message id whether or not it equals the notification _id', async () => {
    for (const messageId of ['notif_abc', 'v2msg_def']) {
      sut = await serviceUnderTest();
      // The notification _id was `notif_abc`: the service never uses it, only what the webhooks carry.
      await sut.post([delivered(messageId, 'c1', T0 + 1_000), echo(messageId, 'c1', 'camp', 7, T0)]);
      expect((await outcomes('camp')).get(7)).toEqual({ deliveredAt: T0 + 1_000 });
      await sut.close();
    }
  });

  it('marks read the conversation’s messages sent at or before the read, not a later one', async () => {
    sut = await serviceUnderTest();
    await sut.post([echo('m1', 'c1', 'first', 0, T0), read('c1', T0 + 60_000), echo('m2', 'c1', 'second', 0, T0 + 120_000)]);
    expect((await outcomes('first')).get(0)).toEqual({ readAt: T0 + 60_000 });
    expect((await outcomes('second')).get(0)).toBeUndefined();
  });

  it('ties a reply to the most recent Herald notification it lists, else to the conversation’s latest Herald message within 7 days', async () => {
    sut = await serviceUnderTest();
    await sut.post([echo('m1', 'c1', 'old', 0, T0), echo('m2', 'c1', 'new', 4, T0 + 60_000)]);
    await sut.post([reply('c1', 'When does it open?', T0 + 120_000, [{ campaign: 'old', recipient: 0, at: T0 }, { campaign: 'listed', recipient: 9, at: T0 + 90_000 }])]);
    expect((await outcomes('listed')).get(9)).toEqual({ repliedAt: T0 + 120_000 });
    await sut.post([reply('c1', 'Thanks', T0 + 180_000)]);
    expect((await outcomes('new')).get(4)).toEqual({ repliedAt: T0 + 180_000 });
    // Eight days later, nothing Herald sent is recent enough: kept and counted, attributed to nobody.
    await sut.post([reply('c1', 'Hello again', T0 + 8 * 24 * 3_600_000)]);
    expect((await sut.db.query('SELECT type FROM herald_unattributed')).rows).toEqual([{ type: 'conversation:message' }]);
  });

  it('a STOP reply (or its French, or 131050) opts the user out; START opts them back in', async () => {
    sut = await serviceUnderTest();
    await sut.post([echo('m1', 'c1', 'camp', 1, T0), echo('m2', 'c2', 'camp', 2, T0), echo('m3', 'c3', 'camp', 3, T0)]);
    await sut.post([reply('c1', '  Arrêt ', T0 + 1_000), failed('m2', 'c2', '131050', T0 + 1_000), reply('c3', 'stop sending me this please', T0 + 1_000)]);
    const stored = await outcomes('camp');
    expect(stored.get(1)).toEqual({ repliedAt: T0 + 1_000, optedOutAt: T0 + 1_000 });
    expect(stored.get(2)).toEqual({ failedAt: T0 + 1_000, code: '131050', optedOutAt: T0 + 1_000 });
    expect(stored.get(3)).toEqual({ repliedAt: T0 + 1_000 });
    expect([...sut.ports.optedOut].sort()).toEqual([1001, 1002]);
    await sut.post([reply('c1', 'START', T0 + 2_000)]);
    await outcomes('camp');
    expect([...sut.ports.optedOut]).toEqual([1002]);
  });

  it('skips the opt-out of a user Zendesk no longer has, and still opts out the next one', async () => {
    sut = await serviceUnderTest();
    const optOut = sut.ports.optOuts.optOut;
    sut.ports.optOuts.optOut = async (userId: number) => {
      if (userId === 1001) throw new HttpError(404, { code: 'RecordNotFound', message: 'Not found' }, undefined, {});
      return optOut(userId);
    };
    await sut.post([echo('m1', 'c1', 'camp', 1, T0), echo('m2', 'c2', 'camp', 2, T0)]);
    await sut.post([reply('c1', 'STOP', T0 + 1_000), reply('c2', 'STOP', T0 + 2_000)]);
    await outcomes('camp');
    expect([...sut.ports.optedOut]).toEqual([1002]);
    expect((await sut.db.query('SELECT id FROM herald_effects WHERE done_at IS NULL')).rows).toHaveLength(0);
  });

  it('hears the installation’s own keywords instead of the defaults', async () => {
    sut = await serviceUnderTest({ keywords: { stop: ['HALTE'], start: ['ENCORE'] } });
    await sut.post([echo('m1', 'c1', 'camp', 1, T0), reply('c1', 'stop', T0 + 1_000), reply('c1', 'halte', T0 + 2_000)]);
    await outcomes('camp');
    expect(sut.ports.optOutCalls).toEqual([{ userId: 1001, change: 'out' }]);
  });

  it('writes a campaign at most once every 5 s, only the chunks that changed, never once per event', async () => {
    sut = await serviceUnderTest();
    for (let second = 0; second < 20; second += 1) {
      const events = Array.from({ length: 50 }, (_, n) => [echo(`m${second}-${n}`, `c${second}-${n}`, 'camp', second * 50 + n, T0), delivered(`m${second}-${n}`, `c${second}-${n}`, T0 + second * 1_000)]);
      await sut.post(events.flat());
      sut.clock.now = T0 + second * 1_000;
      await sut.service.flusher.flushDue();
    }
    // 2,000 events over 20 s: four writes, each at least 5 s after the last.
    expect(sut.ports.writes).toHaveLength(4);
    await sut.post([read('c0-1', T0 + 30_000)]);
    sut.clock.now = T0 + 40_000;
    await sut.service.flusher.flushDue();
    expect(sut.ports.writes.at(-1)?.chunks).toEqual([0]);
    await sut.post([echo('far', 'cfar', 'camp', 4_500, T0), delivered('far', 'cfar', T0 + 45_000)]);
    sut.clock.now = T0 + 50_000;
    await sut.service.flusher.flushDue();
    expect(sut.ports.writes.at(-1)?.chunks).toEqual([2]);
    expect(sut.service.flusher.writes).toBe(6);
  });

  it('pauses a campaign once on a burst of failures that are its own (a paused template), not on a few', async () => {
    sut = await serviceUnderTest();
    const echoes = Array.from({ length: 10 }, (_, n) => echo(`m${n}`, `c${n}`, 'camp', n, T0));
    await sut.post(echoes);
    await sut.post(Array.from({ length: 4 }, (_, n) => failed(`m${n}`, `c${n}`, '132015', T0 + 1_000)));
    await outcomes('camp');
    expect(sut.ports.pauses).toEqual([]);
    sut.clock.now = T0 + 60_000;
    await sut.post(Array.from({ length: 4 }, (_, n) => failed(`m${n + 4}`, `c${n + 4}`, '132015', T0 + 60_000)));
    await outcomes('camp');
    await sut.post([failed('m8', 'c8', '132015', T0 + 70_000)]);
    await outcomes('camp');
    expect(sut.ports.pauses).toEqual([{ campaignId: 'camp', reason: 'template-paused' }]);
  });

  it('pauses on a 131049 wave: 20 in 5 minutes that are a fifth of the outcomes', async () => {
    sut = await serviceUnderTest();
    await sut.post(Array.from({ length: 200 }, (_, n) => echo(`m${n}`, `c${n}`, 'camp', n, T0)));
    await sut.post(Array.from({ length: 100 }, (_, n) => delivered(`m${n}`, `c${n}`, T0 + 1_000)));
    await sut.post(Array.from({ length: 20 }, (_, n) => failed(`m${n + 100}`, `c${n + 100}`, '131049', T0 + 1_000)));
    await outcomes('camp');
    expect(sut.ports.pauses).toEqual([]);
    await sut.post(Array.from({ length: 20 }, (_, n) => failed(`m${n + 120}`, `c${n + 120}`, '131049', T0 + 2_000)));
    await outcomes('camp');
    expect(sut.ports.pauses).toEqual([{ campaignId: 'camp', reason: 'error-burst' }]);
  });
});
