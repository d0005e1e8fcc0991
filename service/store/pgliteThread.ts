import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './database';

/**
 * The embedded store in a thread of its own. PGlite runs Postgres as WebAssembly on the thread
 * that calls it: on the service's thread, every query's work (half of the service's time at a few
 * thousand webhook events a second) would delay every HTTP answer. Here the service's thread only
 * passes SQL and parameters; PGlite works on another core, in the same process and data folder.
 *
 * PGlite has one connection: a transaction holds it from BEGIN to COMMIT, so every call waits its
 * turn in `queue` (a query outside a transaction never slips into one).
 */

// Plain JavaScript, evaluated in the worker: nothing to compile, whatever runs the service.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  // Procedures are TypeScript modules of the service: the worker reads them as the service does.
  const tsx = await import(workerData.tsxUrl);
  tsx.register();
  const { PGlite } = await import(workerData.pgliteUrl);
  const db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
  await db.waitReady;
  const modules = new Map();
  parentPort.postMessage({ ready: true });
  parentPort.on('message', async (call) => {
    try {
      if (call.op === 'close') {
        await db.close();
        parentPort.postMessage({ id: call.id, ok: true });
        return;
      }
      if (call.op === 'procedure') {
        // Imported once: an import() each call goes through tsx's loader thread every time.
        let module = modules.get(call.module);
        if (!module) modules.set(call.module, (module = await import(call.module)));
        const procedure = module[call.name];
        const result = await db.transaction((tx) =>
          procedure({ query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows }), exec: (sql) => tx.exec(sql) }, ...call.args),
        );
        parentPort.postMessage({ id: call.id, ok: true, result });
        return;
      }
      if (call.op === 'exec') {
        await db.exec(call.sql);
        parentPort.postMessage({ id: call.id, ok: true });
        return;
      }
      const result = await db.query(call.sql, call.params);
      parentPort.postMessage({ id: call.id, ok: true, rows: result.rows });
    } catch (error) {
      parentPort.postMessage({ id: call.id, ok: false, error: { message: String(error && error.message), code: error && error.code } });
    }
  });
})().catch((error) => parentPort.postMessage({ ready: false, error: String(error && error.message) }));
`;

interface Call {
  op: 'query' | 'exec' | 'close' | 'procedure';
  sql?: string;
  params?: unknown[];
  module?: string;
  name?: string;
  args?: unknown[];
}

interface Answer {
  id: number;
  ok: boolean;
  rows?: unknown[];
  result?: unknown;
  error?: { message: string; code?: string };
}

/** A failure reported by Postgres in the store's thread, with its SQLSTATE code. */
export class StoreQueryError extends Error {
  override name = 'StoreQueryError';

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function openPgliteThread(dataDir?: string): Promise<Database> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { dataDir, pgliteUrl: import.meta.resolve('@electric-sql/pglite'), tsxUrl: import.meta.resolve('tsx/esm/api') },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready: boolean; error?: string }) => (message.ready ? resolve() : reject(new Error(`The embedded store did not start: ${message.error ?? 'unknown'}`))));
    worker.once('error', reject);
  });

  let nextId = 1;
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  worker.on('message', (answer: Answer) => {
    const call = waiting.get(answer.id);
    waiting.delete(answer.id);
    call?.resolve(answer);
  });
  worker.on('error', (error) => {
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  });

  const answerOf = async (request: Call): Promise<Answer> => {
    const id = nextId++;
    const answer = await new Promise<Answer>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...request });
    });
    if (!answer.ok) throw new StoreQueryError(answer.error?.message ?? 'query failed', answer.error?.code);
    return answer;
  };
  const call = async (request: Call): Promise<unknown[]> => (await answerOf(request)).rows ?? [];

  const direct: Queryable = {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return { rows: (await call({ op: 'query', sql, params: [...params] })) as Row[] };
    },
    async exec(sql: string) {
      await call({ op: 'exec', sql });
    },
  };

  // One holder of the connection at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work, work);
    queue = turn.catch(() => undefined);
    return turn;
  };

  return {
    query: (sql, params) => inTurn(() => direct.query(sql, params)),
    exec: (sql) => inTurn(() => direct.exec(sql)),
    transaction: (work) =>
      inTurn(async () => {
        await direct.exec('BEGIN');
        try {
          const result = await work(direct);
          await direct.exec('COMMIT');
          return result;
        } catch (error) {
          await direct.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    procedure: <T>(module: URL, name: string, args: readonly unknown[]) =>
      inTurn(async () => (await answerOf({ op: 'procedure', module: module.href, name, args: [...args] })).result as T),
    close: () =>
      inTurn(async () => {
        await call({ op: 'close' });
        await worker.terminate();
      }),
  };
}
