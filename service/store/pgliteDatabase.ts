import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/** The embedded store: a data folder, or memory when none is given (tests). */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return pgliteDatabase(db);
}

/** A PGlite instance as the service's Database (tests clone one migrated instance). */
export function pgliteDatabase(db: PGlite): Database {
  const on = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close(),
  };
}
