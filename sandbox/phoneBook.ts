import type { Emulator } from '../emulator/index';
import { isUsable, normalizePhone } from '../src/core/phone/normalizePhone';

/**
 * Who has a number, for the Phones view: the account's users by the E.164 form of their phone and
 * `mobile_phone`, read through the emulator's user store (3,000 users by default, a few
 * milliseconds). Built on first use, and again when a number is not found (a user added or
 * changed since), at most every few seconds.
 */
export class PhoneBook {
  private byPhone = new Map<string, { id: number; name: string }>();
  private builtAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emulator: Emulator,
    private readonly defaultCountry: () => string | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets what it read (the emulator was reset). */
  clear(): void {
    this.byPhone.clear();
    this.builtAt = Number.NEGATIVE_INFINITY;
  }

  userOf(phone: string): { id: number; name: string } | undefined {
    const known = this.byPhone.get(phone);
    if (known || this.now() - this.builtAt < REBUILD_AFTER_MS) return known;
    this.build();
    return this.byPhone.get(phone);
  }

  private build(): void {
    const users = this.emulator.zendesk.users;
    const country = this.defaultCountry() as Parameters<typeof normalizePhone>[1];
    const byPhone = new Map<string, { id: number; name: string }>();
    const last = users.firstEndUserId + users.endUserCount;
    for (let id = users.firstEndUserId; id < last; id += 1) {
      const user = users.get(id);
      if (!user) continue;
      for (const raw of [user.phone, user.userFields.mobile_phone]) {
        const check = normalizePhone(typeof raw === 'string' ? raw : undefined, country);
        if (isUsable(check) && !byPhone.has(check.e164)) byPhone.set(check.e164, { id: user.id, name: user.name });
      }
    }
    this.byPhone = byPhone;
    this.builtAt = this.now();
  }
}

const REBUILD_AFTER_MS = 5_000;
