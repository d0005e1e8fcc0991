import { Worker } from 'node:worker_threads';
import type { EmulatorConfig } from '../emulator/config';
import type { FaultRule } from '../emulator/index';
import type { EmulatorEndpoint } from '../tests/support/emulatorTransport';
import type { SerializedResponse, WorkerCall } from './emulatorWorker';

/** The emulator of `emulatorWorker.ts`, seen from the main thread: `handle` as in process. */
export class WorkerEmulator implements EmulatorEndpoint {
  private nextId = 1;
  private readonly pending = new Map<number, (message: { response?: SerializedResponse; answer?: unknown }) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly config: EmulatorConfig,
  ) {
    worker.on('message', (message: { id: number; response?: SerializedResponse; answer?: unknown }) => {
      const done = this.pending.get(message.id);
      this.pending.delete(message.id);
      done?.(message);
    });
  }

  static async start(): Promise<WorkerEmulator> {
    // The worker loads TypeScript as the main thread does: through tsx's loader, registered first.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./emulatorWorker.ts', import.meta.url).href)}); });`;
    const worker = new Worker(bootstrap, { eval: true });
    const config = await new Promise<EmulatorConfig>((resolve, reject) => {
      worker.once('message', (message: { config: EmulatorConfig }) => resolve(message.config));
      worker.once('error', reject);
    });
    return new WorkerEmulator(worker, config);
  }

  async handle(request: Request): Promise<Response> {
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const { response } = await this.call({ id: 0, request: { method: request.method, url: request.url, headers: [...request.headers.entries()], body } });
    if (!response || response.type === 'error') return Response.error();
    return new Response(response.body === '' ? null : response.body, { status: response.status, headers: response.headers });
  }

  async notifications(): Promise<number> {
    return (await this.call({ id: 0, query: 'notifications' })).answer as number;
  }

  /** When each custom-object request reached Zendesk, in order. */
  async customObjectRequestTimes(): Promise<number[]> {
    return (await this.call({ id: 0, query: 'customObjectRequests' })).answer as number[];
  }

  /** Arms a fault in the worker's emulator, before any request sent after this resolves. */
  async addFault(rule: FaultRule): Promise<void> {
    await this.call({ id: 0, fault: rule });
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }

  private call(call: WorkerCall): Promise<{ response?: SerializedResponse; answer?: unknown }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ ...call, id });
    });
  }
}
