import type { AudienceUser } from '../../core/campaign/audienceUser';
import { realClock as systemClock } from '../../core/time/clock';
import type { Transport } from '../transport/types';
import { ExportRun, type ExportSettings } from './exportRun';
import type { ExportClock, ExportOptions } from './exportTypes';
import { userSearchTerms } from './userQuery';

/**
 * Export Search Results for audiences: every user a Zendesk search matches, however many, page by
 * page, within the endpoint's limits (100 requests a minute, cursors that expire after an hour).
 */

export * from './exportTypes';
export { TypeTermInQueryError } from './userQuery';

export const realClock: ExportClock = systemClock;

const DEFAULTS = { pageSize: 1000, requestsPerMinute: 100, maxCursorAgeMs: 55 * 60_000, maxAttempts: 5 } as const;

export class ExportSearchClient {
  constructor(private readonly transport: Transport) {}

  /**
   * Every user matching the query, page by page, each reduced to an AudienceUser (organizationName
   * null). No user is yielded twice, even when the export has to start over. The query must not
   * have a `type:` term (TypeTermInQueryError, thrown at once); options out of range are a RangeError.
   */
  users(query: string, options: ExportOptions = {}): AsyncGenerator<AudienceUser[]> {
    const settings = resolveSettings(options);
    return new ExportRun(this.transport, userSearchTerms(query), settings).pages();
  }
}

function resolveSettings(options: ExportOptions): ExportSettings {
  const pageSize = options.pageSize ?? DEFAULTS.pageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new RangeError(`pageSize must be an integer from 1 to 1000, not ${pageSize}`);
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, not ${maxAttempts}`);
  const maxCursorAgeMs = options.maxCursorAgeMs ?? DEFAULTS.maxCursorAgeMs;
  if (!(maxCursorAgeMs > 0)) throw new RangeError(`maxCursorAgeMs must be positive, not ${maxCursorAgeMs}`);
  return {
    pageSize,
    maxAttempts,
    maxCursorAgeMs,
    requestsPerMinute: options.requestsPerMinute ?? DEFAULTS.requestsPerMinute,
    clock: options.clock ?? realClock,
    signal: options.signal,
    onProgress: options.onProgress,
    userFieldKeys: options.userFieldKeys ?? [],
  };
}
