import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { delivered, echo, serviceUnderTest, T0, warmUp, type ServiceUnderTest } from './serviceHarness';
import { metricValue } from './support/metricsText';

/** GET /metrics: what the intake heard, each event once; readable with the token, or from this machine when there is none. */

const TOKEN = 'metrics-token-2f0c9d7e41b6a8';

let sut: ServiceUnderTest;
beforeAll(warmUp, 60_000);
afterEach(async () => sut?.close());

const scrape = (headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') => sut.service.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

describe('GET /metrics', () => {
  it('counts each webhook event once by type, duplicates apart, and the outcome writes and commits that followed', async () => {
    sut = await serviceUnderTest();
    const first = echo('m1', 'c1', 'camp', 0, T0);
    const delivery = delivered('m1', 'c1', T0 + 1_000);
    expect((await sut.post([first, delivery])).statusCode).toBe(200);
    // Sunshine sends the delivery again (a retry), and twice in one call.
    expect((await sut.post([delivery, delivery])).statusCode).toBe(200);
    sut.clock.now += 10_000;
    await sut.service.settle();

    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(metricValue(text, 'herald_webhook_events_total', { type: 'conversation:message' })).toBe(1);
    expect(metricValue(text, 'herald_webhook_events_total', { type: 'conversation:message:delivery:user' })).toBe(1);
    expect(metricValue(text, 'herald_webhook_duplicates_total')).toBe(2);
    expect(metricValue(text, 'herald_outcome_writes_total')).toBe(1);
    expect(metricValue(text, 'herald_store_commit_seconds_count')).toBe(2);
  });

  it('without a token, answers a client on this machine only, and not a request a proxy forwarded', async () => {
    sut = await serviceUnderTest();
    expect((await scrape({}, '127.0.0.1')).statusCode).toBe(200);
    expect((await scrape({}, '::1')).statusCode).toBe(200);
    const remote = await scrape({}, '10.1.2.3');
    expect(remote.statusCode).toBe(403);
    expect(remote.body).not.toContain('herald_');
    expect((await scrape({ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1')).statusCode).toBe(403);
    expect((await scrape({ forwarded: 'for=203.0.113.9' }, '127.0.0.1')).statusCode).toBe(403);
  });

  it('with a token, answers 401 to a missing or wrong one, from anywhere, and 200 to the right one', async () => {
    sut = await serviceUnderTest({}, undefined, { metricsToken: TOKEN });
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }, { 'x-api-key': TOKEN }]) {
      const refused = await scrape(headers);
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect(refused.body).not.toContain('herald_');
    }
    const allowed = await scrape({ authorization: `Bearer ${TOKEN}` }, '10.1.2.3');
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('herald_webhook_events_total');
    expect(sut.logs.join('')).not.toContain(TOKEN);
  });
});
