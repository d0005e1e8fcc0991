import { COUNTRIES, type CountryCode } from './countries';
import { invalidPhone, mobileFor, NATIONAL_FORMAT_SHARE, nationalFormat, spacedInternational } from './phones';
import { createRandom, mix32, WeightedChoice, type Random } from './random';
import { DAY } from './time';
import type { UserFieldValue } from './userFields';
import type { UserRecord } from './userRecord';

/**
 * The seeded end users, each a pure function of (seed, index): nothing is stored until a user is
 * changed, so a million users cost no memory and no start-up time. Ids grow with `created_at`, which
 * gives the export its order for free.
 */

export interface EndUserSeed {
  seed: number;
  count: number;
  firstId: number;
  /** Clock time the seed is relative to. */
  now: number;
  organizationIds: readonly number[];
}

/** How the `phone` field was filled: what a campaign tool has to tell apart. */
export type PhoneKind = 'e164' | 'spaced' | 'national' | 'invalid' | 'missing';

/** Every SHARE_PERIOD-th user with a clean E.164 number shares it with the next user (a household). */
const SHARE_PERIOD = 150;
const SHARE_OFFSET = 17;
const HISTORY = 3 * 365 * DAY;

const COUNTRY_CHOICE = new WeightedChoice(Object.values(COUNTRIES).map((profile) => [profile.code, profile.weight] as const));
const TIER_CHOICE = new WeightedChoice<string | null>([
  ['bronze', 50],
  ['silver', 25],
  ['gold', 10],
  [null, 15],
]);

export function endUserIndex(seed: EndUserSeed, id: number): number | undefined {
  const index = id - seed.firstId;
  return Number.isInteger(index) && index >= 0 && index < seed.count ? index : undefined;
}

export function generateEndUser(seed: EndUserSeed, index: number): UserRecord {
  const sharer = index % SHARE_PERIOD === SHARE_OFFSET + 1 && index > 0 ? drawUser(seed, index - 1) : undefined;
  const drawn = drawUser(seed, index);
  if (sharer && sharer.sharesWithNext) {
    // The partner lives with the sharer: same phone, same family name, same country.
    const lastName = sharer.lastName;
    return {
      ...drawn.user,
      name: `${drawn.firstName} ${lastName}`,
      email: emailFor(drawn.firstName, lastName, drawn.user.id, drawn.user.email.split('@')[1] ?? 'example.com'),
      phone: sharer.user.phone,
      sharedPhoneNumber: true,
      country: sharer.user.country,
      locale: sharer.user.locale,
      localeId: sharer.user.localeId,
      timeZone: sharer.user.timeZone,
      ianaTimeZone: sharer.user.ianaTimeZone,
    };
  }
  return drawn.user;
}

interface DrawnUser {
  user: UserRecord;
  firstName: string;
  lastName: string;
  phoneKind: PhoneKind;
  sharesWithNext: boolean;
}

/**
 * A few first-name fields hold what no message should carry, as real accounts' fields do after an
 * import gone wrong: a whole pasted text (longer than WhatsApp takes for a placeholder) and a card
 * number written with non-breaking spaces. Chosen by position, without a draw, so that every other
 * user stays as the seed made them.
 */
function oddFirstName(index: number): string | undefined {
  if (index % ODD_FIRST_NAME_PERIOD === 11) return `Merci de rappeler le client au sujet de sa commande. `.repeat(24).trim();
  if (index % ODD_FIRST_NAME_PERIOD === 13) return '4111\u00a01111\u00a01111\u00a01111';
  return undefined;
}

const ODD_FIRST_NAME_PERIOD = 997;

function drawUser(seed: EndUserSeed, index: number): DrawnUser {
  const random = createRandom(mix32(seed.seed, index));
  const id = seed.firstId + index;
  const country = COUNTRY_CHOICE.draw(random);
  const profile = COUNTRIES[country];
  const firstName = random.pick(profile.firstNames);
  const lastName = random.pick(profile.lastNames);
  const locale = random.pick(profile.locales);
  const mobile = mobileFor(country, random);
  const timeZone = mobile.timeZone ?? profile.timeZone;
  const phoneKind = drawPhoneKind(country, random);
  const phone = phoneFor(phoneKind, country, mobile.e164, random);

  const step = HISTORY / Math.max(1, seed.count);
  const createdAt = Math.floor((seed.now - HISTORY + index * step + random.next() * step * 0.8) / 1000) * 1000;
  const updatedAt = createdAt + Math.floor(random.next() * (seed.now - createdAt));

  const optIn = random.chance(0.78);
  const optOut = random.chance(optIn ? 0.03 : 0.12);
  const tags: string[] = [];
  if (optIn) tags.push('whatsapp_opt_in');
  if (optOut) tags.push('whatsapp_opt_out');
  if (random.chance(0.05)) tags.push('vip');
  if (random.chance(0.3)) tags.push('newsletter');

  const userFields: Record<string, UserFieldValue> = {
    marketing_consent: random.chance(optIn ? 0.8 : 0.15),
    mobile_phone: alternativeMobile(phoneKind, country, random),
    loyalty_tier: TIER_CHOICE.draw(random),
    first_name: random.chance(0.9) ? oddFirstName(index) ?? firstName : null,
  };

  const user: UserRecord = {
    id,
    name: `${firstName} ${lastName}`,
    email: emailFor(firstName, lastName, id, random.pick(profile.emailDomains)),
    phone,
    sharedPhoneNumber: false,
    role: 'end-user',
    locale: locale.locale,
    localeId: locale.localeId,
    timeZone: timeZone.name,
    ianaTimeZone: timeZone.iana,
    organizationId: random.chance(0.35) && seed.organizationIds.length > 0 ? random.pick(seed.organizationIds) : null,
    createdAt,
    updatedAt,
    lastLoginAt: null,
    suspended: random.chance(0.02),
    verified: random.chance(0.6),
    externalId: random.chance(0.2) ? `crm-${100000 + index}` : null,
    tags,
    userFields,
    country,
  };
  const sharesWithNext = index % SHARE_PERIOD === SHARE_OFFSET && phoneKind === 'e164' && index + 1 < seed.count;
  if (sharesWithNext) user.sharedPhoneNumber = true;
  return { user, firstName, lastName, phoneKind, sharesWithNext };
}

function drawPhoneKind(country: CountryCode, random: Random): PhoneKind {
  const roll = random.next();
  if (roll < 0.08) return 'missing';
  if (roll < 0.12) return 'invalid';
  if (random.chance(NATIONAL_FORMAT_SHARE[country] ?? 0)) return 'national';
  return random.chance(0.1) ? 'spaced' : 'e164';
}

function phoneFor(kind: PhoneKind, country: CountryCode, e164: string, random: Random): string | null {
  switch (kind) {
    case 'missing':
      return null;
    case 'invalid':
      return invalidPhone(random);
    case 'national':
      return nationalFormat(country, e164, random);
    case 'spaced':
      return spacedInternational(e164);
    case 'e164':
      return e164;
  }
}

/** The `mobile_phone` field: often the only number of customers without `phone`, rarely set otherwise. */
function alternativeMobile(kind: PhoneKind, country: CountryCode, random: Random): string | null {
  const probability = kind === 'missing' ? 0.5 : 0.1;
  return random.chance(probability) ? mobileFor(country, random).e164 : null;
}

function emailFor(firstName: string, lastName: string, id: number, domain: string): string {
  return `${slug(firstName)}.${slug(lastName)}${id}@${domain}`;
}

const slugs = new Map<string, string>();

/** Names come from short lists, so their slugs are computed once. */
function slug(text: string): string {
  let cached = slugs.get(text);
  if (cached === undefined) {
    cached = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    slugs.set(text, cached);
  }
  return cached;
}
