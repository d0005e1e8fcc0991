/**
 * The service's store, as little as it needs: parameterised queries and transactions. Two
 * implementations run the same SQL (plain SQL, `$1` parameters, `ON CONFLICT`, arrays through
 * `unnest`): PGlite, Postgres compiled to WebAssembly, in a data folder (the default, and tests in
 * memory), and Postgres itself with `DATABASE_URL`.
 */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it rejects. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
