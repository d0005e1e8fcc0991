import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { EmulatorTransport } from '../support/emulatorTransport';
import { InstallationSettings } from '../../service/zendeskPorts';

/** The service finds Herald's installation by its Sunshine app id when it is not told which, and reads Herald's settings from it. */
describe('the installation the service reads its settings from', () => {
  it('is found among the account’s installations by its Sunshine app id, and gives the settings campaigns run with', async () => {
    const emulator = createEmulator({ clock: new ManualClock(), zendesk: { endUsers: 5, jobDelayMs: 0 } });
    createInstallation(emulator);
    const { appId } = emulator.config.sunshine;
    const settings = new InstallationSettings(new EmulatorTransport(emulator), undefined, { appId, baseUrl: 'http://sunshine.example/sc' }, 'herald-demo');
    expect(settings.campaigns()).toBeUndefined();
    await settings.refresh();
    expect(settings.campaigns()).toMatchObject({ sunshine: { appId, baseUrl: 'http://sunshine.example/sc' } });
  });
});
