import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import type { ZendeskSeedOptions } from '../../emulator/zendesk/state';
import { HttpError } from '../../src/api/transport/errors';
import { withRateLimitRetries } from '../../src/api/transport/rateLimitRetries';
import { ZafTransport } from '../../src/zaf/zafTransport';
import {
  ExportCancelledError,
  ExportSearchClient,
  TypeTermInQueryError,
  type ExportClock,
  type ExportOptions,
  type ExportProgress,
} from '../../src/api/zendesk/exportSearch';
import { OrganizationsClient } from '../../src/api/zendesk/organizations';
import { SearchClient } from '../../src/api/zendesk/search';
import { advancingClock, stuckClock } from '../support/advancingClock';
import { createFakeZafClient } from '../support/fakeZafClient';

/** The audience export over the real transport, through the emulated Zendesk proxy, against the emulator. */

const MINUTE = 60_000;
const EXPORT_PATH = '/api/v2/search/export';

interface Harness {
  clock: ManualClock;
  emulator: Emulator;
  transport: ZafTransport;
  exporter: ExportSearchClient;
  exportClock: ExportClock;
}

function harness(zendesk: ZendeskSeedOptions = {}): Harness {
  const clock = new ManualClock();
  const emulator = createEmulator({ clock, zendesk });
  const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  return { clock, emulator, transport, exporter: new ExportSearchClient(transport), exportClock: advancingClock(clock) };
}

function exportRequests(emulator: Emulator): Array<{ at: number; url: URL }> {
  return emulator.requests.map((request) => ({ at: request.at, url: new URL(request.url) })).filter((request) => request.url.pathname === EXPORT_PATH);
}

/** The most requests that fell within any 60 seconds: (t - 60 s, t] for each request time t. */
function busiestMinute(times: readonly number[]): number {
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[start] as number) <= (times[end] as number) - MINUTE) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

function endUserIds(emulator: Emulator, keep: (user: { role: string; tags: string[] }) => boolean = (user) => user.role === 'end-user'): number[] {
  return [...emulator.zendesk.users.all()].filter(keep).map((user) => user.id).sort((a, b) => a - b);
}

async function collect(h: Harness, query: string, options: ExportOptions = {}): Promise<{ ids: number[]; progress: ExportProgress[] }> {
  const ids: number[] = [];
  const progress: ExportProgress[] = [];
  const onProgress = options.onProgress;
  for await (const page of h.exporter.users(query, {
    clock: h.exportClock,
    ...options,
    onProgress: (report) => {
      progress.push(report);
      onProgress?.(report);
    },
  })) {
    for (const user of page) ids.push(user.id);
  }
  return { ids, progress };
}

describe('the audience export, at scale', () => {
  it('yields 50,000 users exactly once through a 429 and an expired cursor, never above 100 requests a minute', async () => {
    const h = harness({ endUsers: 50_000 });
    const expected = endUserIds(h.emulator);
    expect(expected).toHaveLength(50_000);
    expect(await new SearchClient(h.transport).countUsers('role:end-user')).toBe(expected.length);
    const startedAt = h.clock.now();
    let faults = 0;

    const { ids, progress } = await collect(h, 'role:end-user', {
      pageSize: 100,
      onProgress: (report) => {
        if (report.phase !== 'reading') return;
        if (faults === 0 && report.pages === 120) {
          h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
          faults++;
        } else if (faults === 1 && report.pages === 260) {
          h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'expireCursor' }, times: 1 });
          faults++;
        }
      },
    });

    expect(faults).toBe(2);
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(expected);

    const requests = exportRequests(h.emulator);
    const times = requests.map((request) => request.at);
    expect(busiestMinute(times)).toBeLessThanOrEqual(100);
    expect(requests.every((request) => request.url.searchParams.get('filter[type]') === 'user' && !/type:/.test(request.url.searchParams.get('query') ?? ''))).toBe(true);

    const last = progress[progress.length - 1] as ExportProgress;
    expect(last.users).toBe(50_000);
    expect(last.restarts).toBeGreaterThanOrEqual(1);
    expect(progress.some((report) => report.phase === 'retrying' && report.resumesAt !== undefined)).toBe(true);
    expect(progress.some((report) => report.phase === 'waiting' && report.resumesAt !== undefined)).toBe(true);
    expect(progress.some((report) => report.phase === 'restarting')).toBe(true);
    // Every page read produced a report, and the counts only grow.
    expect(progress.filter((report) => report.phase === 'reading')).toHaveLength(last.pages);
    expect(progress.every((report, index) => index === 0 || report.users >= (progress[index - 1] as ExportProgress).users)).toBe(true);

    const emulatedMinutes = (h.clock.now() - startedAt) / MINUTE;
    // The 429 waited its Retry-After on the emulated clock.
    const retry = progress.find((report) => report.phase === 'retrying') as ExportProgress;
    expect((retry.resumesAt as number) - (startedAt + retry.elapsedMs)).toBe(7000);
    expect(emulatedMinutes).toBeGreaterThan(requests.length / 100 - 1);
    process.stdout.write(
      `50k export: ${last.pages} pages, ${requests.length} export requests, busiest minute ${busiestMinute(times)}, ` +
        `${last.restarts} restart(s), ${emulatedMinutes.toFixed(2)} emulated minutes, ${Math.round(last.usersPerSecond)} users/s emulated\n`,
    );
  }, 120_000);
});

describe('the audience export, cursors', () => {
  it('starts over before using a cursor older than maxCursorAgeMs, without a refused request', async () => {
    const h = harness({ endUsers: 1000 });
    const ids: number[] = [];
    let pages = 0;
    let restarts = 0;
    for await (const page of h.exporter.users('role:end-user', { pageSize: 100, clock: h.exportClock, onProgress: (report) => (restarts = report.restarts) })) {
      ids.push(...page.map((user) => user.id));
      // A slow consumer: 56 minutes pass after the third page (the default limit is 55).
      if (++pages === 3) h.clock.advance(56 * MINUTE);
    }
    expect(restarts).toBe(1);
    expect([...ids].sort((a, b) => a - b)).toEqual(endUserIds(h.emulator));
    // 10 pages, then 3 read again after the restart.
    expect(exportRequests(h.emulator)).toHaveLength(13);
  });

  it('starts over when Zendesk refuses an expired cursor (400 InvalidPaginationParameter)', async () => {
    const h = harness({ endUsers: 1000 });
    const ids: number[] = [];
    let pages = 0;
    let restarts = 0;
    for await (const page of h.exporter.users('role:end-user', {
      pageSize: 100,
      clock: h.exportClock,
      maxCursorAgeMs: 24 * 60 * MINUTE,
      onProgress: (report) => (restarts = report.restarts),
    })) {
      ids.push(...page.map((user) => user.id));
      if (++pages === 5) h.clock.advance(61 * MINUTE);
    }
    expect(restarts).toBe(1);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort((a, b) => a - b)).toEqual(endUserIds(h.emulator));
  });

  it('gives up when the cursor is refused again and again before any new user', async () => {
    const h = harness({ endUsers: 300 });
    h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'expireCursor' } });
    await expect(collect(h, 'role:end-user', { pageSize: 100 })).rejects.toThrow(/lost its cursor/);
  });
});

describe('the audience export, limits and failures', () => {
  it('keeps to requestsPerMinute on the clock it is given', async () => {
    const h = harness({ endUsers: 500 });
    const { ids, progress } = await collect(h, 'role:end-user', { pageSize: 50, requestsPerMinute: 4 });
    expect(ids).toHaveLength(500);
    const times = exportRequests(h.emulator).map((request) => request.at);
    expect(times).toHaveLength(10);
    expect(busiestMinute(times)).toBe(4);
    expect(progress.filter((report) => report.phase === 'waiting').length).toBeGreaterThan(0);
  });

  it('retries 5xx and network errors with backoff, then gives up after maxAttempts', async () => {
    const h = harness({ endUsers: 300 });
    h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'status', status: 503 }, times: 1 });
    let cut = false;
    const recovered = await collect(h, 'role:end-user', {
      pageSize: 100,
      onProgress: (report) => {
        // The retry of the 503 meets a cut connection (one fault per request: the emulator spends every matching rule).
        if (report.phase !== 'retrying' || cut) return;
        h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'networkError' }, times: 1 });
        cut = true;
      },
    });
    expect(recovered.ids).toHaveLength(300);
    expect(recovered.progress.filter((report) => report.phase === 'retrying')).toHaveLength(2);

    const failing = harness({ endUsers: 300 });
    failing.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'status', status: 503 } });
    const waits: number[] = [];
    const failure = await collect(failing, 'role:end-user', {
      pageSize: 100,
      maxAttempts: 4,
      onProgress: (report) => {
        if (report.phase === 'retrying') waits.push((report.resumesAt as number) - failing.clock.now());
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as HttpError).status).toBe(503);
    expect(exportRequests(failing.emulator)).toHaveLength(4);
    // Three waits, growing (1 s, 2 s, 4 s ceilings with jitter between half and all of it).
    expect(waits).toHaveLength(3);
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(500 * 2 ** index);
      expect(wait).toBeLessThanOrEqual(1000 * 2 ** index);
    });
  });

  it('shows its own wait for a 429 over the app’s transport, which then leaves the 429 to it', async () => {
    const h = harness({ endUsers: 300 });
    // The transport a context gives (app/context.ts): it waits out 429s, except for the export's.
    const app = { ...h, exporter: new ExportSearchClient(withRateLimitRetries(h.transport, h.exportClock)) };
    h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
    const { ids, progress } = await collect(app, 'role:end-user', { pageSize: 100 });
    expect(ids).toHaveLength(300);
    // Reported at the start of the 7 s wait and again 5 s in; the page was asked for twice, not more.
    expect(progress.filter((report) => report.phase === 'retrying')).toHaveLength(2);
    expect(exportRequests(h.emulator)).toHaveLength(4);
  });

  it('does not retry a request Zendesk refuses for good', async () => {
    const h = harness({ endUsers: 300 });
    h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'status', status: 403 } });
    await expect(collect(h, 'role:end-user', { pageSize: 100 })).rejects.toMatchObject({ status: 403 });
    expect(exportRequests(h.emulator)).toHaveLength(1);
  });

  it('refuses a query with a type: term before any request', () => {
    const h = harness({ endUsers: 10 });
    expect(() => h.exporter.users('type:user tags:vip')).toThrow(TypeTermInQueryError);
    expect(() => h.exporter.users('tags:vip -type:ticket')).toThrow(/type: term/);
    expect(() => h.exporter.users('tags:vip', { pageSize: 1001 })).toThrow(RangeError);
    expect(exportRequests(h.emulator)).toHaveLength(0);
  });

  it('keeps only the fields an audience needs, and only the user fields asked for', async () => {
    const h = harness({ endUsers: 50 });
    const fieldKeys = h.emulator.zendesk.userFields.map((field) => field.key);
    const kept = fieldKeys[0] as string;
    const pages = h.exporter.users('role:end-user', { pageSize: 50, clock: h.exportClock, userFieldKeys: [kept] });
    const first = (await pages.next()).value as Array<Record<string, unknown>>;
    const user = first[0] as Record<string, unknown>;
    expect(Object.keys(user).sort()).toEqual(
      ['email', 'id', 'locale', 'name', 'organizationId', 'organizationName', 'phone', 'suspended', 'tags', 'timeZone', 'userFields'].sort(),
    );
    expect(user.organizationName).toBeNull();
    const stored = h.emulator.zendesk.users.get(user.id as number);
    expect(user.timeZone).toBe(stored?.ianaTimeZone);
    expect(Object.keys(user.userFields as object).every((key) => key === kept)).toBe(true);
    await pages.return(undefined);
  });
});

describe('cancelling the audience export', () => {
  it('stops between pages when the signal aborts, without another request', async () => {
    const h = harness({ endUsers: 1000 });
    const controller = new AbortController();
    const run = collect(h, 'role:end-user', {
      pageSize: 100,
      signal: controller.signal,
      onProgress: (report) => {
        if (report.pages === 3) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(exportRequests(h.emulator)).toHaveLength(3);
  });

  it.each([
    ['the 100-a-minute window', 'waiting' as const],
    ['a Retry-After', 'retrying' as const],
  ])('stops at once during a wait for %s', async (_label, phase) => {
    const h = harness({ endUsers: 1000 });
    if (phase === 'retrying') h.emulator.faults.add({ match: { service: 'zendesk', path: EXPORT_PATH }, fault: { kind: 'rateLimit', retryAfterSeconds: 30 }, times: 1 });
    const controller = new AbortController();
    let waitingAt: ExportProgress | undefined;
    const run = collect(h, 'role:end-user', {
      pageSize: 100,
      requestsPerMinute: 2,
      // Waits on this clock never end: only the abort can end them.
      clock: stuckClock(h.clock),
      signal: controller.signal,
      onProgress: (report) => {
        if (report.phase === phase && !waitingAt) {
          waitingAt = report;
          setTimeout(() => controller.abort(), 5);
        }
      },
    });
    const started = Date.now();
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(waitingAt?.resumesAt).toBeGreaterThan(h.clock.now());
  });
});

describe('sample users and organization names', () => {
  it('samples users of a query as AudienceUsers', async () => {
    const h = harness({ endUsers: 500 });
    const search = new SearchClient(h.transport);
    const sample = await search.sampleUsers('tags:vip', 5);
    expect(sample).toHaveLength(5);
    for (const user of sample) {
      expect(user.tags).toContain('vip');
      expect(user.organizationName).toBeNull();
      expect(user.userFields).toEqual({});
      const stored = h.emulator.zendesk.users.get(user.id);
      expect(user.email).toBe(stored?.email);
      expect(user.phone).toBe(stored?.phone);
    }
    expect((await search.sampleUsers('role:end-user')).length).toBe(10);
    await expect(search.sampleUsers('type:ticket tags:vip')).rejects.toBeInstanceOf(TypeTermInQueryError);
    const sent = h.emulator.requests.map((request) => new URL(request.url)).filter((url) => url.pathname === '/api/v2/search');
    expect(sent[0]?.searchParams.get('query')).toBe('type:user tags:vip');
    expect(sent[0]?.searchParams.get('per_page')).toBe('5');
  });

  it('names organizations in batches of 100, once per id', async () => {
    const h = harness({ endUsers: 50 });
    const organizations = new OrganizationsClient(h.transport);
    const real = h.emulator.zendesk.organizations.map((organization) => organization.id);
    const unknown = Array.from({ length: 150 }, (_, index) => 900_000 + index);
    const names = await organizations.names([...real, ...unknown, real[0] as number]);
    expect(names.size).toBe(real.length);
    for (const organization of h.emulator.zendesk.organizations) expect(names.get(organization.id)).toBe(organization.name);
    expect(showManyCalls(h.emulator).map((ids) => ids.length)).toEqual([100, 55]);
    const again = await organizations.names(real.slice(0, 2));
    expect([...again.keys()]).toEqual(real.slice(0, 2));
    expect(showManyCalls(h.emulator)).toHaveLength(2);
  });
});

/** The ids of each Show Many Organizations call the emulator received, in order. */
function showManyCalls(emulator: Emulator): string[][] {
  return emulator.requests
    .filter((request) => new URL(request.url).pathname.startsWith('/api/v2/organizations/show_many'))
    .map((request) => (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean));
}
