import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { MAX_RECORD_BYTES, recordBytes } from '../../emulator/zendesk/customObjectRules';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { BlackoutLogStore } from '../../src/store/blackoutLog';
import { BlackoutLogWriter } from '../../src/store/blackoutLogWriter';
import { BLACKOUT_LOG_OBJECT } from '../../src/store/heraldObjects';
import { setUpHeraldObjects } from '../../src/store/setup';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { advancingClock } from '../support/advancingClock';
import { createFakeZafClient } from '../support/fakeZafClient';

/** The blackout log over the real transport, through the emulated Zendesk proxy, against the emulator. */

const DAY = 86_400_000;

interface Harness {
  clock: ManualClock;
  emulator: Emulator;
  store: BlackoutLogStore;
  /** A sending run's writer. */
  writer(key?: string): BlackoutLogWriter;
}

async function harness(options: { setUp?: boolean } = {}): Promise<Harness> {
  const clock = new ManualClock();
  const emulator = createEmulator({ clock, zendesk: { endUsers: 10 } });
  const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  if (options.setUp !== false) await setUpHeraldObjects(new CustomObjectsClient(transport));
  const waits = advancingClock(clock);
  return { clock, emulator, store: new BlackoutLogStore(transport, { clock: waits }), writer: (key = 'campaign-1.run-a') => new BlackoutLogWriter(transport, key, { clock: waits }) };
}

const logRecords = (h: Harness) => h.emulator.zendesk.customObjects.records(BLACKOUT_LOG_OBJECT.key);

const upserts = (h: Harness) => h.emulator.requests.filter((request) => request.method === 'PATCH' && request.url.includes(`${BLACKOUT_LOG_OBJECT.key}/records`));

const searches = (h: Harness) =>
  h.emulator.requests.filter((request) => request.method === 'POST' && new URL(request.url).pathname.endsWith(`${BLACKOUT_LOG_OBJECT.key}/records/search`));

/** Fingerprints shaped like Herald's: 32 lowercase hex digits, deterministic. */
function fingerprints(count: number, salt: number): string[] {
  const list: string[] = [];
  let state = (salt * 2654435761) >>> 0 || 1;
  const word = (): string => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state.toString(16).padStart(8, '0');
  };
  for (let index = 0; index < count; index++) list.push(word() + word() + word() + word());
  return list;
}

describe('the blackout log', () => {
  it('needs Herald’s setup', async () => {
    const h = await harness({ setUp: false });
    await expect(h.store.index(h.clock.now(), 7)).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(h.writer().record(['abc'], h.clock.now())).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });

  it('finds what was sent within the window, and not what was sent before it', async () => {
    const h = await harness();
    const now = h.clock.now();
    const [recent, old, today] = [fingerprints(5, 1), fingerprints(5, 2), fingerprints(5, 3)];
    const writer = h.writer();
    await writer.record(recent, now - 3 * DAY);
    await writer.record(old, now - 10 * DAY);
    await writer.record(today, now);
    // Non-hex fingerprints are kept as they are.
    await writer.record(['user:1001|spring_sale|fr', 'user:1002|spring_sale|fr'], now - DAY);

    const week = await h.store.index(h.clock.now(), 7);
    for (const fingerprint of [...recent, ...today, 'user:1001|spring_sale|fr']) expect(week.wasSent(fingerprint)).toBe(true);
    for (const fingerprint of old) expect(week.wasSent(fingerprint)).toBe(false);
    expect(week.wasSent(fingerprints(1, 99)[0] as string)).toBe(false);
    expect(week.wasSent('user:1003|spring_sale|fr')).toBe(false);

    const twoDays = await h.store.index(h.clock.now(), 2);
    expect(twoDays.wasSent(today[0] as string)).toBe(true);
    expect(twoDays.wasSent(recent[0] as string)).toBe(false);
    expect((await h.store.index(h.clock.now(), 0)).wasSent(today[0] as string)).toBe(false);
  });

  it('packs 30,000 fingerprints into few records of at most 32 KB, read back in a handful of requests', async () => {
    const h = await harness();
    const sent = fingerprints(30_000, 7);
    await h.writer().record(sent, h.clock.now());
    const stored = logRecords(h);
    const sizes = stored.map((record) => recordBytes(record.name, record.externalId, record.fields));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    // 30,000 × (22 characters + a space) is about 690 KB: 22 records of 32 KB at the very least.
    expect(stored.length).toBeLessThanOrEqual(23);

    const before = searches(h).length;
    const index = await h.store.index(h.clock.now(), 7);
    expect(searches(h).length - before).toBeLessThanOrEqual(2);
    expect(index.size).toBe(30_000);
    expect(sent.every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
    process.stdout.write(`blackout: 30,000 fingerprints in ${stored.length} records (largest ${Math.max(...sizes)} bytes), index read in ${searches(h).length - before} request(s)\n`);
  });

  it('fills the record a run is writing, a few seconds of sends at a time: one request per call, a record per ~1,400 sends', async () => {
    const h = await harness();
    const writer = h.writer();
    const sent = fingerprints(5_000, 21);
    for (let start = 0; start < sent.length; start += 50) {
      await writer.record(sent.slice(start, start + 50), h.clock.now());
      h.clock.advance(5_000);
    }
    const stored = logRecords(h);
    expect(stored.length).toBeLessThanOrEqual(4);
    // 100 calls; a call that fills a record also starts the next one.
    expect(upserts(h).length).toBeLessThanOrEqual(100 + stored.length);
    const index = await h.store.index(h.clock.now(), 1);
    expect(index.size).toBe(5_000);
  });

  it('keeps apart the records of two runs writing the same day', async () => {
    const h = await harness();
    const [first, second] = [h.writer('campaign-1.run-a'), h.writer('campaign-2.run-b')];
    const [a, b] = [fingerprints(300, 31), fingerprints(300, 32)];
    for (let start = 0; start < 300; start += 100) {
      await first.record(a.slice(start, start + 100), h.clock.now());
      await second.record(b.slice(start, start + 100), h.clock.now());
    }
    expect(logRecords(h)).toHaveLength(2);
    const index = await h.store.index(h.clock.now(), 1);
    expect([...a, ...b].every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
  });

  it('after a failed write, the same call writes everything, each fingerprint once', async () => {
    const h = await harness();
    const writer = h.writer();
    await writer.record(fingerprints(10, 41), h.clock.now());
    h.emulator.faults.add({ match: { service: 'zendesk', method: 'PATCH', path: /\/records$/ }, fault: { kind: 'status', status: 503 }, times: 1 });
    const next = fingerprints(10, 42);
    await expect(writer.record(next, h.clock.now())).rejects.toThrow();
    await writer.record(next, h.clock.now());
    const text = String(logRecords(h)[0]?.fields.fingerprints);
    expect(text.slice(2).split(' ')).toHaveLength(20);
    const index = await h.store.index(h.clock.now(), 1);
    expect(next.every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
  });

  it('refuses a fingerprint that could not be read back, and a writer key that would break the record ids', async () => {
    const h = await harness();
    await expect(h.writer().record(['has a space'], h.clock.now())).rejects.toBeInstanceOf(RangeError);
    await expect(h.writer().record([''], h.clock.now())).rejects.toBeInstanceOf(RangeError);
    expect(() => h.writer('a key:with a colon')).toThrow(RangeError);
    expect(logRecords(h)).toHaveLength(0);
  });
});
