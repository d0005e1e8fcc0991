/**
 * Deterministic randomness for the seed. Every end user is drawn from its own generator, keyed by
 * (seed, index), so that a user can be rebuilt on demand without keeping a million objects alive.
 */

/** Mixes two 32-bit integers into one well-spread 32-bit key (an avalanche finaliser). */
export function mix32(a: number, b: number): number {
  let h = (a ^ Math.imul(b ^ (b >>> 16), 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A small counter-based generator (32-bit state, one multiply-xorshift round per draw). A class,
 * not closures: a million users means a million generators, and methods cost nothing to create.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` decimal digits, leading zeros allowed. */
  digits(count: number): string {
    let out = '';
    for (let index = 0; index < count; index++) out += String(Math.floor(this.next() * 10));
    return out;
  }
}

export function createRandom(seed: number): Random {
  return new Random(seed);
}

/** Picks among weighted choices; build it once, draw many times. */
export class WeightedChoice<K> {
  private readonly keys: K[];
  private readonly thresholds: number[];

  constructor(weights: ReadonlyArray<readonly [K, number]>) {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let running = 0;
    this.keys = weights.map(([key]) => key);
    this.thresholds = weights.map(([, weight]) => (running += weight) / total);
  }

  draw(random: Random): K {
    const roll = random.next();
    for (let index = 0; index < this.thresholds.length; index++) {
      if (roll < (this.thresholds[index] as number)) return this.keys[index] as K;
    }
    return this.keys[this.keys.length - 1] as K;
  }
}
