import { z } from 'zod/mini';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { backoffDelay } from '../../core/time/backoff';
import { unlessAborted } from '../../core/time/clock';
import { parseResponse } from '../parse';
import { HttpError, InvalidResponseError, NetworkError, RateLimitedError, TimeoutError } from '../transport/errors';
import { withoutRateLimitRetries } from '../transport/rateLimitRetries';
import type { HttpRequest, Transport } from '../transport/types';
import { audienceUserSchema } from './audienceUsers';
import { ExportCancelledError, ExportRestartsExhaustedError, type ExportClock, type ExportPhase, type ExportProgress } from './exportTypes';
import { RequestWindow } from './requestWindow';

export interface ExportSettings {
  pageSize: number;
  maxAttempts: number;
  maxCursorAgeMs: number;
  requestsPerMinute: number;
  clock: ExportClock;
  signal: AbortSignal | undefined;
  onProgress: ((progress: ExportProgress) => void) | undefined;
  userFieldKeys: readonly string[];
}

const ENDPOINT = 'GET /api/v2/search/export';
/** Long waits report progress at least this often, so a UI can show it is alive. */
const PROGRESS_TICK_MS = 5_000;
/** 429s in a row on one page before giving up: the limit is shared with every app of the account. */
const MAX_RATE_LIMITED_RETRIES = 30;
/** Restarts in a row that reach no new user before giving up (a cursor that never lives long enough). */
const MAX_FRUITLESS_RESTARTS = 3;

interface Cursor {
  value: string;
  /** When the request that returned it was sent: the cursor's lifetime runs from about then. */
  issuedAt: number;
}

type Fetched = { kind: 'page'; users: AudienceUser[]; next: Cursor | undefined } | { kind: 'restart' };

/**
 * One audience export, from its first page to its last. It keeps its own pace (never more than
 * `requestsPerMinute` requests in any minute of the clock), retries what is worth retrying, and
 * starts over when its cursor is refused or too old, skipping the users it has already yielded.
 * Only the ids seen are kept; users are held one page at a time.
 */
export class ExportRun {
  private readonly window: RequestWindow;
  /** The export waits out its 429s itself, showing the wait as progress: the transport's own retries would hide it, and retry each one again. */
  private readonly transport: Transport;
  private readonly seen = new Set<number>();
  private readonly pageSchema;
  private readonly startedAt: number;
  private users = 0;
  private pagesRead = 0;
  private restarts = 0;

  constructor(
    transport: Transport,
    private readonly terms: string,
    private readonly settings: ExportSettings,
  ) {
    this.transport = withoutRateLimitRetries(transport);
    this.window = new RequestWindow(settings.requestsPerMinute);
    this.startedAt = settings.clock.now();
    this.pageSchema = z.object({
      results: z.array(audienceUserSchema(settings.userFieldKeys)),
      links: z.nullish(z.object({ next: z.nullish(z.string()) })),
      meta: z.nullish(z.object({ has_more: z.nullish(z.boolean()), after_cursor: z.nullish(z.string()) })),
    });
  }

  async *pages(): AsyncGenerator<AudienceUser[]> {
    let cursor: Cursor | undefined;
    let fruitlessRestarts = 0;
    for (;;) {
      this.throwIfCancelled();
      const fetched = await this.fetchPage(cursor);
      if (fetched.kind === 'restart') {
        fruitlessRestarts += 1;
        if (fruitlessRestarts > MAX_FRUITLESS_RESTARTS) throw new ExportRestartsExhaustedError(fruitlessRestarts);
        this.restarts += 1;
        cursor = undefined;
        this.report('restarting');
        continue;
      }
      this.pagesRead += 1;
      const fresh = fetched.users.filter((user) => !this.seen.has(user.id));
      for (const user of fresh) this.seen.add(user.id);
      if (fresh.length > 0) fruitlessRestarts = 0;
      this.users += fresh.length;
      cursor = fetched.next;
      this.report('reading');
      this.throwIfCancelled();
      if (fresh.length > 0) yield fresh;
      if (!cursor) return;
    }
  }

  /** One page, retried as needed; or the verdict that the export must start over. */
  private async fetchPage(cursor: Cursor | undefined): Promise<Fetched> {
    const { clock, maxAttempts, maxCursorAgeMs } = this.settings;
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const delay = this.window.delayBefore(clock.now());
      // A cursor that would be used past its age is dropped now rather than refused later.
      if (cursor && clock.now() + delay - cursor.issuedAt >= maxCursorAgeMs) return { kind: 'restart' };
      if (delay > 0) await this.wait(delay, 'waiting');
      const sentAt = clock.now();
      this.window.record(sentAt);
      try {
        const response = await unlessAborted(this.transport.send(this.request(cursor)), this.settings.signal, () => new ExportCancelledError());
        return this.readPage(response.body, sentAt);
      } catch (error) {
        if (error instanceof ExportCancelledError) throw error;
        if (error instanceof RateLimitedError) {
          rateLimited += 1;
          if (rateLimited > MAX_RATE_LIMITED_RETRIES) throw error;
          await this.wait(error.retryAfterMs ?? backoffDelay(rateLimited), 'retrying');
          continue;
        }
        // Zendesk answers 400 InvalidPaginationParameter for an expired cursor. The first page went
        // through with the same parameters, so any 400 on a cursored request is about the cursor.
        if (cursor && error instanceof HttpError && error.status === 400) return { kind: 'restart' };
        if (!isTransient(error)) throw error;
        failures += 1;
        if (failures >= maxAttempts) throw error;
        await this.wait(backoffDelay(failures), 'retrying');
      }
    }
  }

  private request(cursor: Cursor | undefined): HttpRequest {
    return {
      method: 'GET',
      url: '/api/v2/search/export',
      credentials: 'zendesk',
      query: { query: this.terms, 'filter[type]': 'user', 'page[size]': this.settings.pageSize, 'page[after]': cursor?.value },
    };
  }

  private readPage(body: unknown, sentAt: number): Fetched {
    const page = parseResponse(this.pageSchema, body, ENDPOINT);
    const hasMore = page.meta?.has_more ?? Boolean(page.links?.next);
    if (!hasMore) return { kind: 'page', users: page.results, next: undefined };
    const value = page.meta?.after_cursor ?? cursorOfLink(page.links?.next);
    if (!value) throw new InvalidResponseError(ENDPOINT, ['meta.after_cursor: missing while meta.has_more is true']);
    return { kind: 'page', users: page.results, next: { value, issuedAt: sentAt } };
  }

  /** Waits `ms`, reporting progress at the start and every few seconds; cancellable. */
  private async wait(ms: number, phase: ExportPhase): Promise<void> {
    const { clock, signal } = this.settings;
    const resumesAt = clock.now() + ms;
    for (let left = ms; left > 0; left = resumesAt - clock.now()) {
      this.report(phase, resumesAt);
      this.throwIfCancelled();
      try {
        await unlessAborted(clock.sleep(Math.min(left, PROGRESS_TICK_MS), signal), signal, () => new ExportCancelledError());
      } catch (error) {
        if (signal?.aborted) throw new ExportCancelledError();
        throw error;
      }
    }
  }

  private report(phase: ExportPhase, resumesAt?: number): void {
    const onProgress = this.settings.onProgress;
    if (!onProgress) return;
    const elapsedMs = this.settings.clock.now() - this.startedAt;
    const progress: ExportProgress = {
      users: this.users,
      pages: this.pagesRead,
      elapsedMs,
      usersPerSecond: elapsedMs > 0 ? (this.users * 1000) / elapsedMs : 0,
      restarts: this.restarts,
      phase,
    };
    if (resumesAt !== undefined) progress.resumesAt = resumesAt;
    onProgress(progress);
  }

  private throwIfCancelled(): void {
    if (this.settings.signal?.aborted) throw new ExportCancelledError();
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError || (error instanceof HttpError && error.status >= 500);
}

/** `links.next` is an absolute URL whose `page[after]` is the cursor. */
function cursorOfLink(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, 'https://zendesk.invalid').searchParams.get('page[after]') ?? undefined;
  } catch {
    return undefined;
  }
}
