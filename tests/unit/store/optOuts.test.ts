import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock } from '../../../emulator/index';
import { createInstallation } from '../../../emulator/installation';
import { HttpError } from '../../../src/api/transport/errors';
import { ZafTransport } from '../../../src/zaf/zafTransport';
import { ZendeskOptOutRecorder } from '../../../src/store/optOuts';
import { createFakeZafClient } from '../../support/fakeZafClient';

/** Opt-outs as a tag on the Zendesk user, through the emulated proxy. */

function harness() {
  const emulator = createEmulator({ clock: new ManualClock(), zendesk: { endUsers: 20 } });
  const zaf = createFakeZafClient({ emulator, installation: createInstallation(emulator) });
  return { emulator, zaf, transport: new ZafTransport(zaf) };
}

describe('the opt-out recorder', () => {
  it('adds the opt-out tag to the user and keeps the other tags', async () => {
    const h = harness();
    const user = h.emulator.zendesk.users.get(1001)!;
    user.tags = ['vip', 'whatsapp_opt_in'];
    h.emulator.zendesk.users.save(user);
    const recorder = new ZendeskOptOutRecorder(h.transport, ' WhatsApp_Opt_Out ');
    await recorder.recordOptOut(1001);
    expect(h.emulator.zendesk.users.get(1001)?.tags).toEqual(['vip', 'whatsapp_opt_in', 'whatsapp_opt_out']);
    // Twice changes nothing.
    await recorder.recordOptOut(1001);
    expect(h.emulator.zendesk.users.get(1001)?.tags).toEqual(['vip', 'whatsapp_opt_in', 'whatsapp_opt_out']);
    expect(h.zaf.appRequests.map((request) => [request.method, request.url])).toEqual([
      ['PUT', '/api/v2/users/1001/tags'],
      ['PUT', '/api/v2/users/1001/tags'],
    ]);
  });

  it('refuses a blank or multi-word tag and a bad user id; an unknown user is a 404', async () => {
    const h = harness();
    expect(() => new ZendeskOptOutRecorder(h.transport, '  ')).toThrow(RangeError);
    expect(() => new ZendeskOptOutRecorder(h.transport, 'opt out')).toThrow(RangeError);
    const recorder = new ZendeskOptOutRecorder(h.transport, 'whatsapp_opt_out');
    await expect(recorder.recordOptOut(0)).rejects.toBeInstanceOf(RangeError);
    await expect(recorder.recordOptOut(99_999_999)).rejects.toMatchObject({ status: 404 });
    await expect(recorder.recordOptOut(99_999_999)).rejects.toBeInstanceOf(HttpError);
  });
});
