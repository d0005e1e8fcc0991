import { assembleService } from '../../../service/assemble';
import { loadConfig } from '../../../service/config';
import type { Database, Queryable } from '../../../service/store/database';

/**
 * The Herald service as `npm run service` builds it, in a child process of the chaos test, with
 * two kinds of bad luck the test asks for by environment:
 * - HERALD_CHAOS_REFUSE_SHARE: the store refuses this share of transactions holding events it sees
 *   for the first time (the transaction is rolled back, the service answers 503, Sunshine retries);
 *   an event refused once is never refused again.
 * - HERALD_CHAOS_KILL_AT: this process kills itself (SIGKILL: nothing runs after it) after the
 *   N-th transaction's work, before its COMMIT: webhooks received and processed, nothing committed.
 * Without either, it is the service as it is (the campaign chaos test kills it from outside).
 * HERALD_CHAOS_LOG_LEVEL: what it logs (default `fatal`: nothing).
 */

const refuseShare = Number(process.env.HERALD_CHAOS_REFUSE_SHARE ?? 0);
const killAt = Number(process.env.HERALD_CHAOS_KILL_AT ?? 0);
let seed = Number(process.env.HERALD_CHAOS_SEED ?? 1) >>> 0 || 1;
const random = () => {
  // xorshift32: the same refusals for the same seed.
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x1_0000_0000;
};

class StoreRefusal extends Error {
  override name = 'StoreRefusal';
}

const refused = new Set<string>();
let transactions = 0;

function chaotic(db: Database): Database {
  return {
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    transaction: (work) =>
      db.transaction(async (tx) => {
        let eventIds: string[] = [];
        const watched: Queryable = {
          query: (sql, params) => {
            if (sql.startsWith('INSERT INTO herald_events')) eventIds = (params?.[0] as string[] | undefined) ?? [];
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
        };
        const result = await work(watched);
        transactions += 1;
        if (killAt > 0 && transactions === killAt) process.kill(process.pid, 'SIGKILL');
        const firstSeen = eventIds.length > 0 && eventIds.every((id) => !refused.has(id));
        if (firstSeen && random() < refuseShare) {
          for (const id of eventIds) refused.add(id);
          throw new StoreRefusal('refused by the chaos test');
        }
        return result;
      }),
  };
}

const config = loadConfig();
const { service, db } = await assembleService(config, { database: chaotic, logLevel: process.env.HERALD_CHAOS_LOG_LEVEL ?? 'fatal' });
await service.start();
await service.listen(config.port, '127.0.0.1');
process.send?.({ ready: true });
const stop = async () => {
  await service.stop();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
