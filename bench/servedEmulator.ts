import { createEmulator } from '../emulator/index';
import { createInstallation } from '../emulator/installation';
import { serveEmulator } from '../emulator/nodeServer';

/**
 * The emulator over real HTTP in a process of its own, for `bench/serviceCampaigns.bench.ts`: the
 * bench process then holds only the Herald service, whose resident memory it measures. Latency on
 * every call when HERALD_BENCH_LATENCY is set: 150 ms on notifications, 40 ms on Zendesk. Answers
 * `{ ask: 'sent' }` with how many notifications arrived, to how many phones, and when the first and
 * last arrived.
 */
const emulator = createEmulator({ zendesk: { endUsers: 10, jobDelayMs: 0 } });
if (process.env.HERALD_BENCH_LATENCY) {
  emulator.faults.add({ match: { service: 'sunshine', method: 'POST', path: /\/notifications$/ }, fault: { kind: 'latency', ms: 150 } });
  emulator.faults.add({ match: { service: 'zendesk' }, fault: { kind: 'latency', ms: 40 } });
}
const installation = createInstallation(emulator);
const arrivals: number[] = [];
const served = await serveEmulator({
  config: emulator.config,
  handle: async (request) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/notifications')) arrivals.push(Date.now());
    return emulator.handle(request);
  },
});
process.on('message', (message: { ask?: string }) => {
  if (message.ask !== 'sent') return;
  const notifications = emulator.sunshine.notifications();
  process.send?.({ sent: notifications.length, phones: new Set(notifications.map((notification) => notification.destinationId)).size, first: arrivals[0], last: arrivals.at(-1) });
});
process.send?.({ ready: true, url: served.url, installationId: installation.id, config: emulator.config });
