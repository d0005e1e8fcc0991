import { describe, expect, it } from 'vitest';
import { HttpError, RateLimitedError, TimeoutError } from '../../../../src/api/transport/errors';
import { MemoryJournal } from '../../../support/memoryJournal';
import type { RunOutcome } from '../../../../src/core/sending/runner';
import type { LedgerSnapshot } from '../../../../src/core/sending/states';
import { FakeClock } from '../../../support/fakeClock';
import { audience, drive, MemoryLease, MemoryPersistence, runner, ScriptedSender } from './runnerHarness';

const whatsapp = (code: string, status = 400) => new HttpError(status, { code, message: `(#${code})` }, { error: { code, description: `(#${code})` } });

describe('CampaignRunner', () => {
  it('sends every recipient exactly once at the target rate, saves the ledger and the blackout log', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(80));
    const sender = new ScriptedSender(clock);
    const started = clock.now();
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock) }).start());
    expect(outcome?.status).toBe('completed');
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
    expect(sender.accepted.size).toBe(80);
    // 80 recipients at 8/s: about ten seconds, never faster.
    expect(clock.now() - started).toBeGreaterThanOrEqual(9_800);
    expect(persistence.blackout).toHaveLength(80);
    expect([...persistence.ledger.states].every((state) => state === 2)).toBe(true);
    expect(outcome?.status === 'completed' && outcome.report.counts.sent).toBe(80);
    // Each message names its recipient's place in the frozen audience: what the service attributes by.
    const phones = persistence.recipients.map((recipient) => recipient.phone);
    expect(phones.map((phone) => sender.indexes.get(phone))).toEqual(phones.map((_, index) => index));
  });

  it('after a crash, never re-sends: what was reserved without a result is unverified, the rest is sent by the next runner', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(200));
    const sender = new ScriptedSender(clock);
    const first = runner({ clock, sender, persistence, lease: new MemoryLease(clock, 'first'), rate: 20, flushIntervalMs: 60_000 });
    void first.start();
    await clock.advance(3_000);
    first.kill();
    await clock.advance(1_000);
    const lease = new MemoryLease(clock, 'second');
    const second = runner({ clock, sender, persistence, lease, rate: 20 });
    const outcome = await drive(clock, second.start());
    expect(outcome?.status).toBe('completed');
    expect(second.recovered.unverified.length).toBeGreaterThan(0);
    // No phone was accepted twice, and every recipient has a final state.
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
    const counts = outcome?.status === 'completed' ? outcome.report.counts : undefined;
    expect((counts?.sent ?? 0) + (counts?.unverified ?? 0)).toBe(200);
    for (const index of second.recovered.unverified) expect(sender.attempts.get(persistence.recipients[index]!.phone) ?? 0).toBeLessThanOrEqual(1);
  });

  it('sends the unverified recipients again only when the user asks for it', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(100));
    const sender = new ScriptedSender(clock);
    const first = runner({ clock, sender, persistence, lease: new MemoryLease(clock, 'first'), rate: 20 });
    void first.start();
    await clock.advance(2_000);
    first.kill();
    const resumed = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock, 'second'), rate: 20 }).start());
    const unverified = resumed?.status === 'completed' ? resumed.report.counts.unverified : 0;
    expect(unverified).toBeGreaterThan(0);
    const attemptsBefore = sender.attempts.size;
    const again = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock, 'third'), resendUnverified: 'all' }).start());
    expect(again?.status === 'completed' && again.report.counts).toMatchObject({ sent: 100, unverified: 0 });
    // Only the unverified ones were sent again (some of them a second time: the user's choice).
    const resentPhones = [...sender.attempts.entries()].filter(([, attempts]) => attempts === 2).length + (sender.attempts.size - attemptsBefore);
    expect(resentPhones).toBe(unverified);
  });

  it('with this browser’s journal, only the sends really in flight become unverified', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(200));
    const journal = new MemoryJournal();
    const sender = new ScriptedSender(clock);
    sender.latencyMs = 400;
    const first = runner({ clock, sender, persistence, journal, lease: new MemoryLease(clock, 'first'), rate: 20, flushIntervalMs: 60_000 });
    void first.start();
    await clock.advance(3_000);
    first.kill();
    const withoutJournal = Math.min(200, persistence.reservedThrough) - [...persistence.ledger.states].filter((state) => state === 2).length;
    const second = runner({ clock, sender, persistence, journal, lease: new MemoryLease(clock, 'second'), rate: 20 });
    const outcome = await drive(clock, second.start());
    expect(outcome?.status).toBe('completed');
    // At 20/s with 400 ms of latency, about 8 sends are in flight at any time.
    expect(second.recovered.unverified.length).toBeGreaterThan(0);
    expect(second.recovered.unverified.length).toBeLessThanOrEqual(10);
    expect(second.recovered.unverified.length).toBeLessThan(withoutJournal);
    expect(second.recovered.fromJournal.length).toBeGreaterThan(0);
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
    // Every send the ledger calls sent is in the blackout log, those recovered from the journal too.
    const logged = new Set(persistence.blackout);
    persistence.ledger.states.forEach((state, index) => {
      if (state === 2) expect(logged.has(`fp:${persistence.recipients[index]!.phone}`)).toBe(true);
    });
  });

  it('does not trust a journal written before another runner reserved', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(100));
    const journal = new MemoryJournal();
    const sender = new ScriptedSender(clock);
    const first = runner({ clock, sender, persistence, journal, lease: new MemoryLease(clock, 'first'), rate: 20, flushIntervalMs: 60_000 });
    void first.start();
    await clock.advance(2_000);
    first.kill();
    // Another browser (no journal) resumes, sends a little, and dies too.
    const other = runner({ clock, sender, persistence, lease: new MemoryLease(clock, 'other'), rate: 20, flushIntervalMs: 60_000 });
    void other.start();
    await clock.advance(2_000);
    other.kill();
    const back = runner({ clock, sender, persistence, journal, lease: new MemoryLease(clock, 'back'), rate: 20 });
    const outcome = await drive(clock, back.start());
    expect(outcome?.status).toBe('completed');
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
  });

  it('retries a 429 after Retry-After, and a refusal by the server, without duplicating', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(20));
    const sender = new ScriptedSender(clock, (recipient, attempt) => {
      if (recipient.userId === 1003 && attempt === 1) return { ok: false, error: new RateLimitedError(5_000, { code: 'too_many_requests' }, {}) };
      if (recipient.userId === 1007 && attempt < 3) return { ok: false, error: new HttpError(503, { code: 'service_unavailable' }, {}) };
      return { ok: true, notificationId: 'n' };
    });
    const held: number[] = [];
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock), onProgress: (snapshot) => held.push(snapshot.held) }).start());
    expect(outcome?.status === 'completed' && outcome.report.counts.sent).toBe(20);
    // Waiting for a retry is not being held by quiet hours (there are none): the page never says so.
    expect(held.length).toBeGreaterThan(0);
    expect(Math.max(...held)).toBe(0);
    expect(sender.attempts.get(persistence.recipients[3]!.phone)).toBe(2);
    expect(sender.attempts.get(persistence.recipients[7]!.phone)).toBe(3);
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
  });

  it('a recipient refused for the pace six times in a row (a long rate limit) is still sent, once', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(10));
    const sender = new ScriptedSender(clock, (recipient, attempt) =>
      recipient.userId === 1004 && attempt <= 6 ? { ok: false, error: new RateLimitedError(1_000, { code: 'too_many_requests' }, {}) } : { ok: true, notificationId: 'n' },
    );
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock) }).start());
    expect(outcome?.status === 'completed' && outcome.report.counts).toMatchObject({ sent: 10, failed: 0 });
    expect(sender.attempts.get(persistence.recipients[4]!.phone)).toBe(7);
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
  });

  it('after a volley of 429s from every send in flight at 40/s, is back at the full rate within 2 s of the Retry-After, and sends each refused recipient once', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(600));
    const answered: number[] = [];
    const refusedUntil: number[] = [];
    const sender = new ScriptedSender(clock, () => {
      const now = clock.now();
      answered.push(now);
      // The API refuses every send it answers for 300 ms, 3 s into the campaign.
      if (now - answered[0]! >= 3_000 && now - answered[0]! < 3_300) {
        refusedUntil.push(now + 1_000);
        return { ok: false, error: new RateLimitedError(1_000, { code: 'too_many_requests' }, {}) };
      }
      return { ok: true, notificationId: 'n' };
    });
    sender.latencyMs = 300;
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock), rate: 40 }).start());
    expect(outcome?.status === 'completed' && outcome.report.counts).toMatchObject({ sent: 600, failed: 0 });
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
    // Every send in flight was refused (about 300 ms of sends at 40/s).
    expect(refusedUntil.length).toBeGreaterThanOrEqual(10);
    const holdEnd = Math.max(...refusedUntil);
    // Sends start 300 ms before they are answered: count those that started from 2 s to 5 s after the hold.
    const started = answered.map((at) => at - sender.latencyMs).filter((at) => at >= holdEnd + 2_000 && at < holdEnd + 5_000);
    expect(started.length).toBeGreaterThanOrEqual(0.95 * 40 * 3);
  });

  it('classifies per recipient: failed, skipped with the opt-out recorded, unverified on a timeout', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(6));
    const optedOut: number[] = [];
    const sender = new ScriptedSender(clock, (recipient) => {
      if (recipient.userId === 1001) return { ok: false, error: whatsapp('131026') };
      if (recipient.userId === 1002) return { ok: false, error: whatsapp('131050') };
      if (recipient.userId === 1003) return { ok: false, error: whatsapp('131049') };
      if (recipient.userId === 1004) return { ok: false, error: new TimeoutError('timeout') };
      return { ok: true, notificationId: 'n' };
    });
    const outcome = await drive(
      clock,
      runner({ clock, sender, persistence, lease: new MemoryLease(clock), optOuts: { recordOptOut: async (id) => void optedOut.push(id) } }).start(),
    );
    expect(outcome?.status).toBe('completed');
    const report = outcome?.status === 'completed' ? outcome.report : undefined;
    expect(report?.counts).toMatchObject({ sent: 2, failed: 1, skipped: 2, unverified: 1 });
    expect(optedOut).toEqual([1002]);
    expect(sender.attempts.get(persistence.recipients[4]!.phone)).toBe(1);
  });

  it('pauses itself on a paused template, keeps the recipient pending, and resumes later', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(30));
    let paused = true;
    const sender = new ScriptedSender(clock, (recipient) =>
      paused && recipient.userId >= 1010 ? { ok: false, error: whatsapp('132015') } : { ok: true, notificationId: 'n' },
    );
    const first = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock) }).start());
    expect(first).toMatchObject({ status: 'paused', reason: 'template-paused' });
    const sentBefore = [...persistence.ledger.states].filter((state) => state === 2).length;
    expect(sentBefore).toBeGreaterThanOrEqual(10);
    paused = false;
    const second = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock) }).start());
    expect(second?.status).toBe('completed');
    // The first run stopped cleanly: nothing it reserved is in doubt, everyone is sent.
    expect(second?.status === 'completed' && second.report.counts).toMatchObject({ sent: 30, unverified: 0 });
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
  });

  it('pauses at once during a long backoff, without waiting it out', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(10));
    const sender = new ScriptedSender(clock, () => ({ ok: false, error: new RateLimitedError(600_000, { code: 'too_many_requests' }, {}) }));
    const run = runner({ clock, sender, persistence, lease: new MemoryLease(clock) });
    let outcome: unknown;
    void run.start().then((value) => (outcome = value));
    await clock.advance(2_000);
    const pausedAt = clock.now();
    run.pause();
    while (!outcome && clock.now() < pausedAt + 5_000) await clock.advance(100);
    expect(outcome).toMatchObject({ status: 'paused', reason: 'user' });
    expect(clock.now() - pausedAt).toBeLessThan(5_000);
  });

  it('cancels: every recipient still pending ends skipped (cancelled)', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(100));
    const sender = new ScriptedSender(clock);
    const run = runner({ clock, sender, persistence, lease: new MemoryLease(clock) });
    let outcome: RunOutcome | undefined;
    void run.start().then((value) => (outcome = value));
    await clock.advance(2_000);
    run.cancel();
    while (!outcome) await clock.advance(100);
    expect(outcome.status).toBe('cancelled');
    const counts = outcome.status === 'cancelled' ? outcome.report.counts : undefined;
    expect(counts?.pending).toBe(0);
    expect(counts?.sent).toBeGreaterThan(0);
    expect((counts?.sent ?? 0) + (counts?.skipped ?? 0)).toBe(100);
  });

  it('a pause by the user and a resume send everyone exactly once, with nobody in doubt', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(120));
    const journal = new MemoryJournal();
    const sender = new ScriptedSender(clock);
    sender.latencyMs = 300;
    const first = runner({ clock, sender, persistence, journal, lease: new MemoryLease(clock), rate: 20 });
    let paused: RunOutcome | undefined;
    void first.start().then((value) => (paused = value));
    await clock.advance(2_500);
    first.pause();
    while (!paused) await clock.advance(100);
    expect(paused).toMatchObject({ status: 'paused', reason: 'user' });
    const resumed = await drive(clock, runner({ clock, sender, persistence, journal, lease: new MemoryLease(clock), rate: 20 }).start());
    expect(resumed?.status === 'completed' && resumed.report.counts).toMatchObject({ sent: 120, unverified: 0 });
    expect(sender.accepted.size).toBe(120);
    expect([...sender.accepted.values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps results a failed save did not store, and stores them at the next save', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(40));
    let failing = true;
    const save = persistence.saveResults.bind(persistence);
    persistence.saveResults = async (ledger: LedgerSnapshot, changed: readonly number[]) => {
      if (failing) throw new Error('Zendesk is down');
      return save(ledger, changed);
    };
    const sender = new ScriptedSender(clock);
    const run = runner({ clock, sender, persistence, lease: new MemoryLease(clock) });
    let outcome: RunOutcome | undefined;
    void run.start().then((value) => (outcome = value));
    await clock.advance(3_000);
    expect([...persistence.ledger.states].filter((state) => state === 2)).toHaveLength(0);
    failing = false;
    while (!outcome) await clock.advance(100);
    expect(outcome.status).toBe('completed');
    expect([...persistence.ledger.states].every((state) => state === 2)).toBe(true);
  });

  it('pauses when it cannot store the next reservation, having sent nothing past the stored one', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(500));
    const reserve = persistence.reserve.bind(persistence);
    let calls = 0;
    persistence.reserve = async (through) => {
      calls += 1;
      if (calls > 2) throw new Error('Zendesk is down');
      return reserve(through);
    };
    const sender = new ScriptedSender(clock);
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock) }).start());
    expect(outcome).toMatchObject({ status: 'paused', reason: 'progress-not-saved' });
    expect(sender.accepted.size).toBeGreaterThan(0);
    expect(sender.accepted.size).toBeLessThanOrEqual(persistence.reservedThrough);
    const attempted = [...sender.attempts.keys()].map((phone) => persistence.recipients.findIndex((recipient) => recipient.phone === phone));
    expect(Math.max(...attempted)).toBeLessThan(persistence.reservedThrough);
  });

  it('keeps its pace while it stores the next reservation: a slow Zendesk does not slow the campaign', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(400));
    const reserve = persistence.reserve.bind(persistence);
    persistence.reserve = async (through) => {
      // Each watermark takes most of a second to store.
      await clock.sleep(800);
      return reserve(through);
    };
    const sender = new ScriptedSender(clock);
    const sentAt: number[] = [];
    const send = sender.send.bind(sender);
    sender.send = async (recipient) => {
      sentAt.push(clock.now());
      return send(recipient);
    };
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock), rate: 20 }).start());
    expect(outcome?.status === 'completed' && outcome.report.counts.sent).toBe(400);
    // 400 at 20 a second: 20 s from the first send to the last, not most of a second more every 5 s.
    expect(sentAt.at(-1)! - sentAt[0]!).toBeLessThan(20_500);
  });

  it('tries a refused reservation again after its Retry-After, and goes on', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(300));
    const reserve = persistence.reserve.bind(persistence);
    let calls = 0;
    persistence.reserve = async (through) => {
      calls += 1;
      if (calls === 3) throw new RateLimitedError(4_000, { code: 'TooManyRequests' }, {});
      return reserve(through);
    };
    const sender = new ScriptedSender(clock);
    const outcome = await drive(clock, runner({ clock, sender, persistence, lease: new MemoryLease(clock) }).start());
    expect(outcome?.status === 'completed' && outcome.report.counts.sent).toBe(300);
  });

  it('holds recipients in their quiet hours and sends the others meanwhile; the held ones go when their morning comes', async () => {
    // Monday 09:00 UTC: 10:00 in Paris, 04:00 in New York.
    const clock = new FakeClock(Date.UTC(2025, 0, 6, 9, 0, 0));
    const people = audience(20).map((recipient, index) => (index % 2 === 1 ? { ...recipient, country: 'US', timeZone: 'America/New_York' } : recipient));
    const persistence = new MemoryPersistence(people);
    const sender = new ScriptedSender(clock);
    const sentAt = new Map<string, number>();
    const send = sender.send.bind(sender);
    sender.send = async (recipient) => {
      sentAt.set(recipient.timeZone ?? '', Math.max(sentAt.get(recipient.timeZone ?? '') ?? 0, clock.now()));
      return send(recipient);
    };
    const progress: number[] = [];
    const outcome = await drive(
      clock,
      runner({ clock, sender, persistence, lease: new MemoryLease(clock), quietHours: { start: '21:00', end: '08:00' }, onProgress: (snapshot) => progress.push(snapshot.held) }).start(),
      6 * 3600_000,
    );
    expect(outcome?.status === 'completed' && outcome.report.counts.sent).toBe(20);
    // Paris was served at once; New York not before 08:00 there (13:00 UTC).
    expect(sentAt.get('Europe/Paris')).toBeLessThan(Date.UTC(2025, 0, 6, 9, 1));
    expect(sentAt.get('America/New_York')).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 6, 13, 0));
    expect(sentAt.get('America/New_York')).toBeLessThan(Date.UTC(2025, 0, 6, 13, 2));
    // The progress showed them held meanwhile.
    expect(Math.max(...progress)).toBe(10);
  });

  it('publishes its counts every 15 s and at the end, for those who watch from another tab or browser', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(300));
    const outcome = await drive(clock, runner({ clock, sender: new ScriptedSender(clock), persistence, lease: new MemoryLease(clock) }).start());
    expect(outcome?.status).toBe('completed');
    // About 38 s of sending at 8/s: twice on the way, once at the end.
    expect(persistence.progress.length).toBeGreaterThanOrEqual(3);
    const sent = persistence.progress.map((counts) => counts.sent);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent[0]).toBeGreaterThan(0);
    expect(persistence.progress.at(-1)).toMatchObject({ sent: 300, pending: 0, inflight: 0 });
  });

  it('does not run a campaign another runner holds, and stops at once when its lease is taken', async () => {
    const clock = new FakeClock();
    const persistence = new MemoryPersistence(audience(200));
    const sender = new ScriptedSender(clock);
    const lease = new MemoryLease(clock, 'first');
    let first: RunOutcome | undefined;
    void runner({ clock, sender, persistence, lease }).start().then((value) => (first = value));
    await clock.advance(1_000);
    // A second runner sees the lease held, and sends nothing.
    const other = new MemoryLease(clock, 'second');
    other.holder = lease.holder;
    other.expiresAt = lease.expiresAt;
    const sentBefore = sender.attempts.size;
    expect(await runner({ clock, sender, persistence, lease: other }).start()).toMatchObject({ status: 'busy', holder: 'first' });
    expect(sender.attempts.size).toBe(sentBefore);
    // The first one loses its lease: at its next heartbeat it stops, and writes nothing more over
    // the ledger the new holder now keeps.
    lease.stolen = true;
    const stolenAt = clock.now();
    let writesAtLoss: number | undefined;
    const heartbeat = lease.heartbeat.bind(lease);
    lease.heartbeat = async () => {
      const ours = await heartbeat();
      if (!ours) writesAtLoss ??= persistence.writes;
      return ours;
    };
    while (!first) await clock.advance(100);
    expect(first.status).toBe('lease-lost');
    expect(clock.now() - stolenAt).toBeLessThanOrEqual(10_500);
    expect(persistence.writes).toBe(writesAtLoss);
  });
});
