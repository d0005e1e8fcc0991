import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { ContactListStore, type ContactListEntry } from '../../src/store/contactLists';
import { setUpHeraldObjects } from '../../src/store/setup';
import { HeraldObjectsMissingError } from '../../src/store/objectGuard';
import { WriteCountingTransport } from '../../src/store/writeCounter';
import { advancingClock } from '../support/advancingClock';
import { createFakeZafClient } from '../support/fakeZafClient';

/** One person's entries of the block and allow lists (the user sidebar), against the emulator. */

async function harness(options: { setUp?: boolean } = {}) {
  const clock = new ManualClock();
  const emulator = createEmulator({ clock, zendesk: { endUsers: 50 } });
  const transport = new WriteCountingTransport(new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) })));
  if (options.setUp !== false) await setUpHeraldObjects(new CustomObjectsClient(transport));
  return { transport, store: new ContactListStore(transport, { clock: advancingClock(clock) }) };
}

const PHONE = '+33612345678';
const order = (entries: ContactListEntry[]) => [...entries].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('ContactListStore.loadFor', () => {
  it("reads the person's own entries and every entry holding their number, and nobody else's, in two requests", async () => {
    const h = await harness();
    const own: ContactListEntry = { list: 'block', userId: 42, phone: null, note: 'asked' };
    const byNumber: ContactListEntry = { list: 'block', userId: null, phone: PHONE, note: '' };
    const othersWithNumber: ContactListEntry = { list: 'allow', userId: 8, phone: PHONE, note: 'family phone' };
    const unrelated: ContactListEntry[] = [
      { list: 'block', userId: 43, phone: null, note: '' },
      { list: 'allow', userId: null, phone: '+33699999999', note: '' },
    ];
    for (const entry of [own, byNumber, othersWithNumber, ...unrelated]) await h.store.add(entry);

    const reads = h.transport.reads;
    const entries = await h.store.loadFor({ userId: 42, phone: PHONE });
    expect(order(entries)).toEqual(order([own, byNumber, othersWithNumber]));
    expect(h.transport.reads - reads).toBe(2);
  });

  it('reads by user id alone for a person without a usable number, and shows a removal at once', async () => {
    const h = await harness();
    const own: ContactListEntry = { list: 'allow', userId: 42, phone: PHONE, note: '' };
    await h.store.add(own);
    await expect(h.store.loadFor({ userId: 42, phone: undefined })).resolves.toEqual([own]);
    await h.store.remove(own);
    await expect(h.store.loadFor({ userId: 42, phone: undefined })).resolves.toEqual([]);
  });

  it('asks for the setup when the lists do not exist', async () => {
    const h = await harness({ setUp: false });
    await expect(h.store.loadFor({ userId: 42, phone: PHONE })).rejects.toBeInstanceOf(HeraldObjectsMissingError);
  });
});
