import { isUsable, type PhoneCheck } from '../phone/normalizePhone';
import type { AudienceUser } from './audienceUser';
import { Interner, IntegerSet, NumberColumn, TextColumn, ValueColumn } from './columns';
import { EXCLUSION_REASONS, evaluateRecipient, type EligibilityConfig, type ExclusionReason } from './eligibility';

/**
 * The send plan (product brief, "What Herald adds"): who gets the message and who does not, and
 * why, built while the audience streams in, one user at a time, for audiences of a million users.
 * Nothing of a user is kept but what the send needs, in columns (see columns.ts).
 */

export interface PlanTemplate {
  name: string;
  language: string;
  category: string | undefined;
  channel: 'whatsapp' | 'sms';
}

export interface Recipient {
  userId: number;
  /** E.164. */
  phone: string;
  /** Where the number is: what the message costs depends on it. */
  country: string | undefined;
  locale: string | null;
  timeZone: string | null;
  /** One per slot, in slot order. */
  values: readonly string[];
}

export interface ExcludedEntry {
  userId: number;
  /** E.164 or as typed */
  phone: string | undefined;
  /** Every reason that applies, in priority order: the first is the one the user is counted under. */
  reasons: readonly ExclusionReason[];
  /** When WhatsApp reported what excludes the number (`not-on-whatsapp`, `marketing-limit`). */
  heardAt?: number;
}

export interface RecipientList extends Iterable<Recipient> {
  readonly size: number;
  at(index: number): Recipient;
}

export interface ExclusionGroup {
  /** Users counted under this reason: those for which it is the first that applies. */
  count: number;
  /** Those users, in audience order. Built when first read: a plan that only shows counts never holds them as objects. */
  entries: readonly ExcludedEntry[];
}

export interface SendPlan {
  template: PlanTemplate;
  audienceSize: number;
  recipients: RecipientList;
  /** Count by primary reason: recipients.size + Σ counts === audienceSize, always. */
  exclusions: Record<ExclusionReason, ExclusionGroup>;
  /** Recipients whose number was stored without its country code (or with 00) and was repaired. */
  repairedPhones: number;
  /** Recipients per destination country, most first. */
  countries: ReadonlyArray<{ country: string | undefined; recipients: number }>;
}

/** E.164 allows 15 digits, which a double holds exactly; a longer number (some metadata allows it) is kept as text. */
const MAX_DIGITS_AS_NUMBER = 15;
const LONG_PHONE = -1;

export class SendPlanBuilder {
  private readonly recipients: RecipientColumns;
  private readonly excluded = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, new ExcludedColumns()])) as Record<
    ExclusionReason,
    ExcludedColumns
  >;
  private readonly phonesTaken = new IntegerSet();
  private readonly longPhonesTaken = new Set<string>();
  private readonly recipientsByCountry = new Map<string | undefined, number>();
  private repaired = 0;
  private added = 0;
  private readonly config: EligibilityConfig;

  /** What the rules read of the message (name, language, channel, category) comes from `template`, the plan's one account of it. */
  constructor(
    private readonly template: PlanTemplate,
    rules: Omit<EligibilityConfig, 'templateName' | 'language' | 'channel' | 'category'>,
  ) {
    this.config = { ...rules, templateName: template.name, language: template.language, channel: template.channel, category: template.category };
    this.recipients = new RecipientColumns(rules.slots.length);
  }

  get audienceSize(): number {
    return this.added;
  }

  add(user: AudienceUser): void {
    this.added += 1;
    const { phone, values, reasons, heardAt } = evaluateRecipient(user, this.config);
    if (reasons.length > 0 || !isUsable(phone) || values === undefined) {
      this.exclude(user.id, phone, reasons, heardAt);
      return;
    }
    // Only users otherwise eligible take a number: a blocked first user leaves it to the next one.
    if (!this.takePhone(phone.e164)) {
      this.exclude(user.id, phone, ['duplicate-phone']);
      return;
    }
    this.recipients.push(user, phone.e164, phone.country, values);
    if (phone.status === 'repaired') this.repaired += 1;
    this.recipientsByCountry.set(phone.country, (this.recipientsByCountry.get(phone.country) ?? 0) + 1);
  }

  /**
   * The plan of the users added so far. The builder may go on: a plan already built keeps its
   * own sizes, so the screen can show the plan growing while the audience streams in.
   */
  build(): SendPlan {
    const exclusions = Object.fromEntries(EXCLUSION_REASONS.map((reason) => [reason, this.excluded[reason].group()])) as Record<
      ExclusionReason,
      ExclusionGroup
    >;
    const countries = [...this.recipientsByCountry]
      .map(([country, recipients]) => ({ country, recipients }))
      .sort((a, b) => b.recipients - a.recipients || compareCountries(a.country, b.country));
    return {
      template: this.template,
      audienceSize: this.added,
      recipients: new RecipientListView(this.recipients, this.recipients.size),
      exclusions,
      repairedPhones: this.repaired,
      countries,
    };
  }

  private takePhone(e164: string): boolean {
    const digits = e164.slice(1);
    if (digits.length > MAX_DIGITS_AS_NUMBER) {
      if (this.longPhonesTaken.has(digits)) return false;
      this.longPhonesTaken.add(digits);
      return true;
    }
    return this.phonesTaken.add(Number(digits));
  }

  private exclude(userId: number, phone: PhoneCheck, reasons: readonly ExclusionReason[], heardAt?: number): void {
    const primary = reasons[0];
    // Unreachable: a user with a usable phone and every value has a reason or is a recipient.
    if (primary === undefined) throw new Error(`User ${userId} excluded without a reason`);
    this.excluded[primary].push(userId, phoneText(phone), reasons, heardAt);
  }
}

function phoneText(phone: PhoneCheck): string | undefined {
  if (phone.status === 'missing') return undefined;
  return phone.status === 'invalid' ? phone.original : phone.e164;
}

/** Countries in alphabetical order, the unknown one last. */
function compareCountries(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

class RecipientColumns {
  private readonly userIds = NumberColumn.float64();
  /** The digits of the E.164 number, or LONG_PHONE with the text in `longPhones`. */
  private readonly phones = NumberColumn.float64();
  private readonly longPhones = new Map<number, string>();
  private readonly countries = NumberColumn.uint32();
  private readonly locales = NumberColumn.uint32();
  private readonly timeZones = NumberColumn.uint32();
  private readonly values: ValueColumn[];
  private readonly countryNames = new Interner<string | undefined>();
  private readonly localeNames = new Interner<string | null>();
  private readonly timeZoneNames = new Interner<string | null>();

  constructor(slotCount: number) {
    this.values = Array.from({ length: slotCount }, () => new ValueColumn());
  }

  get size(): number {
    return this.userIds.size;
  }

  push(user: AudienceUser, e164: string, country: string | undefined, values: readonly string[]): void {
    const digits = e164.slice(1);
    if (digits.length > MAX_DIGITS_AS_NUMBER) {
      this.longPhones.set(this.size, e164);
      this.phones.push(LONG_PHONE);
    } else this.phones.push(Number(digits));
    this.userIds.push(user.id);
    this.countries.push(this.countryNames.intern(country));
    this.locales.push(this.localeNames.intern(user.locale));
    this.timeZones.push(this.timeZoneNames.intern(user.timeZone));
    this.values.forEach((column, slot) => column.push(values[slot] ?? ''));
  }

  recipient(index: number): Recipient {
    const phone = this.phones.get(index);
    return {
      userId: this.userIds.get(index),
      phone: phone === LONG_PHONE ? (this.longPhones.get(index) ?? '') : `+${phone}`,
      country: this.countryNames.valueOf(this.countries.get(index)),
      locale: this.localeNames.valueOf(this.locales.get(index)),
      timeZone: this.timeZoneNames.valueOf(this.timeZones.get(index)),
      values: this.values.map((column) => column.get(index)),
    };
  }
}

class RecipientListView implements RecipientList {
  constructor(
    private readonly columns: RecipientColumns,
    readonly size: number,
  ) {}

  at(index: number): Recipient {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`No recipient ${index} in a plan of ${this.size}`);
    return this.columns.recipient(index);
  }

  *[Symbol.iterator](): Iterator<Recipient> {
    for (let index = 0; index < this.size; index += 1) yield this.columns.recipient(index);
  }
}

class ExcludedColumns {
  private readonly userIds = NumberColumn.float64();
  /** '' for no phone: a phone as typed is never blank. */
  private readonly phones = new TextColumn();
  /** The reasons as a bit set, bit i for EXCLUSION_REASONS[i]: their priority order comes with it. */
  private readonly reasonBits = NumberColumn.uint32();
  /** When WhatsApp reported the number (0: nothing heard). */
  private readonly heardAts = NumberColumn.float64();

  get size(): number {
    return this.userIds.size;
  }

  push(userId: number, phone: string | undefined, reasons: readonly ExclusionReason[], heardAt?: number): void {
    this.userIds.push(userId);
    this.phones.push(phone ?? '');
    this.reasonBits.push(reasonsToBits(reasons));
    this.heardAts.push(heardAt ?? 0);
  }

  group(): ExclusionGroup {
    const count = this.size;
    let entries: ExcludedEntry[] | undefined;
    const entriesOf = () => this.entries(count);
    return {
      count,
      get entries() {
        entries ??= entriesOf();
        return entries;
      },
    };
  }

  private entries(count: number): ExcludedEntry[] {
    const entries: ExcludedEntry[] = [];
    for (let index = 0; index < count; index += 1) {
      const phone = this.phones.get(index);
      const heardAt = this.heardAts.get(index);
      const entry: ExcludedEntry = { userId: this.userIds.get(index), phone: phone === '' ? undefined : phone, reasons: bitsToReasons(this.reasonBits.get(index)) };
      entries.push(heardAt === 0 ? entry : { ...entry, heardAt });
    }
    return entries;
  }
}

function reasonsToBits(reasons: readonly ExclusionReason[]): number {
  let bits = 0;
  for (const reason of reasons) bits |= 1 << EXCLUSION_REASONS.indexOf(reason);
  return bits;
}

/** One frozen array per combination of reasons, shared by every entry that has it. */
const reasonLists = new Map<number, readonly ExclusionReason[]>();

function bitsToReasons(bits: number): readonly ExclusionReason[] {
  let reasons = reasonLists.get(bits);
  if (!reasons) {
    reasons = Object.freeze(EXCLUSION_REASONS.filter((_, index) => (bits & (1 << index)) !== 0));
    reasonLists.set(bits, reasons);
  }
  return reasons;
}

/**
 * A few distinct recipients picked at random (Floyd's sampling: `count` draws, whatever the plan's
 * size), in plan order, for previews of the message as real recipients would get it.
 */
export function sampleRecipients(plan: SendPlan, count: number, random: () => number): Recipient[] {
  const size = plan.recipients.size;
  const wanted = Math.max(0, Math.min(Math.floor(count), size));
  const picked = new Set<number>();
  for (let candidate = size - wanted; candidate < size; candidate += 1) {
    const draw = Math.min(candidate, Math.floor(random() * (candidate + 1)));
    picked.add(picked.has(draw) ? candidate : draw);
  }
  return [...picked].sort((a, b) => a - b).map((index) => plan.recipients.at(index));
}
