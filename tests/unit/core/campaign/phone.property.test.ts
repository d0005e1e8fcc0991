import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { SendPlanBuilder } from '../../../../src/core/campaign/plan';
import { normalizePhone } from '../../../../src/core/phone/normalizePhone';
import { audienceUser, baseConfig, contactRules, whatsAppTemplate } from './fixtures';

/**
 * Numbers stored the way people type them at home, without their country code: with the right
 * default country each becomes the same E.164 number as its international form.
 */

const COUNTRIES: CountryCode[] = ['FR', 'US', 'CA', 'GB', 'DE', 'ES', 'IT', 'BR', 'AR', 'MX', 'IN', 'JP', 'NG', 'AU', 'ZA', 'NL'];

/** A valid mobile number of the country: its example with the last four digits redrawn, kept when still valid. */
const validNumber = fc
  .record({ country: fc.constantFrom(...COUNTRIES), tail: fc.stringMatching(/^[0-9]{4}$/) })
  .map(({ country, tail }) => {
    const example = getExampleNumber(country, examples);
    if (!example) throw new Error(`No example number for ${country}`);
    const national = example.nationalNumber.slice(0, -4) + tail;
    return { country, parsed: parsePhoneNumberFromString(`+${example.countryCallingCode}${national}`) };
  })
  .filter((candidate) => candidate.parsed?.isValid() === true)
  .map(({ country, parsed }) => {
    if (!parsed) throw new Error('filtered out');
    return { country, e164: parsed.number, national: parsed.formatNational(), international: parsed.formatInternational() };
  });

describe('phone numbers typed without their country code', () => {
  it('are repaired with the default country into the E.164 of their international form', () => {
    fc.assert(
      fc.property(validNumber, ({ country, e164, national, international }) => {
        expect(normalizePhone(international)).toMatchObject({ status: 'valid', e164 });
        expect(normalizePhone(national, country)).toMatchObject({ status: 'repaired', e164, repair: 'default-country' });
      }),
      { numRuns: 300 },
    );
  });

  it('reach the plan as that E.164 number, counted as repaired', () => {
    fc.assert(
      fc.property(validNumber, ({ country, e164, national }) => {
        // A utility template: WhatsApp delivers no marketing template to US numbers.
        const builder = new SendPlanBuilder({ ...whatsAppTemplate, category: 'UTILITY' }, baseConfig({ contact: { ...contactRules, defaultCountry: country } }));
        builder.add(audienceUser({ phone: national }));
        const plan = builder.build();
        expect(plan.recipients.size).toBe(1);
        expect(plan.recipients.at(0).phone).toBe(e164);
        expect(plan.repairedPhones).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});
