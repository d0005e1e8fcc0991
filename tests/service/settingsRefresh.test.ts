import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHeraldService } from '../../service/heraldService';
import { MemoryPorts } from '../../service/memoryPorts';
import type { ServiceSettings } from '../../service/ports';
import { DEFAULT_START_WORDS, DEFAULT_STOP_WORDS } from '../../src/core/delivery/optOutKeywords';
import { warmUp } from './serviceHarness';

/** The installation's settings are read again while the service runs: an admin's new opt-out tag applies without a restart. */

/** Settings kept in an object's fields, as InstallationSettings keeps them. */
class ChangingSettings {
  private value: ServiceSettings = { keywords: { stop: [...DEFAULT_STOP_WORDS], start: [...DEFAULT_START_WORDS] }, optOutTag: 'first_tag' };
  private reads = 0;

  current(): ServiceSettings {
    return this.value;
  }

  async refresh(): Promise<void> {
    this.reads += 1;
    this.value = { ...this.value, optOutTag: this.reads > 1 ? 'changed_tag' : 'first_tag' };
  }
}

beforeAll(warmUp, 60_000);
afterEach(() => vi.useRealTimers());

describe('settings while the service runs', () => {
  it('reads them again every minute, on the settings object itself', async () => {
    const settings = new ChangingSettings();
    const service = await createHeraldService({ db: await warmUp(), ports: new MemoryPorts(), settings, webhookSecret: 'whsec-test' });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await service.start();
    expect(settings.current().optOutTag).toBe('first_tag');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settings.current().optOutTag).toBe('changed_tag');
    await service.stop();
  });
});
