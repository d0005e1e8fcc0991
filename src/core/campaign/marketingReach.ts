import type { CountryCode } from 'libphonenumber-js/max';

/**
 * Where WhatsApp delivers no marketing template at all. Meta's "per-user marketing template
 * message limits" page (updated 2026-06-17; reference/hearing-back.md §4) says WhatsApp does not
 * currently deliver marketing templates to US numbers, which it defines as a +1 calling code with
 * a US area code; the send fails, and a delivered-only price means it costs nothing.
 *
 * Decided here: only numbers libphonenumber places in the region US. Canada and the other NANP
 * countries share +1 but are not named by Meta, so their recipients stay in. The US territories
 * with their own region (PR, GU, VI, AS, MP) stay in too: whether Meta counts their area codes as
 * "US" is not written anywhere we could read, and leaving someone out on a guess would hide them
 * from a campaign that may well reach them (a refusal there shows in the campaign's results).
 */
const NO_MARKETING_REGIONS: ReadonlySet<CountryCode> = new Set(['US']);

/** True when WhatsApp would not deliver this template to a number of this region. */
export function marketingUndeliverable(channel: 'whatsapp' | 'sms', category: string | undefined, region: CountryCode | undefined): boolean {
  return channel === 'whatsapp' && category?.toUpperCase() === 'MARKETING' && region !== undefined && NO_MARKETING_REGIONS.has(region);
}
