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
  /**
   * Runs `name`, exported by `module` as `(tx, ...args) => Promise<T>`, in one transaction where the
   * store runs: the embedded store's thread runs it there in one round trip instead of one a
   * statement. A store without it runs the same function through `transaction`.
   */
  procedure?<T>(module: URL, name: string, args: readonly unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** `procedure` where the store has it, else the same function in a transaction here: the same SQL either way. */
export function inTransaction<Args extends unknown[], T>(
  db: Database,
  module: URL,
  name: string,
  work: (tx: Queryable, ...args: Args) => Promise<T>,
  ...args: Args
): Promise<T> {
  return db.procedure ? db.procedure<T>(module, name, args) : db.transaction((tx) => work(tx, ...args));
}
