import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, LocalJournal } from '../../../src/core/sending/ports';
import { IndexedDbJournal, journalDatabaseName } from '../../../src/platform/indexedDbJournal';
import { MemoryJournal } from '../../support/memoryJournal';

/**
 * The local journal, in memory and in IndexedDB (fake-indexeddb in Node): the same behaviour,
 * including what survives the runner that wrote it and what a crash loses.
 */

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);

interface Browser {
  /** The journal of a run, as a (new) runner in this browser opens it. */
  open(runKey: string): LocalJournal;
  /** The tab dies: what was not flushed is lost. */
  crash(journal: LocalJournal): void;
}

function memoryBrowser(): Browser {
  const journals = new Map<string, MemoryJournal>();
  return {
    open(runKey) {
      let journal = journals.get(runKey);
      if (!journal) journals.set(runKey, (journal = new MemoryJournal()));
      return journal;
    },
    crash: (journal) => (journal as MemoryJournal).crash(),
  };
}

let databases = 0;

function indexedDbBrowser(): Browser {
  // Each test its own names: fake-indexeddb's databases live as long as the process.
  const prefix = `test-${++databases}-`;
  return {
    open: (runKey) => new IndexedDbJournal(prefix + runKey),
    // A runner thrown away without flushing leaves nothing in IndexedDB.
    crash: () => undefined,
  };
}

const entriesOf = async (journal: LocalJournal) => Object.fromEntries((await journal.read())?.entries ?? []);

for (const [name, browserOf] of [
  ['MemoryJournal', memoryBrowser],
  ['IndexedDbJournal', indexedDbBrowser],
] as const) {
  describe(name, () => {
    it('has no journal of a run it never wrote', async () => {
      const browser = browserOf();
      expect(await browser.open('c1').read()).toBeUndefined();
      // Reading created nothing.
      expect(await browser.open('c1').read()).toBeUndefined();
    });

    it('begin is durable when it resolves; results once flushed; both outlive the runner', async () => {
      const browser = browserOf();
      const journal = browser.open('c1');
      await journal.noteReservation(40);
      await journal.begin([0, 1, 2]);
      expect(await browser.open('c1').read()).toEqual({
        entries: new Map<number, JournalEntry>([
          [0, { state: 'inflight' }],
          [1, { state: 'inflight' }],
          [2, { state: 'inflight' }],
        ]),
        reservedThrough: 40,
      });
      journal.finish(0, { state: 'sent', detail: { at: AT } });
      journal.finish(1, { state: 'failed', detail: { code: 'whatsapp-131026', at: AT + 5 } });
      await journal.flush();
      const next = browser.open('c1');
      expect(await entriesOf(next)).toEqual({
        0: { state: 'sent', detail: { at: AT } },
        1: { state: 'failed', detail: { code: 'whatsapp-131026', at: AT + 5 } },
        2: { state: 'inflight' },
      });
    });

    it('loses unflushed results in a crash: their sends stay in flight', async () => {
      const browser = browserOf();
      const journal = browser.open('c1');
      await journal.begin([7, 8]);
      journal.finish(7, { state: 'sent', detail: { at: AT } });
      await journal.flush();
      journal.finish(8, { state: 'unverified', detail: { code: 'timeout', at: AT } });
      browser.crash(journal);
      const next = browser.open('c1');
      expect(await entriesOf(next)).toEqual({ 7: { state: 'sent', detail: { at: AT } }, 8: { state: 'inflight' } });
    });

    it('writes the results buffered so far with the next begin: the journal is at most one send behind', async () => {
      const browser = browserOf();
      const journal = browser.open('c1');
      await journal.begin([0]);
      journal.finish(0, { state: 'sent', detail: { at: AT } });
      await journal.begin([1]);
      browser.crash(journal);
      expect(await entriesOf(browser.open('c1'))).toEqual({ 0: { state: 'sent', detail: { at: AT } }, 1: { state: 'inflight' } });
    });

    it('a new begin replaces a result still buffered for the same recipient', async () => {
      const browser = browserOf();
      const journal = browser.open('c1');
      await journal.begin([3]);
      journal.finish(3, { state: 'skipped', detail: { code: 'cancelled', at: AT } });
      await journal.begin([3]);
      await journal.flush();
      expect(await entriesOf(browser.open('c1'))).toEqual({ 3: { state: 'inflight' } });
    });

    it('keeps runs apart, and clear forgets one run only', async () => {
      const browser = browserOf();
      const first = browser.open('c1');
      const second = browser.open('c2');
      await first.begin([1]);
      await second.begin([2]);
      await first.clear();
      expect(await browser.open('c1').read()).toBeUndefined();
      expect(await entriesOf(browser.open('c2'))).toEqual({ 2: { state: 'inflight' } });
      // A cleared journal can start again.
      await first.begin([5]);
      expect(await entriesOf(browser.open('c1'))).toEqual({ 5: { state: 'inflight' } });
    });
  });
}

describe('IndexedDbJournal in IndexedDB', () => {
  it('keeps one database per campaign run, with its entries and watermark stores', async () => {
    const journal = new IndexedDbJournal('shape-check');
    await journal.begin([0]);
    const names = (await indexedDB.databases()).map((database) => database.name);
    expect(names).toContain(journalDatabaseName('shape-check'));
    await journal.clear();
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(journalDatabaseName('shape-check'));
  });

  it('lets another tab clear the run while this one holds it open', async () => {
    const here = new IndexedDbJournal('two-tabs');
    const there = new IndexedDbJournal('two-tabs');
    await here.begin([1]);
    await there.clear();
    expect(await here.read()).toBeUndefined();
    await here.begin([2]);
    expect(Object.fromEntries((await there.read())?.entries ?? [])).toEqual({ 2: { state: 'inflight' } });
  });
});
