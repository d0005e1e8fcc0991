/**
 * Group commit: requests arriving while a transaction runs wait for the next one, and share it.
 * Each request's promise settles after the commit that holds its items (or rejects with its
 * failure), so a webhook is answered 2xx only once its events are durable, while the store sees a
 * handful of transactions a second however many calls arrive.
 */
export class GroupCommit<Item, Result> {
  private queue: Array<{ items: readonly Item[]; resolve: (result: Result) => void; reject: (error: unknown) => void }> = [];
  private running: Promise<void> | undefined;
  private batches = 0;

  constructor(
    private readonly commit: (items: readonly Item[]) => Promise<Result>,
    /** A batch takes whole requests until it holds at least this many items. */
    private readonly maxItems = 5_000,
  ) {}

  /** Transactions committed (or tried) so far. */
  get transactions(): number {
    return this.batches;
  }

  submit(items: readonly Item[]): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves once everything submitted so far is committed or refused. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the requests that arrived in the same turn join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch: typeof this.queue = [];
      let count = 0;
      while (this.queue.length > 0 && (batch.length === 0 || count + this.queue[0]!.items.length <= this.maxItems)) {
        const next = this.queue.shift()!;
        batch.push(next);
        count += next.items.length;
      }
      this.batches += 1;
      try {
        const result = await this.commit(batch.flatMap((request) => request.items));
        for (const request of batch) request.resolve(result);
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
    this.running = undefined;
  }
}
