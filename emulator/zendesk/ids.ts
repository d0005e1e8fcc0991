import { mix32 } from './random';

/**
 * Identifiers in the formats Zendesk uses: ULID-like strings for custom object records
 * (`01GDXYEY1FQYN066VHF49YHJ21`) and `V3-` + 32 hex digits for job statuses. A counter keeps them
 * unique even when the emulator clock stands still.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(value: number, length: number): string {
  let out = '';
  let rest = Math.max(0, Math.floor(value));
  for (let index = 0; index < length; index++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

export class IdGenerator {
  private counter = 0;

  constructor(private readonly seed: number) {}

  /** 10 characters of time (ms), 6 of seed-derived noise, 10 of counter: 26 in all. */
  recordId(now: number): string {
    this.counter++;
    return base32(now, 10) + base32(mix32(this.seed, this.counter) >>> 2, 6) + base32(this.counter, 10);
  }

  jobId(): string {
    this.counter++;
    let hex = '';
    for (let part = 0; part < 4; part++) hex += mix32(this.seed + part, this.counter).toString(16).padStart(8, '0');
    return `V3-${hex}`;
  }

  /** Numeric ids (fields, options) from a range of their own. */
  numericId(base: number): number {
    this.counter++;
    return base + this.counter;
  }
}
