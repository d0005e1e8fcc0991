import type { Clock } from './clock';
import type { EmulatorConfig } from './config';
import type { FaultInjector } from './faults';
import type { SunshineHearing } from './sunshine/hearing';
import type { SunshineState } from './sunshine/state';
import type { ZendeskState } from './zendesk/state';

/** What every emulator handler may read and change. */
export interface EmulatorContext {
  readonly clock: Clock;
  readonly config: EmulatorConfig;
  readonly faults: FaultInjector;
  readonly zendesk: ZendeskState;
  readonly sunshine: SunshineState;
  /** What Sunshine reports after its calls (webhooks), and the customers' phones. */
  readonly hearing: SunshineHearing;
}
