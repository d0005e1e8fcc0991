/** Who the emulated account is: its subdomain, its hosts and the credentials its APIs accept. */
export interface EmulatorConfig {
  subdomain: string;
  /** `https://{subdomain}.zendesk.com` */
  zendeskOrigin: string;
  /** Every base URL the Sunshine Conversations API answers on (account host, legacy US, legacy EU). */
  sunshineBaseUrls: string[];
  sunshine: { appId: string; keyId: string; keySecret: string };
  /** API token accepted for `email/token:token` Basic auth, for clients running outside Zendesk. */
  zendeskApiToken: { email: string; token: string };
  /** OAuth access token accepted as `Authorization: Bearer {token}`, with scopes `read` and `write`. */
  zendeskOAuthToken: ZendeskOAuthToken;
  /** OAuth access token with the `read` scope only: its writes are refused (403). */
  zendeskReadOnlyOAuthToken: ZendeskOAuthToken;
}

/**
 * An OAuth access token of the account, as "Create Token" (`POST /api/v2/oauth/tokens`) returns one:
 * it acts as the agent with this email, within its scopes (`read`, `write`, or `{resource}:read|write`).
 */
export interface ZendeskOAuthToken {
  email: string;
  token: string;
  scopes: string[];
}

export const DEFAULT_SUBDOMAIN = 'herald-demo';

/**
 * Header the emulated Zendesk proxy adds to same-account requests: it stands for the agent's
 * session cookie, which the browser sends to Zendesk in production.
 */
export const SESSION_HEADER = 'x-herald-emulator-session';

export function createConfig(subdomain: string = DEFAULT_SUBDOMAIN): EmulatorConfig {
  const zendeskOrigin = `https://${subdomain}.zendesk.com`;
  return {
    subdomain,
    zendeskOrigin,
    sunshineBaseUrls: [`${zendeskOrigin}/sc`, 'https://api.smooch.io', 'https://api.eu-1.smooch.io'],
    sunshine: {
      appId: '5f1a2b3c4d5e6f7a8b9c0d1e',
      keyId: 'app_6620f3a1b2c3d4e5f6a7b8c9',
      keySecret: 'emulator-secret-Qx7Lp2Vd9Rk4Wm8Tz3Hs6Nb1',
    },
    zendeskApiToken: { email: 'alex.martin@herald-demo.example', token: 'emulator-zendesk-token-7Fh2Kq9Lz4' },
    zendeskOAuthToken: {
      email: 'alex.martin@herald-demo.example',
      token: 'emulator-oauth-3b9f6c21d4e87a05f1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718',
      scopes: ['read', 'write'],
    },
    zendeskReadOnlyOAuthToken: {
      email: 'alex.martin@herald-demo.example',
      token: 'emulator-oauth-read-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d',
      scopes: ['read'],
    },
  };
}

export type ServiceName = 'zendesk' | 'sunshine';

/** Which emulated service a URL belongs to, or undefined for a host the emulator does not serve. */
export function serviceOf(config: EmulatorConfig, url: URL): ServiceName | undefined {
  const href = url.origin + url.pathname;
  if (config.sunshineBaseUrls.some((base) => href === base || href.startsWith(base + '/'))) return 'sunshine';
  if (url.origin === config.zendeskOrigin) return 'zendesk';
  return undefined;
}
