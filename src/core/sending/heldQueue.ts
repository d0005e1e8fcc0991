/**
 * Recipients that cannot go yet (quiet hours, a retry delay), ordered by when they can: a binary
 * min-heap, so that picking the next recipient stays O(log n) however many are held.
 */
export class HeldQueue {
  private readonly heap: Array<{ index: number; readyAt: number; quiet: boolean }> = [];
  private quiet = 0;

  get size(): number {
    return this.heap.length;
  }

  /** How many wait for their quiet hours to end (the others wait for a retry): what the page shows as held. */
  get quietCount(): number {
    return this.quiet;
  }

  push(index: number, readyAt: number, quiet = false): void {
    this.heap.push({ index, readyAt, quiet });
    if (quiet) this.quiet++;
    let child = this.heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (this.heap[parent]!.readyAt <= this.heap[child]!.readyAt) break;
      [this.heap[parent], this.heap[child]] = [this.heap[child]!, this.heap[parent]!];
      child = parent;
    }
  }

  /** When the first held recipient can go; Infinity when none is held. */
  get nextReadyAt(): number {
    return this.heap[0]?.readyAt ?? Number.POSITIVE_INFINITY;
  }

  /** Takes the first recipient whose time has come, or undefined. */
  popReady(now: number): number | undefined {
    const top = this.heap[0];
    if (!top || top.readyAt > now) return undefined;
    if (top.quiet) this.quiet--;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < this.heap.length && this.heap[left]!.readyAt < this.heap[smallest]!.readyAt) smallest = left;
        if (right < this.heap.length && this.heap[right]!.readyAt < this.heap[smallest]!.readyAt) smallest = right;
        if (smallest === parent) break;
        [this.heap[parent], this.heap[smallest]] = [this.heap[smallest]!, this.heap[parent]!];
        parent = smallest;
      }
    }
    return top.index;
  }
}
