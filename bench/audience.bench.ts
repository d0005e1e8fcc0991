import { performance } from 'node:perf_hooks';
import { createEmulator, ManualClock } from '../emulator/index';
import { ExportSearchClient, type ExportClock } from '../src/api/zendesk/exportSearch';
import { EMPTY_LISTS, NO_BLACKOUT } from '../src/core/campaign/lists';
import { neededUserFieldKeys, templateSlots, type SlotMapping } from '../src/core/campaign/mapping';
import { SendPlanBuilder } from '../src/core/campaign/plan';
import { renderRecipientContent } from '../src/core/campaign/render';
import { draftContent } from '../src/core/template/meta';
import { EmulatorTransport } from '../tests/support/emulatorTransport';

/**
 * `npm run bench`: a million emulated users through export → normalise → eligibility → render, on
 * one core, with the budgets of the audience issue: at least 20,000 users per second and less than
 * 300 MB of peak memory. Zendesk's own limit (100 export pages a minute) is honoured in emulated
 * time, so the figure measures Herald's work; the emulated duration is printed too.
 *
 * The script runs with the V8 heap capped (package.json: --max-old-space-size=160): left alone, V8
 * grows its heap with the pages' short-lived garbage long before it collects, so resident memory
 * would say how lazy the collector is rather than what the pipeline needs. Under the cap, a
 * pipeline that really kept too much would die of out-of-memory instead of passing.
 */

const USERS = Number(process.env.HERALD_BENCH_USERS ?? 1_000_000);
const MIN_USERS_PER_SECOND = 20_000;
const MAX_PEAK_MB = 300;

const clock = new ManualClock();
const emulator = createEmulator({ clock, zendesk: { endUsers: USERS } });
const exportClock: ExportClock = {
  now: () => clock.now(),
  sleep: async (ms) => {
    clock.advance(ms);
  },
};

const content = draftContent({
  name: 'spring_sale',
  language: 'fr',
  category: 'MARKETING',
  header: { kind: 'none' },
  body: 'Bonjour {{Clarice}}, nos soldes commencent : {{-20 %}} sur tout le magasin.',
  footer: '',
  buttons: [],
});
const slots = templateSlots(content);
// What a marketer chooses: the first name, and the discount typed for everyone.
const mappings: SlotMapping[] = slots.map((_, index) =>
  index === 0 ? { source: { kind: 'user', field: 'first_name' }, fallback: 'cher client' } : { source: { kind: 'static', value: '-25 %' }, fallback: '' },
);
const builder = new SendPlanBuilder(
  { name: 'spring_sale', language: 'fr', category: 'MARKETING', channel: 'whatsapp' },
  {
    slots,
    mappings,
    contact: { phoneField: 'phone', defaultCountry: 'FR', optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' }, optOutTag: 'whatsapp_opt_out' },
    lists: EMPTY_LISTS,
    blackout: NO_BLACKOUT,
  },
);

let peakHeap = 0;

const started = performance.now();
const emulatedStart = clock.now();
let pages = 0;
for await (const page of new ExportSearchClient(new EmulatorTransport(emulator)).users('role:end-user', {
  clock: exportClock,
  userFieldKeys: neededUserFieldKeys(mappings, []),
})) {
  pages += 1;
  for (const user of page) builder.add(user);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const plan = builder.build();
let renderedCharacters = 0;
for (const recipient of plan.recipients) renderedCharacters += renderRecipientContent(content, slots, recipient.values).body.length;
const seconds = (performance.now() - started) / 1000;
// What the finished plan keeps alive (a million users' worth of recipients and exclusions).
(globalThis as { gc?: () => void }).gc?.();
const liveHeapMb = process.memoryUsage().heapUsed / 1024 / 1024;

const usersPerSecond = plan.audienceSize / seconds;
const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
const peakHeapMb = peakHeap / 1024 / 1024;
const excluded = Object.values(plan.exclusions).reduce((sum, exclusion) => sum + exclusion.count, 0);

console.log(`users streamed     ${plan.audienceSize.toLocaleString('en')} in ${pages} pages`);
console.log(`recipients         ${plan.recipients.size.toLocaleString('en')} (excluded ${excluded.toLocaleString('en')}; rendered ${renderedCharacters.toLocaleString('en')} characters)`);
console.log(`time               ${seconds.toFixed(1)} s on this machine`);
console.log(`throughput         ${Math.round(usersPerSecond).toLocaleString('en')} users/s (budget ≥ ${MIN_USERS_PER_SECOND.toLocaleString('en')})`);
console.log(`peak memory        ${peakRssMb.toFixed(0)} MB resident, ${peakHeapMb.toFixed(0)} MB heap at most (budget < ${MAX_PEAK_MB} MB resident)`);
console.log(`kept by the plan   ${liveHeapMb.toFixed(0)} MB of heap after the stream, emulator included`);
console.log(`at Zendesk's limit ${((clock.now() - emulatedStart) / 60_000).toFixed(1)} emulated minutes (100 export pages a minute)`);

const failures: string[] = [];
if (plan.audienceSize !== USERS) failures.push(`streamed ${plan.audienceSize} users instead of ${USERS}`);
if (plan.recipients.size + excluded !== plan.audienceSize) failures.push('the plan does not account for every user');
if (usersPerSecond < MIN_USERS_PER_SECOND) failures.push(`throughput ${Math.round(usersPerSecond)} users/s is under the budget`);
if (peakRssMb >= MAX_PEAK_MB) failures.push(`peak memory ${peakRssMb.toFixed(0)} MB is over the budget`);
if (failures.length > 0) {
  for (const failure of failures) console.log(`FAILED: ${failure}`);
  process.exit(1);
}
console.log('bench passed');
