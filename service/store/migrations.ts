import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any number: two instances starting on one Postgres apply the migrations one after the other. */
const MIGRATION_LOCK = 4570;

/**
 * Applies the numbered migrations (`migrations/NNN_name.sql`) not applied yet, in order, each in
 * its own transaction with its record in `herald_migrations`. Returns the versions it applied.
 */
export async function migrate(db: Database, directory = MIGRATIONS_DIR): Promise<number[]> {
  // Under the lock too: two instances starting at once on an empty database would both create the
  // table, and Postgres refuses the second (IF NOT EXISTS does not hold against a concurrent create).
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS herald_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
  });
  const files = (await readdir(directory)).filter((name) => /^\d+_[\w-]+\.sql$/.test(name)).sort();
  const applied: number[] = [];
  for (const file of files) {
    const version = Number.parseInt(file, 10);
    const sql = await readFile(`${directory}${file}`, 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query('SELECT 1 FROM herald_migrations WHERE version = $1', [version]);
      if (rows.length > 0) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO herald_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [version, file, Date.now()]);
      return true;
    });
    if (done) applied.push(version);
  }
  return applied;
}
