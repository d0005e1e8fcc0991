import { ManualClock, type Clock } from './clock';

/**
 * When the emulator does something later (a webhook call, its retry, a call's 20-second timeout),
 * it asks a scheduler. On a `ManualClock` nothing runs by itself: tests move the clock and run what
 * is due, in time order then in the order asked (deterministic). On the system clock real timers
 * run it (the sandbox), unref'd so that a pending webhook never keeps a process alive.
 */
export interface Scheduler {
  /** Runs `task` at `time` (ms, on the emulator's clock), or as soon as possible when it is past. Returns a cancel. */
  at(time: number, task: () => void): () => void;
  /** Runs every task due at the clock's time, those they schedule for now included; how many ran. */
  runDue(): number;
  /** When the next task is due, undefined when none is waiting. */
  nextDueAt(): number | undefined;
  /** How many tasks wait. */
  pending(): number;
  /** Forgets every waiting task (an emulator reset). */
  clear(): void;
}

interface Entry {
  time: number;
  order: number;
  task: () => void;
  cancelled: boolean;
}

/** Tasks in a binary heap by (time, order): a campaign of 20,000 messages schedules some 100,000. */
export class ManualScheduler implements Scheduler {
  private heap: Entry[] = [];
  private order = 0;
  private live = 0;

  constructor(readonly clock: Clock) {}

  at(time: number, task: () => void): () => void {
    const entry: Entry = { time, order: this.order++, task, cancelled: false };
    this.push(entry);
    this.live += 1;
    return () => {
      if (entry.cancelled) return;
      entry.cancelled = true;
      this.live -= 1;
    };
  }

  runDue(): number {
    let ran = 0;
    const now = this.clock.now();
    for (;;) {
      const top = this.heap[0];
      if (!top || top.time > now) break;
      this.pop();
      if (top.cancelled) continue;
      top.cancelled = true;
      this.live -= 1;
      top.task();
      ran += 1;
    }
    return ran;
  }

  nextDueAt(): number | undefined {
    while (this.heap[0]?.cancelled) this.pop();
    return this.heap[0]?.time;
  }

  pending(): number {
    return this.live;
  }

  clear(): void {
    for (const entry of this.heap) entry.cancelled = true;
    this.heap = [];
    this.live = 0;
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(entry, heap[parent] as Entry)) break;
      heap[index] = heap[parent] as Entry;
      index = parent;
    }
    heap[index] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as Entry, heap[left] as Entry) ? right : left;
      if (!before(heap[child] as Entry, last)) break;
      heap[index] = heap[child] as Entry;
      index = child;
    }
    heap[index] = last;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}

/** Real timers, for the system clock. */
export class TimerScheduler implements Scheduler {
  private readonly timers = new Map<number, { time: number; timer: ReturnType<typeof setTimeout>; task: () => void }>();
  private order = 0;

  constructor(private readonly clock: Clock) {}

  at(time: number, task: () => void): () => void {
    const key = this.order++;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      task();
    }, Math.max(0, time - this.clock.now()));
    timer.unref?.();
    this.timers.set(key, { time, timer, task });
    return () => {
      const entry = this.timers.get(key);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.timers.delete(key);
    };
  }

  runDue(): number {
    const now = this.clock.now();
    const due = [...this.timers.entries()].filter(([, entry]) => entry.time <= now);
    for (const [key, entry] of due) {
      clearTimeout(entry.timer);
      this.timers.delete(key);
      entry.task();
    }
    return due.length;
  }

  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const entry of this.timers.values()) if (next === undefined || entry.time < next) next = entry.time;
    return next;
  }

  pending(): number {
    return this.timers.size;
  }

  clear(): void {
    for (const entry of this.timers.values()) clearTimeout(entry.timer);
    this.timers.clear();
  }
}

/** Manual tasks on a manual clock, real timers otherwise. */
export function schedulerFor(clock: Clock): Scheduler {
  return clock instanceof ManualClock ? new ManualScheduler(clock) : new TimerScheduler(clock);
}
