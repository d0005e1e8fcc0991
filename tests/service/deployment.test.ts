import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../service/config';

/**
 * The deployment files hold together: the env file example names every variable the service
 * reads, compose runs two instances on one Postgres 15, and the image builds with the one script
 * CI runs. Docker is not on the test machine; these are what it would read.
 */

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

interface ComposeService {
  image?: string;
  build?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

describe('deployment files', () => {
  it('herald.env.example names every variable the service reads, and gives none a value', () => {
    const names = new Set<string>();
    const valid: Record<string, string> = {
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_EMAIL: 'ops@acme.test',
      ZENDESK_API_TOKEN: 'token',
      SUNCO_APP_ID: 'app',
      SUNCO_KEY_ID: 'key',
      SUNCO_KEY_SECRET: 'secret',
      HERALD_PUBLIC_URL: 'https://herald.acme.test',
    };
    const recording = new Proxy(valid, {
      get(target, name) {
        if (typeof name === 'string') names.add(name);
        return target[name as string];
      },
    });
    loadConfig(recording);
    const example = read('herald.env.example');
    const listed = new Map([...example.matchAll(/^(?:# )?([A-Z_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
    const missing = [...names].filter((name) => !name.endsWith('_FILE') && !listed.has(name));
    expect(missing).toEqual([]);
    expect(names.size).toBeGreaterThan(15);
    expect(listed.get('POSTGRES_PASSWORD')).toBe('');
    for (const [name, value] of listed) expect(`${name}=${value}`).toBe(`${name}=`);
  });

  it('compose runs two Herald instances on one Postgres 15, secrets from herald.env, each on its own loopback port', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
    const { postgres, ...others } = compose.services;
    expect(postgres?.image).toMatch(/^postgres:15(\b|-)/);
    expect(postgres?.ports).toBeUndefined();
    const instances = Object.values(others);
    expect(instances).toHaveLength(2);
    const urls = new Set(instances.map((instance) => instance.environment?.DATABASE_URL));
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(/^postgres:\/\/herald:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/herald$/);
    const published = instances.map((instance) => instance.ports?.[0] ?? '');
    for (const instance of instances) {
      expect(instance.build).toBe('.');
      expect(instance.env_file).toBe('herald.env');
      expect(instance.depends_on?.postgres?.condition).toBe('service_healthy');
    }
    expect(published.every((port) => port.startsWith('127.0.0.1:'))).toBe(true);
    expect(new Set(published).size).toBe(2);
    expect(new Set(instances.map((instance) => instance.environment?.HERALD_INSTANCE_ID)).size).toBe(2);
  });

  it('the image builds with the script CI runs, as a user that is not root, checks /healthz and keeps env files out', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN bash scripts\/service-build\.sh/m);
    expect(dockerfile.match(/^RUN /gm)).toHaveLength(1);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \/data$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*scripts\/service-healthcheck\.cjs/m);
    expect(dockerfile.replace(/^#.*$/gm, '')).not.toMatch(/TOKEN|SECRET|PASSWORD|DATABASE_URL/);
    expect(read('.ci/run')).toMatch(/^bash scripts\/service-build\.sh$/m);
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['*.env', 'node_modules', '.git']));
  });
});
