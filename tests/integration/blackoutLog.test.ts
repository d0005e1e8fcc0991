import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { MAX_RECORD_BYTES, recordBytes } from '../../emulator/zendesk/customObjectRules';
import { ZafTransport } from '../../src/api/transport/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { BlackoutLogStore } from '../../src/store/blackoutLog';
import { BLACKOUT_LOG_OBJECT } from '../../src/store/heraldObjects';
import { setUpHeraldObjects } from '../../src/store/setup';
import { HeraldObjectsMissingError } from '../../src/store/smsTemplates';
import { advancingClock } from '../support/advancingClock';
import { createFakeZafClient } from '../support/fakeZafClient';

/** The blackout log over the real transport, through the emulated Zendesk proxy, against the emulator. */

const DAY = 86_400_000;

interface Harness {
  clock: ManualClock;
  emulator: Emulator;
  store: BlackoutLogStore;
}

async function harness(options: { setUp?: boolean } = {}): Promise<Harness> {
  const clock = new ManualClock();
  const emulator = createEmulator({ clock, zendesk: { endUsers: 10 } });
  const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  if (options.setUp !== false) await setUpHeraldObjects(new CustomObjectsClient(transport));
  return { clock, emulator, store: new BlackoutLogStore(transport, { clock: advancingClock(clock) }) };
}

const logRecords = (h: Harness) => h.emulator.zendesk.customObjects.records(BLACKOUT_LOG_OBJECT.key);

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
    await expect(h.store.record(['abc'], h.clock.now())).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });

  it('finds what was sent within the window, and not what was sent before it', async () => {
    const h = await harness();
    const now = h.clock.now();
    const [recent, old, today] = [fingerprints(5, 1), fingerprints(5, 2), fingerprints(5, 3)];
    await h.store.record(recent, now - 3 * DAY);
    await h.store.record(old, now - 10 * DAY);
    await h.store.record(today, now);
    // Non-hex fingerprints are kept as they are.
    await h.store.record(['user:1001|spring_sale|fr', 'user:1002|spring_sale|fr'], now - DAY);

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
    await h.store.record(sent, h.clock.now());
    const stored = logRecords(h);
    const sizes = stored.map((record) => recordBytes(record.name, record.externalId, record.fields));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    // 30,000 × (22 characters + a space) is about 690 KB: 22 records of 32 KB at the very least.
    expect(stored.length).toBeLessThanOrEqual(23);
    expect(stored.map((record) => record.externalId)).toEqual(stored.map((_, index) => `${new Date(h.clock.now()).toISOString().slice(0, 10)}:${String(index + 1).padStart(5, '0')}`));

    const before = searches(h).length;
    const index = await h.store.index(h.clock.now(), 7);
    expect(searches(h).length - before).toBeLessThanOrEqual(2);
    expect(index.size).toBe(30_000);
    expect(sent.every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
    process.stdout.write(`blackout: 30,000 fingerprints in ${stored.length} records (largest ${Math.max(...sizes)} bytes), index read in ${searches(h).length - before} request(s)\n`);
  });

  it('appends new parts after the last one and never rewrites a record', async () => {
    const h = await harness();
    const now = h.clock.now();
    const first = fingerprints(2000, 11);
    await h.store.record(first, now);
    const written = logRecords(h).map((record) => ({ id: record.externalId, fields: JSON.stringify(record.fields), updatedAt: record.updatedAt }));
    h.clock.advance(60_000);
    const second = fingerprints(10, 12);
    await h.store.record(second, h.clock.now());

    const after = logRecords(h);
    expect(after).toHaveLength(written.length + 1);
    for (const before of written) {
      const same = after.find((record) => record.externalId === before.id);
      expect(JSON.stringify(same?.fields)).toBe(before.fields);
      expect(same?.updatedAt).toBe(before.updatedAt);
    }
    const index = await h.store.index(h.clock.now(), 1);
    expect([...first, ...second].every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
  });

  it('writes above a part another writer took in the meantime, instead of overwriting it', async () => {
    const h = await harness();
    const day = new Date(h.clock.now()).toISOString().slice(0, 10);
    // Part 2 exists, but the search for the last part answers part 1 (a lagging index, or a race).
    const objects = h.emulator.zendesk.customObjects;
    objects.createRecord(BLACKOUT_LOG_OBJECT.key, { name: `${day}:99999`, externalId: `${day}:00001`, fields: { day, fingerprints: 't:one' } }, 1, h.clock.now());
    objects.createRecord(BLACKOUT_LOG_OBJECT.key, { name: `${day}:00000`, externalId: `${day}:00002`, fields: { day, fingerprints: 't:two' } }, 1, h.clock.now());
    await h.store.record(['three'], h.clock.now());
    expect(logRecords(h).map((record) => [record.externalId, record.fields.fingerprints])).toEqual([
      [`${day}:00001`, 't:one'],
      [`${day}:00002`, 't:two'],
      [`${day}:00003`, 't:three'],
    ]);
    const index = await h.store.index(h.clock.now(), 1);
    expect(['one', 'two', 'three'].every((fingerprint) => index.wasSent(fingerprint))).toBe(true);
  });

  it('refuses a fingerprint that could not be read back', async () => {
    const h = await harness();
    await expect(h.store.record(['has a space'], h.clock.now())).rejects.toBeInstanceOf(RangeError);
    await expect(h.store.record([''], h.clock.now())).rejects.toBeInstanceOf(RangeError);
    expect(logRecords(h)).toHaveLength(0);
  });
});
