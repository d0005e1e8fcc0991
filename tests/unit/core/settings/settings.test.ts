import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../../src/core/campaign/rateCard';
import { DEFAULT_KEYWORDS, keywordOf } from '../../../../src/core/delivery/optOutKeywords';
import { parseSettings, sunshineBaseUrl } from '../../../../src/core/settings/settings';
import en from '../../../../translations/en.json';
import fr from '../../../../translations/fr.json';

const complete = {
  sunco_app_id: '5f1a2b3c',
  sunco_api_host: '',
  whatsapp_namespace: '',
  blackout_days: 7,
  phone_field: 'phone',
  default_country: 'fr',
  opt_in_rule: 'tag:whatsapp_opt_in',
  opt_out_tag: 'whatsapp_opt_out',
  send_rate: '8',
};

describe('parseSettings', () => {
  it('reads a complete installation, with the account host by default', () => {
    const result = parseSettings(complete, 'acme');
    expect(result).toEqual({
      ok: true,
      settings: {
        sunshine: { appId: '5f1a2b3c', baseUrl: 'https://acme.zendesk.com/sc' },
        whatsappNamespace: undefined,
        blackoutDays: 7,
        phoneField: 'phone',
        defaultCountry: 'FR',
        optInRule: { kind: 'tag', tag: 'whatsapp_opt_in' },
        optOutTag: 'whatsapp_opt_out',
        keywords: DEFAULT_KEYWORDS,
        sendRate: 8,
        messagingTier: undefined,
        rateCard: DEFAULT_RATE_CARD,
        // Empty permission settings: every agent drafts, admins launch.
        permissions: { drafters: { entries: [{ kind: 'agent' }] }, senders: { entries: [{ kind: 'admin' }] } },
        confirmThreshold: 1000,
        windowWarningMinutes: 60,
        reengageWithoutOptIn: false,
      },
    });
  });

  it('reads the STOP and START words, the defaults when empty, and refuses a word in both lists', () => {
    const result = parseSettings({ ...complete, optout_words: 'Stop, non merci', optin_words: '' }, 'acme');
    if (!result.ok) throw new Error('refused');
    expect(result.settings.keywords).toEqual({ stop: ['Stop', 'non merci'], start: [...DEFAULT_KEYWORDS.start] });
    expect(keywordOf('  NON MERCI ', result.settings.keywords)).toBe('stop');
    // Replaced, not added to: the default ARRET no longer stops.
    expect(keywordOf('Arrêt', result.settings.keywords)).toBeUndefined();
    expect(parseSettings({ ...complete, optin_words: 'Start, arrêt' }, 'acme')).toEqual({
      ok: false,
      issues: [{ setting: 'optin_words', problem: 'both-keywords', detail: 'arrêt' }],
    });
    expect(parseSettings({ ...complete, optout_words: 'STOP, reprendre' }, 'acme')).toEqual({
      ok: false,
      issues: [{ setting: 'optout_words', problem: 'both-keywords', detail: 'REPRENDRE' }],
    });
  });

  it('lists the default STOP and START words in the settings’ help, in English and French', () => {
    for (const messages of [en, fr]) {
      const { optout_words: stop, optin_words: start } = messages.app.parameters;
      for (const word of DEFAULT_KEYWORDS.stop) expect(stop.helpText).toContain(word);
      for (const word of DEFAULT_KEYWORDS.start) expect(start.helpText).toContain(word);
    }
  });

  it('reads the agents’ window warning and whether customers who wrote first may be re-engaged', () => {
    const result = parseSettings({ ...complete, window_warning_minutes: 90, reengage_without_opt_in: true }, 'acme');
    expect(result.ok && [result.settings.windowWarningMinutes, result.settings.reengageWithoutOptIn]).toEqual([90, true]);
    expect(parseSettings({ ...complete, window_warning_minutes: '2000' }, 'acme')).toEqual({ ok: false, issues: [{ setting: 'window_warning_minutes', problem: 'out-of-range' }] });
  });

  it('reads who may draft and launch, and the confirmation threshold', () => {
    const result = parseSettings({ ...complete, campaign_drafters: 'group:Marketing, admin', campaign_senders: 'user:2', confirm_threshold: '0' }, 'acme');
    expect(result.ok && result.settings.permissions).toEqual({
      drafters: { entries: [{ kind: 'group', group: 'Marketing' }, { kind: 'admin' }] },
      senders: { entries: [{ kind: 'user', user: '2' }] },
    });
    expect(result.ok && result.settings.confirmThreshold).toBe(0);
    expect(parseSettings({ ...complete, campaign_senders: 'the marketing team', confirm_threshold: '-5' }, 'acme')).toEqual({
      ok: false,
      issues: [
        { setting: 'campaign_senders', problem: 'bad-entry', detail: 'the marketing team' },
        { setting: 'confirm_threshold', problem: 'out-of-range' },
      ],
    });
  });

  it('applies the defaults of blank optional numbers', () => {
    const result = parseSettings({ ...complete, blackout_days: '', send_rate: null }, 'acme');
    expect(result.ok && [result.settings.blackoutDays, result.settings.sendRate]).toEqual([7, 8]);
  });

  it('names every wrong setting and its problem', () => {
    const result = parseSettings(
      {
        sunco_app_id: ' ',
        sunco_api_host: 'https://evil.example.com',
        blackout_days: 'a week',
        phone_field: 'mobile phone',
        default_country: 'XX',
        opt_in_rule: 'everyone',
        opt_out_tag: 'opted out',
        send_rate: 5000,
      },
      'acme',
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { setting: 'sunco_app_id', problem: 'missing' },
        { setting: 'sunco_api_host', problem: 'unsupported-host' },
        { setting: 'blackout_days', problem: 'not-a-number' },
        { setting: 'send_rate', problem: 'out-of-range' },
        { setting: 'phone_field', problem: 'bad-format' },
        { setting: 'default_country', problem: 'unknown-country' },
        { setting: 'opt_in_rule', problem: 'bad-format' },
        { setting: 'opt_out_tag', problem: 'bad-format' },
      ],
    });
  });

  it('asks for the opt-in rule when it is empty', () => {
    const result = parseSettings({ ...complete, opt_in_rule: '' }, 'acme');
    expect(result).toEqual({ ok: false, issues: [{ setting: 'opt_in_rule', problem: 'missing' }] });
  });

  it('reads the messaging tier and checks the price overrides', () => {
    const declared = parseSettings({ ...complete, messaging_tier: '10,000', rate_card: '# mine\nBR,MARKETING,0.09' }, 'acme');
    expect(declared.ok && declared.settings.messagingTier).toBe('10000');
    // The card is parsed once, with the admin's price in place and the other categories kept.
    const brazil = declared.ok ? declared.settings.rateCard.whatsapp.BR : undefined;
    expect(brazil).toMatchObject({ marketing: 0.09, utility: DEFAULT_RATE_CARD.whatsapp.BR?.utility, overridden: ['marketing'] });
    expect(parseSettings({ ...complete, messaging_tier: '3000' }, 'acme')).toEqual({ ok: false, issues: [{ setting: 'messaging_tier', problem: 'bad-format' }] });
    expect(parseSettings({ ...complete, rate_card: 'FR;MARKETING;cheap' }, 'acme')).toEqual({ ok: false, issues: [{ setting: 'rate_card', problem: 'bad-format' }] });
  });

  it('refuses fractional and out-of-range rates', () => {
    expect(parseSettings({ ...complete, send_rate: 0 }, 'acme').ok).toBe(false);
    expect(parseSettings({ ...complete, send_rate: 2.5 }, 'acme').ok).toBe(false);
    expect(parseSettings({ ...complete, send_rate: 1000 }, 'acme').ok).toBe(true);
  });
});

describe('sunshineBaseUrl', () => {
  it('allows the account host, the legacy US and EU hosts, and nothing else', () => {
    expect(sunshineBaseUrl('', 'acme')).toBe('https://acme.zendesk.com/sc');
    expect(sunshineBaseUrl('https://ACME.zendesk.com/sc/', 'acme')).toBe('https://acme.zendesk.com/sc');
    expect(sunshineBaseUrl('https://api.smooch.io/', 'acme')).toBe('https://api.smooch.io');
    expect(sunshineBaseUrl('https://API.EU-1.smooch.io', 'acme')).toBe('https://api.eu-1.smooch.io');
    // Another account's host would receive this account's key.
    expect(sunshineBaseUrl('https://other.zendesk.com/sc', 'acme')).toBeUndefined();
    expect(sunshineBaseUrl('https://acme-evil.zendesk.com/sc', 'acme')).toBeUndefined();
    expect(sunshineBaseUrl('http://api.smooch.io', 'acme')).toBeUndefined();
    expect(sunshineBaseUrl('https://api.smooch.io.evil.net', 'acme')).toBeUndefined();
    expect(sunshineBaseUrl('https://acme.zendesk.com', 'acme')).toBeUndefined();
  });
});
