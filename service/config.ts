import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod/mini';

/**
 * The service's configuration, from the environment only. Every secret may also come from a file
 * (`<NAME>_FILE`, how container secrets are mounted). A problem names the variable and what is
 * wrong with it, never its value: the message ends up in logs and terminals.
 */
export interface ServiceConfig {
  port: number;
  host: string;
  /** `https://{subdomain}.zendesk.com`, or ZENDESK_URL (the emulator). */
  zendeskOrigin: string;
  zendeskAuth: { kind: 'token'; email: string; token: string } | { kind: 'oauth'; token: string };
  sunshine: { appId: string; keyId: string; secret: string; baseUrl: string };
  /** Where Sunshine reaches this service (HTTPS in production): the webhook is registered on start when set. */
  publicUrl: string | undefined;
  /** The webhook's secret when it was registered by hand (or kept from an earlier registration). */
  webhookSecret: string | undefined;
  /** Postgres; without it, the embedded store (PGlite) in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Herald's installation in Zendesk, whose settings (opt-out tag, keywords) the service reads; found by its Sunshine app id when absent. */
  installationId: number | undefined;
  /**
   * Names this instance among several on one Postgres (the campaigns it runs, the lease holder
   * people see): HERALD_INSTANCE_ID, else this host and process, unique even for two on one host.
   */
  instanceId: string;
  /** The bearer token `GET /metrics` asks for; without it, only clients on this machine may read the metrics. */
  metricsToken: string | undefined;
  /**
   * How often this instance looks for campaigns to start or take over (HERALD_CAMPAIGN_SCAN_SECONDS,
   * 10 s by default): a scheduled campaign starts, and a campaign left by an instance that died is
   * taken over, within this much after it falls due or its lease expires.
   */
  campaignScanMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`The Herald service cannot start:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  }
}

export const SECRET_VARIABLES = ['ZENDESK_API_TOKEN', 'ZENDESK_OAUTH_TOKEN', 'SUNCO_KEY_SECRET', 'HERALD_WEBHOOK_SECRET', 'DATABASE_URL', 'HERALD_METRICS_TOKEN'] as const;

type Environment = Readonly<Record<string, string | undefined>>;

const port = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65_535));
const subdomain = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/i));
const instanceName = z.string().check(z.regex(/^[\w.-]{1,64}$/));
const email = z.string().check(z.regex(/^[^\s@]+@[^\s@]+$/));
const installationId = z.coerce.number().check(z.int(), z.positive());
const scanSeconds = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3_600));

/** How often an instance looks for campaigns to start or take over, unless HERALD_CAMPAIGN_SCAN_SECONDS says. */
export const DEFAULT_CAMPAIGN_SCAN_SECONDS = 10;

export function loadConfig(env: Environment = process.env, readSecretFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): ServiceConfig {
  const problems: string[] = [];
  const plain = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const secret = (name: (typeof SECRET_VARIABLES)[number]): string | undefined => {
    const direct = plain(name);
    const file = plain(`${name}_FILE`);
    if (direct !== undefined && file !== undefined) problems.push(`${name} and ${name}_FILE are both set: keep one`);
    if (file === undefined) return direct;
    try {
      const value = readSecretFile(file).trim();
      if (value === '') problems.push(`${name}_FILE names an empty file`);
      return value || undefined;
    } catch {
      problems.push(`${name}_FILE names a file that cannot be read`);
      return undefined;
    }
  };
  const checked = <T>(name: string, schema: z.ZodMiniType<T>, value: string | undefined, what: string): T | undefined => {
    if (value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (!result.success) problems.push(`${name} is not ${what}`);
    return result.success ? result.data : undefined;
  };
  const required = (name: string, value: string | undefined): string => {
    if (value === undefined) problems.push(`${name} is missing`);
    return value ?? '';
  };

  const listenPort = checked('HERALD_SERVICE_PORT', port, plain('HERALD_SERVICE_PORT'), 'a port number (1 to 65535)') ?? 4570;
  const host = plain('HERALD_SERVICE_HOST') ?? '0.0.0.0';

  const zendeskUrl = checked('ZENDESK_URL', httpUrl, plain('ZENDESK_URL'), 'an http(s) URL');
  const zendeskSubdomain = checked('ZENDESK_SUBDOMAIN', subdomain, plain('ZENDESK_SUBDOMAIN'), 'a Zendesk subdomain (letters, digits and dashes)');
  if (plain('ZENDESK_URL') === undefined && plain('ZENDESK_SUBDOMAIN') === undefined) problems.push('ZENDESK_SUBDOMAIN (or ZENDESK_URL) is missing');
  const zendeskOrigin = zendeskUrl ? new URL(zendeskUrl).origin : `https://${(zendeskSubdomain ?? 'x').toLowerCase()}.zendesk.com`;

  const oauth = secret('ZENDESK_OAUTH_TOKEN');
  const apiToken = secret('ZENDESK_API_TOKEN');
  const zendeskEmail = checked('ZENDESK_EMAIL', email, plain('ZENDESK_EMAIL'), 'an email address');
  let zendeskAuth: ServiceConfig['zendeskAuth'] = { kind: 'oauth', token: '' };
  if (oauth !== undefined && apiToken !== undefined) problems.push('ZENDESK_OAUTH_TOKEN and ZENDESK_API_TOKEN are both set: keep one');
  else if (oauth !== undefined) zendeskAuth = { kind: 'oauth', token: oauth };
  else if (apiToken !== undefined) {
    if (plain('ZENDESK_EMAIL') === undefined) problems.push('ZENDESK_EMAIL is missing (the API token acts for that agent)');
    zendeskAuth = { kind: 'token', email: zendeskEmail ?? '', token: apiToken };
  } else problems.push('ZENDESK_API_TOKEN (with ZENDESK_EMAIL) or ZENDESK_OAUTH_TOKEN is missing');

  const appId = required('SUNCO_APP_ID', plain('SUNCO_APP_ID'));
  const keyId = required('SUNCO_KEY_ID', plain('SUNCO_KEY_ID'));
  const keySecret = required('SUNCO_KEY_SECRET', secret('SUNCO_KEY_SECRET'));
  const apiHost = checked('SUNCO_API_HOST', httpUrl, plain('SUNCO_API_HOST'), 'an http(s) URL');
  const baseUrl = (apiHost ?? `${zendeskOrigin}/sc`).replace(/\/+$/, '');

  const publicUrl = checked('HERALD_PUBLIC_URL', httpUrl, plain('HERALD_PUBLIC_URL'), 'an http(s) URL');
  const webhookSecret = secret('HERALD_WEBHOOK_SECRET');
  if (publicUrl === undefined && webhookSecret === undefined) {
    problems.push('HERALD_PUBLIC_URL (to register the webhook) or HERALD_WEBHOOK_SECRET (of a webhook registered by hand) is missing');
  }
  const databaseUrl = secret('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL is not a postgres:// URL');
  const metricsToken = secret('HERALD_METRICS_TOKEN');

  const scanEvery = checked('HERALD_CAMPAIGN_SCAN_SECONDS', scanSeconds, plain('HERALD_CAMPAIGN_SCAN_SECONDS'), 'a whole number of seconds (1 to 3600)') ?? DEFAULT_CAMPAIGN_SCAN_SECONDS;

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: listenPort,
    host,
    zendeskOrigin,
    zendeskAuth,
    sunshine: { appId, keyId, secret: keySecret, baseUrl },
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    webhookSecret,
    databaseUrl,
    dataDir: plain('HERALD_DATA_DIR') ?? './herald-data',
    installationId: checked('HERALD_INSTALLATION_ID', installationId, plain('HERALD_INSTALLATION_ID'), 'a positive whole number'),
    campaignScanMs: scanEvery * 1_000,
    instanceId: checked('HERALD_INSTANCE_ID', instanceName, plain('HERALD_INSTANCE_ID'), 'letters, digits, dots, dashes or underscores (at most 64)') ?? `${hostname()}-${process.pid}`,
    metricsToken,
  };
}

const httpUrl = z.string().check(
  z.refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }),
);
