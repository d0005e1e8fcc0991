import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, RateLimitedError, TimeoutError } from '../../src/api/transport/errors';
import { classifySendError } from '../../src/core/sending/errorPolicy';
import { ServiceMetrics } from '../../service/metrics';
import { metricValue } from './support/metricsText';

/** The service's metrics as Prometheus reads them (the text format), each method as the campaign runner and the intake call it. */

const T0 = Date.parse('2026-12-03T09:00:00.000Z');

function metricsAt(start = T0) {
  const clock = { now: start };
  return { clock, metrics: new ServiceMetrics({ now: () => clock.now }) };
}

describe('ServiceMetrics', () => {
  it('counts webhook events by type, and duplicates apart', async () => {
    const { metrics } = metricsAt();
    metrics.eventsRecorded({ 'conversation:message': 3, 'conversation:message:delivery:user': 2 }, 0);
    metrics.eventsRecorded({ 'conversation:message:delivery:user': 1 }, 4);
    const text = await metrics.text();
    expect(metricValue(text, 'herald_webhook_events_total', { type: 'conversation:message' })).toBe(3);
    expect(metricValue(text, 'herald_webhook_events_total', { type: 'conversation:message:delivery:user' })).toBe(3);
    expect(metricValue(text, 'herald_webhook_duplicates_total')).toBe(4);
  });

  it('counts messages by outcome and failed sends by the class the send error policy gives them', async () => {
    const { metrics } = metricsAt();
    metrics.campaignStarted('cmp-1');
    for (const outcome of ['accepted', 'accepted', 'failed', 'skipped', 'unverified'] as const) metrics.messageEnded('cmp-1', outcome);
    const errors = [
      new RateLimitedError(2_000, { code: 'too_many_requests' }, {}),
      new RateLimitedError(undefined, {}, {}),
      new HttpError(400, { code: 'bad_request', message: 'destinationId is invalid' }, {}),
      new HttpError(400, { code: '132015', message: 'Template is paused' }, {}),
      new HttpError(401, { code: 'unauthorized' }, {}),
      new HttpError(503, {}, {}),
      new NetworkError('socket hang up'),
      new TimeoutError('no answer'),
      new HttpError(400, { code: '131050', message: 'stopped receiving marketing messages' }, {}),
    ];
    for (const error of errors) metrics.sendFailed(classifySendError(error));
    const text = await metrics.text();
    expect(metricValue(text, 'herald_messages_total', { outcome: 'accepted' })).toBe(2);
    expect(metricValue(text, 'herald_messages_total', { outcome: 'unverified' })).toBe(1);
    const errorsOf = (labels: Record<string, string>) => metricValue(text, 'herald_send_errors_total', labels);
    expect(errorsOf({ class: 'rate-limited', kind: 'retry' })).toBe(2);
    expect(errorsOf({ class: 'invalid-number', kind: 'recipient-failed' })).toBe(1);
    expect(errorsOf({ class: 'template-paused', kind: 'stop' })).toBe(1);
    expect(errorsOf({ class: 'credentials-rejected', kind: 'stop' })).toBe(1);
    expect(errorsOf({ class: 'server-error', kind: 'retry' })).toBe(1);
    expect(errorsOf({ class: 'connection-lost', kind: 'ambiguous' })).toBe(1);
    expect(errorsOf({ class: 'timeout', kind: 'ambiguous' })).toBe(1);
    expect(errorsOf({ class: 'opted-out', kind: 'recipient-skipped' })).toBe(1);
  });

  it("shows each running campaign's achieved rate over the last minute, and the campaigns running", async () => {
    const { clock, metrics } = metricsAt();
    metrics.campaignStarted('cmp-fast');
    metrics.campaignStarted('cmp-slow');
    // Two minutes, a tick every 125 ms: cmp-fast at 8 a second, then 24 a second in the second minute; cmp-slow at 1 a second.
    for (let tick = 0; tick < 120 * 8; tick++) {
      clock.now = T0 + tick * 125;
      const fast = tick < 60 * 8 ? 1 : 3;
      for (let message = 0; message < fast; message++) metrics.messageEnded('cmp-fast', 'accepted');
      if (tick % 8 === 0) metrics.messageEnded('cmp-slow', 'accepted');
    }
    clock.now = T0 + 120_000;
    let text = await metrics.text();
    expect(metricValue(text, 'herald_send_rate', { campaign: 'cmp-fast' })).toBe(24);
    expect(metricValue(text, 'herald_send_rate', { campaign: 'cmp-slow' })).toBe(1);
    expect(metricValue(text, 'herald_campaigns_running')).toBe(2);

    // A campaign 10 s into its send shows its rate, not a sixth of it.
    metrics.campaignStarted('cmp-new');
    for (let tick = 0; tick < 80; tick++) {
      clock.now = T0 + 120_000 + tick * 125;
      metrics.messageEnded('cmp-new', 'accepted');
    }
    clock.now = T0 + 130_000;
    text = await metrics.text();
    expect(metricValue(text, 'herald_send_rate', { campaign: 'cmp-new' })).toBe(8);
    // cmp-fast sent nothing for 10 s: 50 s at 24 a second over the minute.
    expect(metricValue(text, 'herald_send_rate', { campaign: 'cmp-fast' })).toBe(20);

    metrics.campaignStopped('cmp-fast');
    text = await metrics.text();
    expect(metricValue(text, 'herald_send_rate', { campaign: 'cmp-fast' })).toBeUndefined();
    expect(metricValue(text, 'herald_campaigns_running')).toBe(2);
  });

  it("shows this instance's lease on each campaign, one state at a time", async () => {
    const { metrics } = metricsAt();
    metrics.lease('cmp-1', 'waiting');
    metrics.lease('cmp-1', 'held');
    metrics.lease('cmp-2', 'lost');
    let text = await metrics.text();
    expect(metricValue(text, 'herald_campaign_lease', { campaign: 'cmp-1', state: 'held' })).toBe(1);
    expect(metricValue(text, 'herald_campaign_lease', { campaign: 'cmp-1', state: 'waiting' })).toBe(0);
    expect(metricValue(text, 'herald_campaign_lease', { campaign: 'cmp-2', state: 'lost' })).toBe(1);
    metrics.lease('cmp-1', undefined);
    text = await metrics.text();
    expect(metricValue(text, 'herald_campaign_lease', { campaign: 'cmp-1', state: 'held' })).toBeUndefined();
    expect(metricValue(text, 'herald_campaign_lease', { campaign: 'cmp-2', state: 'lost' })).toBe(1);
  });

  it('counts outcome writes and times group commits, failed ones too', async () => {
    const { metrics } = metricsAt();
    metrics.outcomeWritten();
    await metrics.timeCommit(async () => 'committed');
    await expect(metrics.timeCommit(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    const text = await metrics.text();
    expect(metricValue(text, 'herald_outcome_writes_total')).toBe(1);
    expect(metricValue(text, 'herald_store_commit_seconds_count')).toBe(2);
  });

  it("keeps each service's counts apart, and shows the process's memory and event loop delay", async () => {
    const first = metricsAt().metrics;
    const second = metricsAt().metrics;
    first.outcomeWritten();
    const text = await second.text();
    expect(metricValue(text, 'herald_outcome_writes_total')).toBe(0);
    expect(metricValue(await first.text(), 'herald_outcome_writes_total')).toBe(1);
    expect(metricValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
    expect(second.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
