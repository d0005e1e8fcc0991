import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/index';
import { ZendeskOptOuts } from '../../service/zendeskPorts';
import { EmulatorTransport } from '../support/emulatorTransport';

/** STOP and START as the service writes them on the Zendesk user: the opt-out tag added, then removed, other tags kept. */
describe('the opt-out tag on a Zendesk user', () => {
  it('is added on STOP and removed on START, leaving the user’s other tags', async () => {
    const emulator = createEmulator({ zendesk: { endUsers: 5 } });
    const transport = new EmulatorTransport(emulator);
    const user = emulator.zendesk.users.get(emulator.zendesk.users.firstEndUserId)!;
    const before = [...user.tags];
    const optOuts = new ZendeskOptOuts(transport, 'whatsapp_opt_out');

    await optOuts.optOut(user.id);
    expect(emulator.zendesk.users.get(user.id)?.tags).toEqual([...before.filter((tag) => tag !== 'whatsapp_opt_out'), 'whatsapp_opt_out']);
    await optOuts.optIn(user.id);
    expect(emulator.zendesk.users.get(user.id)?.tags).toEqual(before.filter((tag) => tag !== 'whatsapp_opt_out'));
  });
});
