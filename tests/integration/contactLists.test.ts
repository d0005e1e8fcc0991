import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { toContactLists } from '../../src/core/campaign/lists';
import { CONTACT_LIST_OBJECT } from '../../src/store/heraldObjects';
import {
  ContactListCsvError,
  MAX_LIST_FILE_BYTES,
  MAX_LIST_FILE_ROWS,
  ContactListStore,
  InvalidContactListEntryError,
  type ContactListEntry,
} from '../../src/store/contactLists';
import { setUpHeraldObjects } from '../../src/store/setup';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { advancingClock } from '../support/advancingClock';
import { createFakeZafClient } from '../support/fakeZafClient';

/** The block and allow lists over the real transport, through the emulated Zendesk proxy, against the emulator. */

interface Harness {
  emulator: Emulator;
  store: ContactListStore;
}

async function harness(options: { setUp?: boolean } = {}): Promise<Harness> {
  const clock = new ManualClock();
  // Bulk jobs run one emulated second after they are queued: the store polls on the advancing clock.
  const emulator = createEmulator({ clock, zendesk: { endUsers: 50 } });
  const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  if (options.setUp !== false) await setUpHeraldObjects(new CustomObjectsClient(transport));
  return { emulator, store: new ContactListStore(transport, { clock: advancingClock(clock) }) };
}

const records = (h: Harness) => h.emulator.zendesk.customObjects.records(CONTACT_LIST_OBJECT.key);
const jobPosts = (h: Harness) => h.emulator.requests.filter((request) => request.method === 'POST' && new URL(request.url).pathname.endsWith(`${CONTACT_LIST_OBJECT.key}/jobs`));
const byIdentity = (a: ContactListEntry, b: ContactListEntry) =>
  `${a.list}${a.userId ?? ''}${a.phone ?? ''}`.localeCompare(`${b.list}${b.userId ?? ''}${b.phone ?? ''}`);

describe('the contact lists', () => {
  it('need Herald’s setup: every operation says so while the object is missing', async () => {
    const h = await harness({ setUp: false });
    const entry: ContactListEntry = { list: 'block', userId: 1001, phone: null, note: '' };
    await expect(h.store.load()).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(h.store.add(entry)).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(h.store.remove(entry)).rejects.toBeInstanceOf(HeraldObjectsMissingError);
    await expect(h.store.importCsv('block', 'user_id\n1001\n', 'FR')).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });

  it('add and remove are idempotent', async () => {
    const h = await harness();
    const blocked: ContactListEntry = { list: 'block', userId: 1001, phone: null, note: 'asked to stop' };
    const allowed: ContactListEntry = { list: 'allow', userId: null, phone: '+33612345678', note: '' };
    await h.store.add(blocked);
    await h.store.add({ ...blocked, note: 'asked to stop, twice' });
    await h.store.add(allowed);
    await h.store.add(allowed);
    expect(records(h)).toHaveLength(2);
    expect((await h.store.load()).sort(byIdentity)).toEqual([allowed, { ...blocked, note: 'asked to stop, twice' }]);
    expect(records(h).map((record) => record.externalId).sort()).toEqual(['allow:phone:+33612345678', 'block:user:1001']);

    await h.store.remove(blocked);
    await h.store.remove(blocked);
    expect(await h.store.load()).toEqual([allowed]);

    await expect(h.store.add({ list: 'block', userId: null, phone: null, note: '' })).rejects.toBeInstanceOf(InvalidContactListEntryError);
    await expect(h.store.add({ list: 'block', userId: null, phone: '06 12', note: '' })).rejects.toMatchObject({ problem: 'invalid-phone' });
    await expect(h.store.add({ list: 'block', userId: -3, phone: null, note: '' })).rejects.toMatchObject({ problem: 'invalid-user-id' });
  });

  it('turns entries into the sets eligibility reads', () => {
    const lists = toContactLists([
      { list: 'block', userId: 1, phone: '+33612345678' },
      { list: 'block', userId: null, phone: '+33612345679' },
      { list: 'allow', userId: 2, phone: null },
    ]);
    expect([...lists.blockedUserIds]).toEqual([1]);
    expect([...lists.blockedPhones]).toEqual(['+33612345678', '+33612345679']);
    expect([...lists.allowedUserIds]).toEqual([2]);
    expect([...lists.allowedPhones]).toEqual([]);
  });
});

const CSV = [
  'User ID;Phone Number;Notes',
  '1001;+33 6 12 34 56 78;complained',
  ';06 12 34 56 79;typed without the country',
  ';not a phone;bad number',
  ';;nobody',
  '1001;;same user again',
  '12ab;;bad id',
  '1002;"+44 20 7946 0958";"two',
  'lines"',
  '1003;;after the quoted line break',
  '',
].join('\n');

describe('importing a list from CSV', () => {
  it('reports every row, writes the good ones with bulk jobs, and adds nothing the second time', async () => {
    const h = await harness();
    const progress: Array<[number, number]> = [];
    const report = await h.store.importCsv('block', CSV, 'FR', (done, total) => progress.push([done, total]));
    expect(report.rows).toEqual([
      { row: 2, status: 'added', value: '1001' },
      { row: 3, status: 'added', value: '+33612345679' },
      { row: 4, status: 'rejected', reason: 'invalid-phone', value: 'not a phone' },
      { row: 5, status: 'rejected', reason: 'no-identifier' },
      { row: 6, status: 'rejected', reason: 'duplicate-row', value: '1001' },
      { row: 7, status: 'rejected', reason: 'invalid-user-id', value: '12ab' },
      { row: 8, status: 'added', value: '1002' },
      { row: 10, status: 'added', value: '1003' },
    ]);
    expect([report.added, report.alreadyListed, report.rejected]).toEqual([4, 0, 4]);
    expect(progress[progress.length - 1]).toEqual([8, 8]);

    const entries = await h.store.load();
    expect(entries.sort(byIdentity)).toEqual([
      { list: 'block', userId: null, phone: '+33612345679', note: 'typed without the country' },
      { list: 'block', userId: 1001, phone: '+33612345678', note: 'complained' },
      { list: 'block', userId: 1002, phone: '+442079460958', note: 'two\nlines' },
      { list: 'block', userId: 1003, phone: null, note: 'after the quoted line break' },
    ]);
    expect(jobPosts(h)).toHaveLength(1);

    const again = await h.store.importCsv('block', CSV, 'FR');
    expect([again.added, again.alreadyListed, again.rejected]).toEqual([0, 4, 4]);
    expect(again.rows.filter((row) => row.status === 'already-listed').map((row) => row.row)).toEqual([2, 3, 8, 10]);
    expect(records(h)).toHaveLength(4);
    expect(jobPosts(h)).toHaveLength(1);

    // The same people on the other list are other entries.
    const allow = await h.store.importCsv('allow', 'phone\n+33612345679\n', undefined);
    expect(allow.added).toBe(1);
    expect(records(h)).toHaveLength(5);
  });

  it('writes in bulk jobs of at most 100 items', async () => {
    const h = await harness();
    const csv = ['user_id,note', ...Array.from({ length: 250 }, (_, index) => `${2000 + index},row ${index}`)].join('\r\n');
    const report = await h.store.importCsv('allow', csv, undefined);
    expect(report.added).toBe(250);
    expect(jobPosts(h).map((request) => (JSON.parse(request.body as string) as { job: { items: unknown[] } }).job.items.length)).toEqual([100, 100, 50]);
    expect(records(h)).toHaveLength(250);
  });

  it('reports rows whose write failed, and writes them on the next import', async () => {
    const h = await harness();
    h.emulator.faults.add({ match: { service: 'zendesk', method: 'POST', path: `/api/v2/custom_objects/${CONTACT_LIST_OBJECT.key}/jobs` }, fault: { kind: 'status', status: 500 }, times: 1 });
    const failed = await h.store.importCsv('block', 'phone\n+33612345678\n+33612345679\n', undefined);
    expect(failed.rows.map((row) => [row.status, row.reason])).toEqual([
      ['rejected', 'write-failed'],
      ['rejected', 'write-failed'],
    ]);
    const retried = await h.store.importCsv('block', 'phone\n+33612345678\n+33612345679\n', undefined);
    expect(retried.added).toBe(2);
  });

  it('refuses a file without an identifier column', async () => {
    const h = await harness();
    await expect(h.store.importCsv('block', 'name,email\nAna,ana@example.com\n', 'FR')).rejects.toBeInstanceOf(ContactListCsvError);
    await expect(h.store.importCsv('block', '', 'FR')).rejects.toMatchObject({ problem: 'empty' });
  });

  it('says what is wrong with a file it cannot read: the first line it found, not text, too long', async () => {
    const h = await harness();
    await expect(h.store.importCsv('block', new TextEncoder().encode('nom\tcourriel\nAna\tana@example.com\n'), 'FR')).rejects.toMatchObject({
      problem: 'no-identifier-column',
      firstLine: 'nom courriel',
    });
    // A quote opened and never closed would swallow every later row.
    await expect(h.store.importCsv('block', 'phone,note\n+33612345678,ok\n+33612345679,=HYPERLINK("http://evil.example","x")\n+33612345670,fine\n', 'FR')).rejects.toMatchObject({
      problem: 'unclosed-quote',
      line: 3,
    });
    await expect(h.store.importCsv('block', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]), 'FR')).rejects.toMatchObject({ problem: 'not-text' });
    await expect(h.store.importCsv('block', new Uint8Array(MAX_LIST_FILE_BYTES + 1).fill(0x41), 'FR')).rejects.toMatchObject({ problem: 'too-large' });
    const tooLong = `phone\n${Array.from({ length: MAX_LIST_FILE_ROWS + 1 }, (_, index) => `+3361${String(index).padStart(7, '0')}`).join('\n')}\n`;
    await expect(h.store.importCsv('block', tooLong, 'FR')).rejects.toMatchObject({ problem: 'too-many-rows' });
    // Nothing was written by any of them.
    expect(await h.store.load()).toEqual([]);
  });

  it('imports a tab-separated file, and a French Windows-1252 file with its accents', async () => {
    const h = await harness();
    expect((await h.store.importCsv('block', new TextEncoder().encode('user_id\tnote\n1001\tfrom a TSV\n'), 'FR')).added).toBe(1);
    const latin = 'phone;note\r\n+33612345678;D\u00e9sinscrit\r\n';
    expect((await h.store.importCsv('block', new Uint8Array([...latin].map((character) => character.charCodeAt(0))), 'FR')).added).toBe(1);
    expect((await h.store.load()).map((entry) => entry.note).sort()).toEqual(['Désinscrit', 'from a TSV']);
  });
});

describe('exporting a list to CSV', () => {
  it('round-trips: what is exported imports into an empty account as the same entries', async () => {
    const h = await harness();
    const entries: ContactListEntry[] = [
      { list: 'block', userId: 1001, phone: '+33612345678', note: 'plain' },
      { list: 'block', userId: null, phone: '+442079460958', note: '=HYPERLINK("http://evil.example")' },
      { list: 'block', userId: 1002, phone: null, note: 'comma, "quotes"\nand a line break' },
      { list: 'allow', userId: 1003, phone: null, note: 'other list' },
    ];
    for (const entry of entries) await h.store.add(entry);
    const csv = h.store.exportCsv(await h.store.load(), 'block', ',');
    expect(csv.split('\r\n')[0]).toBe('user_id,phone,note');
    // A note that a spreadsheet would run as a formula is written inert.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toContain('other list');

    const fresh = await harness();
    const report = await fresh.store.importCsv('block', csv, undefined);
    expect(report.added).toBe(3);
    expect((await fresh.store.load()).sort(byIdentity)).toEqual(entries.filter((entry) => entry.list === 'block').sort(byIdentity));
  });

  it('writes no cell a spreadsheet would run, the phone column included, and reads its own semicolon file back', async () => {
    const h = await harness();
    const entries: ContactListEntry[] = [
      { list: 'block', userId: null, phone: '+33612345678', note: '@SUM(A1)' },
      { list: 'block', userId: 1004, phone: null, note: '-1+1; and more' },
    ];
    for (const entry of entries) await h.store.add(entry);
    const csv = h.store.exportCsv(await h.store.load(), 'block', ';');
    const cells = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain("'+33612345678");

    const fresh = await harness();
    expect((await fresh.store.importCsv('block', csv, undefined)).added).toBe(2);
    expect((await fresh.store.load()).sort(byIdentity)).toEqual([...entries].sort(byIdentity));
  });
});
