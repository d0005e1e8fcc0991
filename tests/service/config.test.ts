import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../service/config';

/** The configuration: defaults, secrets from files, and problems that name the variable, never its value. */

const BASE = {
  ZENDESK_SUBDOMAIN: 'acme',
  ZENDESK_EMAIL: 'ops@acme.test',
  ZENDESK_API_TOKEN: 'zd-token-very-secret',
  SUNCO_APP_ID: 'app_1',
  SUNCO_KEY_ID: 'key_1',
  SUNCO_KEY_SECRET: 'sunco-secret-value',
  HERALD_PUBLIC_URL: 'https://herald.acme.test/',
};

describe('loadConfig', () => {
  it('reads the environment with its defaults', () => {
    const config = loadConfig(BASE);
    expect(config).toMatchObject({ port: 4570, zendeskOrigin: 'https://acme.zendesk.com', publicUrl: 'https://herald.acme.test', databaseUrl: undefined });
    expect(config.sunshine).toEqual({ appId: 'app_1', keyId: 'key_1', secret: 'sunco-secret-value', baseUrl: 'https://acme.zendesk.com/sc' });
  });

  it('looks for campaigns every 10 s unless HERALD_CAMPAIGN_SCAN_SECONDS says otherwise, and refuses a scan interval that is not whole seconds', () => {
    expect(loadConfig(BASE).campaignScanMs).toBe(10_000);
    expect(loadConfig({ ...BASE, HERALD_CAMPAIGN_SCAN_SECONDS: '2' }).campaignScanMs).toBe(2_000);
    for (const wrong of ['0', '1.5', 'soon']) expect(() => loadConfig({ ...BASE, HERALD_CAMPAIGN_SCAN_SECONDS: wrong })).toThrow('HERALD_CAMPAIGN_SCAN_SECONDS is not a whole number of seconds');
  });

  it('reads a secret from its _FILE', () => {
    const { SUNCO_KEY_SECRET: _, ...rest } = BASE;
    const config = loadConfig({ ...rest, SUNCO_KEY_SECRET_FILE: '/run/secrets/sunco' }, (path) => (path === '/run/secrets/sunco' ? 'from-file\n' : ''));
    expect(config.sunshine.secret).toBe('from-file');
  });

  it('reads the metrics token, from its _FILE too', () => {
    expect(loadConfig(BASE).metricsToken).toBeUndefined();
    expect(loadConfig({ ...BASE, HERALD_METRICS_TOKEN: 'scrape-me' }).metricsToken).toBe('scrape-me');
    expect(loadConfig({ ...BASE, HERALD_METRICS_TOKEN_FILE: '/run/secrets/metrics' }, () => 'from-file\n').metricsToken).toBe('from-file');
  });

  it('names every problem by its variable and never shows a value', () => {
    let error: unknown;
    try {
      loadConfig({ ...BASE, HERALD_SERVICE_PORT: 'http://x', ZENDESK_OAUTH_TOKEN: 'oauth-very-secret', SUNCO_KEY_SECRET: '', DATABASE_URL: 'mysql://user:db-password@host/db' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['HERALD_SERVICE_PORT', 'ZENDESK_OAUTH_TOKEN and ZENDESK_API_TOKEN', 'SUNCO_KEY_SECRET is missing', 'DATABASE_URL']) expect(message).toContain(name);
    for (const value of ['http://x', 'oauth-very-secret', 'zd-token-very-secret', 'db-password']) expect(message).not.toContain(value);
  });
});
