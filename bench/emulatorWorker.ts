import { parentPort } from 'node:worker_threads';
import { systemClock } from '../emulator/clock';
import { createEmulator, type FaultRule } from '../emulator/index';

/**
 * The emulator in a worker thread, for the sending bench: the engine under measure keeps the main
 * thread to itself, as in a browser where Zendesk and Sunshine answer from elsewhere. Messages:
 * `{ id, request }` → `{ id, response }`; `{ id, query: 'notifications' | 'requests' }` → counts;
 * `{ id, fault }` arms a fault for the requests that follow (messages are handled in order) → `{ id }`.
 */

export interface SerializedRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string | undefined;
}

export interface SerializedResponse {
  type: string;
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

export type WorkerCall =
  | { id: number; request: SerializedRequest }
  | { id: number; query: 'notifications' | 'customObjectRequests' }
  | { id: number; fault: FaultRule };

const emulator = createEmulator({ clock: systemClock, zendesk: { endUsers: 10, jobDelayMs: 0 } });
const port = parentPort!;
port.postMessage({ config: emulator.config });

port.on('message', (call: WorkerCall) => {
  if ('fault' in call) {
    emulator.faults.add(call.fault);
    port.postMessage({ id: call.id });
    return;
  }
  if ('query' in call) {
    const answer =
      call.query === 'notifications'
        ? emulator.sunshine.notifications().length
        : emulator.requests.filter((request) => request.service === 'zendesk' && request.url.includes('/custom_objects/')).map((request) => request.at);
    port.postMessage({ id: call.id, answer });
    return;
  }
  const { method, url, headers, body } = call.request;
  void emulator.handle(new Request(url, { method, headers, body })).then(async (response) => {
    const answer: SerializedResponse = { type: response.type, status: response.status, headers: [...response.headers.entries()], body: response.type === 'error' ? '' : await response.text() };
    port.postMessage({ id: call.id, response: answer });
  });
});
