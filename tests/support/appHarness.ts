import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation, publicSettings, type RegisteredInstallation } from '../../emulator/installation';
import type { Installation } from '../../emulator/zafProxy';
import type { EnginePorts } from '../../src/app/campaigns/engine';
import { RunRegistry } from '../../src/app/campaigns/runRegistry';
import { baseContext, type Actor, type AppContext } from '../../src/app/context';
import type { Transport } from '../../src/api/transport/types';
import { realClock, type ApiClock } from '../../src/core/time/clock';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { parseSettings, type HeraldSettings, type SettingValue } from '../../src/core/settings/settings';
import { setUpHeraldObjects } from '../../src/store/setup';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { advancingClock, type AdvancingClock } from './advancingClock';
import { FakeClock } from './fakeClock';
import { createFakeZafClient } from './fakeZafClient';

/**
 * The application layer (src/app) against the emulator, as the browser runs it: each agent signs in
 * with their own ZAF session (so Zendesk records them as the writer of what they change), the
 * installation's settings are read as the app reads them, and runners run on a fake clock that
 * moves the emulator's time.
 */

/** The seeded agents: Alex Martin is an admin, Samira Haddad and Jules Bernard are agents. */
export const ALEX = 1;
export const SAMIRA = 2;
export const JULES = 3;

export interface AppHarness {
  emulator: Emulator;
  manual: ManualClock;
  /** The app's own waits (job polling, the lease's settle delay outside runs). */
  waits: AdvancingClock;
  /** The runners' clock: tests move it with `advance`. */
  clock: FakeClock;
  installation: RegisteredInstallation;
  /** The context of this agent, with the installation's settings (changed by `settings`). */
  as(userId: number, settings?: Record<string, SettingValue>): AppContext;
  /** A transport signed in as this agent, for writes a test makes by hand (an agent editing a record). */
  transportOf(userId: number): Transport;
  runs: RunRegistry;
  ports: EnginePorts;
}

export async function appHarness(options: { endUsers?: number } = {}): Promise<AppHarness> {
  const manual = new ManualClock();
  const emulator = createEmulator({ clock: manual, zendesk: { endUsers: options.endUsers ?? 50, jobDelayMs: 0 } });
  const installation = createInstallation(emulator);
  const transportOf = (userId: number): Transport => transportOn(emulator, installation, userId);
  await setUpHeraldObjects(new CustomObjectsClient(transportOf(ALEX)));
  const waits = advancingClock(manual);
  const clock = FakeClock.driving(manual);
  let session = 0;
  return {
    emulator,
    manual,
    waits,
    clock,
    installation,
    transportOf,
    as: (userId, settings = {}) => contextOn(emulator, installation, userId, { settings, clock: waits }),
    runs: new RunRegistry(),
    ports: { clock: () => clock, sessionId: `test-${(session += 1)}` },
  };
}

/** A ZAF transport of this installation with this agent signed in: Zendesk records them as the writer of what they change. */
export function transportOn(emulator: Emulator, installation: RegisteredInstallation, userId: number): Transport {
  return new ZafTransport(createFakeZafClient({ emulator, installation: signedInAs(installation, userId) }));
}

/** The application layer's context for this agent, as the app builds it from ZAF (settings over the installation's). */
export function contextOn(
  emulator: Emulator,
  installation: RegisteredInstallation,
  userId: number,
  options: { settings?: Record<string, SettingValue>; clock?: ApiClock } = {},
): AppContext {
  const base = baseContext(transportOn(emulator, installation, userId), actorOf(emulator, userId), options.clock ?? realClock);
  return { ...base, settings: settingsOf(emulator, installation, options.settings ?? {}) };
}

/** The same installation, with another agent signed in. */
function signedInAs(installation: RegisteredInstallation, userId: number): Installation {
  return {
    id: installation.id,
    manifest: installation.manifest,
    currentUserId: userId,
    get settings() {
      return installation.settings;
    },
    set settings(settings) {
      installation.settings = settings;
    },
  };
}

export function actorOf(emulator: Emulator, userId: number): Actor {
  const user = emulator.zendesk.users.get(userId);
  if (!user) throw new Error(`No user ${userId}`);
  return { id: user.id, name: user.name, email: user.email, role: user.role, groups: emulator.zendesk.groups.groupsOf(user.id).map(({ id, name }) => ({ id, name })) };
}

function settingsOf(emulator: Emulator, installation: RegisteredInstallation, overrides: Record<string, SettingValue>): HeraldSettings {
  const parsed = parseSettings({ ...publicSettings(installation.manifest, installation.settings), ...overrides }, emulator.config.subdomain);
  if (!parsed.ok) throw new Error(`The test settings do not read: ${JSON.stringify(parsed.issues)}`);
  return parsed.settings;
}

/** Moves the runners' clock until `done()` says so (a run ended), a step at a time. */
export async function advanceUntil(clock: FakeClock, done: () => boolean, stepMs = 500, limitMs = 10 * 60_000): Promise<void> {
  for (let waited = 0; !done(); waited += stepMs) {
    if (waited > limitMs) throw new Error('Nothing happened in ten emulated minutes');
    await clock.advance(stepMs);
  }
}
