import type { Recipient } from '../../src/core/campaign/plan';
import { seededRandom } from '../../src/core/random/seededRandom';

export { seededRandom };

/**
 * Recipients shaped like a real send plan's, generated from a seed: user ids growing with gaps,
 * numbers of several countries, locales and time zones that go with them, and values (first names,
 * order numbers, dates) for each placeholder.
 */

const COUNTRIES = [
  { country: 'FR', prefix: '+336', digits: 8, locale: 'fr', timeZone: 'Europe/Paris' },
  { country: 'BE', prefix: '+324', digits: 8, locale: 'fr', timeZone: 'Europe/Brussels' },
  { country: 'BR', prefix: '+55119', digits: 8, locale: 'pt-BR', timeZone: 'America/Sao_Paulo' },
  { country: 'US', prefix: '+1', digits: 10, locale: 'en-US', timeZone: 'America/New_York' },
  { country: 'ES', prefix: '+346', digits: 8, locale: 'es', timeZone: 'Europe/Madrid' },
];
const FIRST_NAMES = ['Clarice', 'Ana', 'João', 'Émilie', 'Lucas', 'Sofía', 'Noah', 'Léa', 'Mateus', 'Inès', 'Hugo', 'Zoé', 'Chloé', 'Diego', 'Maël'];


export function generateRecipients(count: number, options: { seed?: number; slots?: number } = {}): Recipient[] {
  const random = seededRandom(options.seed ?? 42);
  const slots = options.slots ?? 3;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const recipients: Recipient[] = [];
  let userId = 1000;
  for (let index = 0; index < count; index++) {
    userId += 1 + Math.floor(random() * 40);
    const place = pick(COUNTRIES);
    const local = String(Math.floor(random() * 10 ** place.digits)).padStart(place.digits, '0');
    const values = Array.from({ length: slots }, (_, slot) => {
      if (slot === 0) return pick(FIRST_NAMES);
      if (slot === 1) return `#${100_000 + Math.floor(random() * 900_000)}`;
      return `${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}`;
    });
    recipients.push({
      userId,
      phone: place.prefix + local,
      country: random() < 0.01 ? undefined : place.country,
      locale: random() < 0.05 ? null : place.locale,
      timeZone: random() < 0.05 ? null : place.timeZone,
      values,
    });
  }
  return recipients;
}
