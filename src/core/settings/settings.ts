import { z } from 'zod/mini';
import { badPermissionEntry, DEFAULT_DRAFTERS, DEFAULT_SENDERS, parsePermissionRule, type PermissionRule } from '../campaign/permissions';
import { applyOverrides, DEFAULT_RATE_CARD, parseRateCardOverrides, type RateCard } from '../campaign/rateCard';
import { parseMessagingTier, type MessagingTier } from '../campaign/tier';
import { parseOptInRule, type OptInRule } from '../contact/optInRule';
import { DEFAULT_START_WORDS, DEFAULT_STOP_WORDS, normalizeKeyword, parseKeywordList, type KeywordLists } from '../delivery/optOutKeywords';
import { isKnownCountry } from '../phone/countries';
import type { CountryCode } from 'libphonenumber-js/max';

/** A setting as Zendesk hands it over: ZAF gives strings or numbers depending on the parameter type. */
export type SettingValue = string | number | boolean | null;

/**
 * The installation settings Herald reads from `metadata().settings` (non-secure parameters only;
 * the Conversations API credential is secure and stays with Zendesk). ZAF hands values over as strings or
 * numbers depending on the parameter type, so everything is coerced and checked here once.
 */
export interface HeraldSettings {
  sunshine: { appId: string; baseUrl: string };
  whatsappNamespace: string | undefined;
  blackoutDays: number;
  phoneField: string;
  defaultCountry: CountryCode | undefined;
  optInRule: OptInRule;
  optOutTag: string | undefined;
  /** The whole messages that opt a customer out (STOP) and back in (START); the defaults when not set. */
  keywords: KeywordLists;
  sendRate: number;
  /** The WhatsApp messaging limit the admin declared; undefined when not declared. */
  messagingTier: MessagingTier | undefined;
  /** The default rate card with the admin's price overrides applied (parsed once, here). */
  rateCard: RateCard;
  /** Who may prepare campaigns, and who may launch them. */
  permissions: { drafters: PermissionRule; senders: PermissionRule };
  /** Above this many recipients, launching asks to type the count (0: always). */
  confirmThreshold: number;
  /** On a WhatsApp ticket, the window is "closing soon" under this many minutes. */
  windowWarningMinutes: number;
  /** A customer who wrote on the ticket may be re-engaged from it without the opt-in (opt-outs and blocks still apply). */
  reengageWithoutOptIn: boolean;
}

export type SettingName =
  | 'sunco_app_id'
  | 'sunco_api_host'
  | 'whatsapp_namespace'
  | 'blackout_days'
  | 'phone_field'
  | 'default_country'
  | 'opt_in_rule'
  | 'opt_out_tag'
  | 'optout_words'
  | 'optin_words'
  | 'send_rate'
  | 'messaging_tier'
  | 'rate_card'
  | 'campaign_drafters'
  | 'campaign_senders'
  | 'confirm_threshold'
  | 'window_warning_minutes'
  | 'reengage_without_opt_in';

export const SETTING_PROBLEMS = ['missing', 'not-a-number', 'out-of-range', 'unsupported-host', 'unknown-country', 'bad-format', 'bad-entry', 'unknown-group', 'unknown-user', 'not-a-key', 'both-keywords'] as const;
export type SettingProblem = (typeof SETTING_PROBLEMS)[number];

export interface SettingIssue {
  setting: SettingName;
  problem: SettingProblem;
  /** What in the value is wrong, as typed (an entry of a list), when the problem is about one part. */
  detail?: string;
}

export type SettingsResult = { ok: true; settings: HeraldSettings } | { ok: false; issues: SettingIssue[] };

export const SEND_RATE_LIMITS = { min: 1, max: 1000, default: 8 } as const;
export const BLACKOUT_LIMITS = { min: 0, max: 365, default: 7 } as const;
export const CONFIRM_THRESHOLD_LIMITS = { min: 0, max: 10_000_000, default: 1000 } as const;
export const WINDOW_WARNING_LIMITS = { min: 0, max: 1440, default: 60 } as const;
const LEGACY_HOSTS = ['https://api.smooch.io', 'https://api.eu-1.smooch.io'];

// Every location reads the settings before it shows anything: `zod/mini`, the same checks in a small download.
const text = z.pipe(
  z.optional(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  z.transform((value) => (value === null || value === undefined ? '' : String(value).trim())),
);

/**
 * Sunshine host of the account itself unless the admin chose a legacy region. The account's own
 * host only, from ZAF's `currentAccount`: another account's `…zendesk.com/sc` would receive the key.
 */
export function sunshineBaseUrl(configured: string, subdomain: string): string | undefined {
  const host = configured.replace(/\/+$/, '').toLowerCase();
  const own = `https://${subdomain.toLowerCase()}.zendesk.com/sc`;
  if (host === '' || host === own) return own;
  if (LEGACY_HOSTS.includes(host)) return host;
  return undefined;
}

export function parseSettings(raw: Record<string, SettingValue | undefined>, subdomain: string): SettingsResult {
  const issues: SettingIssue[] = [];
  const value = (name: SettingName): string => text.parse(raw[name]);

  const appId = value('sunco_app_id');
  if (appId === '') issues.push({ setting: 'sunco_app_id', problem: 'missing' });

  const baseUrl = sunshineBaseUrl(value('sunco_api_host'), subdomain);
  if (!baseUrl) issues.push({ setting: 'sunco_api_host', problem: 'unsupported-host' });

  const blackoutDays = integerSetting('blackout_days', value('blackout_days'), BLACKOUT_LIMITS, issues);
  const sendRate = integerSetting('send_rate', value('send_rate'), SEND_RATE_LIMITS, issues);

  const phoneField = value('phone_field') || 'phone';
  if (!/^[A-Za-z0-9_]+$/.test(phoneField)) issues.push({ setting: 'phone_field', problem: 'bad-format' });

  const country = value('default_country').toUpperCase();
  if (country !== '' && !isKnownCountry(country)) issues.push({ setting: 'default_country', problem: 'unknown-country' });

  const ruleText = value('opt_in_rule');
  const optInRule = ruleText === '' ? undefined : parseOptInRule(ruleText);
  if (!optInRule) issues.push({ setting: 'opt_in_rule', problem: ruleText === '' ? 'missing' : 'bad-format' });

  const optOutTag = value('opt_out_tag').toLowerCase();
  if (optOutTag !== '' && /\s/.test(optOutTag)) issues.push({ setting: 'opt_out_tag', problem: 'bad-format' });

  const keywords: KeywordLists = { stop: parseKeywordList(value('optout_words'), DEFAULT_STOP_WORDS), start: parseKeywordList(value('optin_words'), DEFAULT_START_WORDS) };
  const stopWords = new Set(keywords.stop.map(normalizeKeyword));
  const both = keywords.start.find((word) => stopWords.has(normalizeKeyword(word)));
  // A message that both stops and starts would leave the customer's choice to chance.
  if (both !== undefined) issues.push({ setting: value('optin_words') === '' ? 'optout_words' : 'optin_words', problem: 'both-keywords', detail: both });

  const tierText = value('messaging_tier');
  const messagingTier = tierText === '' ? undefined : parseMessagingTier(tierText);
  if (tierText !== '' && !messagingTier) issues.push({ setting: 'messaging_tier', problem: 'bad-format' });

  const overrides = parseRateCardOverrides(value('rate_card'));
  if (overrides.problems.length > 0) issues.push({ setting: 'rate_card', problem: 'bad-format' });

  const drafters = permissionSetting('campaign_drafters', value('campaign_drafters'), DEFAULT_DRAFTERS, issues);
  const senders = permissionSetting('campaign_senders', value('campaign_senders'), DEFAULT_SENDERS, issues);
  const confirmThreshold = integerSetting('confirm_threshold', value('confirm_threshold'), CONFIRM_THRESHOLD_LIMITS, issues);
  const windowWarningMinutes = integerSetting('window_warning_minutes', value('window_warning_minutes'), WINDOW_WARNING_LIMITS, issues);
  // ZAF gives a checkbox as a boolean; a settings page may store it as "true".
  const reengageWithoutOptIn = value('reengage_without_opt_in').toLowerCase() === 'true';

  if (issues.length > 0 || !baseUrl || !optInRule || !drafters || !senders) return { ok: false, issues };
  return {
    ok: true,
    settings: {
      sunshine: { appId, baseUrl },
      whatsappNamespace: value('whatsapp_namespace') || undefined,
      blackoutDays,
      phoneField,
      defaultCountry: country === '' ? undefined : (country as CountryCode),
      optInRule,
      optOutTag: optOutTag || undefined,
      keywords,
      sendRate,
      messagingTier,
      rateCard: applyOverrides(DEFAULT_RATE_CARD, overrides.overrides),
      permissions: { drafters, senders },
      confirmThreshold,
      windowWarningMinutes,
      reengageWithoutOptIn,
    },
  };
}

/** A permission rule; an empty setting means the default. */
function permissionSetting(setting: SettingName, raw: string, fallback: string, issues: SettingIssue[]): PermissionRule | undefined {
  const rule = parsePermissionRule(raw === '' ? fallback : raw);
  if (!rule) {
    const entry = badPermissionEntry(raw);
    issues.push(entry === undefined ? { setting, problem: 'bad-format' } : { setting, problem: 'bad-entry', detail: entry });
  }
  return rule;
}

function integerSetting(
  setting: SettingName,
  raw: string,
  limits: { min: number; max: number; default: number },
  issues: SettingIssue[],
): number {
  if (raw === '') return limits.default;
  const number = Number(raw);
  if (!Number.isFinite(number)) {
    issues.push({ setting, problem: 'not-a-number' });
    return limits.default;
  }
  if (!Number.isInteger(number) || number < limits.min || number > limits.max) issues.push({ setting, problem: 'out-of-range' });
  return number;
}
