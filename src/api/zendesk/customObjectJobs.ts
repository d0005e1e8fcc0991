import { z } from 'zod/mini';
import type { ApiClock } from '../../core/time/clock';
import { parseResponse } from '../parse';
import { withRateLimitRetries } from '../transport/rateLimitRetries';
import type { Transport } from '../transport/types';

/**
 * Custom object record bulk jobs: queue up to 100 items (`POST …/jobs`), then poll the job status
 * until the job is done. Zendesk runs jobs in the background and limits how many may wait at once
 * (429 with Retry-After): the transport's rate-limit retries wait that out, as for any other call
 * (../transport/rateLimitRetries.ts; added here when the caller's transport has none, never twice).
 */

export const MAX_JOB_ITEMS = 100;

export type BulkJobAction = 'create' | 'update' | 'delete' | 'delete_by_external_id' | 'create_or_update_by_external_id';

/** A record as a create or update job takes it. */
export interface BulkJobRecord {
  name: string;
  external_id?: string;
  id?: string;
  custom_object_fields: Record<string, string | number | boolean | null>;
}

export interface BulkJobItemResult {
  /** Position of the item in the job. */
  index: number;
  success: boolean;
  externalId?: string;
  /** Zendesk's error code and details when the item failed. */
  error?: string;
}

export interface BulkJobOptions {
  clock: ApiClock;
  /** First wait between two polls; later waits grow to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up waiting after this long (the job may still run). */
  timeoutMs?: number;
}

/** The job ended as failed (or killed): none of its items can be trusted to be written. */
export class BulkJobFailedError extends Error {
  override name = 'BulkJobFailedError';

  constructor(
    readonly jobId: string,
    readonly status: string,
    detail: string | null | undefined,
  ) {
    super(`Bulk job ${jobId} ended ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/** The job did not finish in time; it may still complete later. */
export class BulkJobTimeoutError extends Error {
  override name = 'BulkJobTimeoutError';

  constructor(readonly jobId: string) {
    super(`Bulk job ${jobId} did not finish in time`);
  }
}

const resultSchema = z.looseObject({
  index: z.nullish(z.number()),
  success: z.nullish(z.boolean()),
  external_id: z.nullish(z.string()),
  error: z.nullish(z.string()),
  details: z.optional(z.unknown()),
});

const jobStatusSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  message: z.nullish(z.string()),
  // An array of per-item results, or one `{ success }` for the whole job (both in the spec).
  results: z.nullish(z.union([z.array(resultSchema), z.looseObject({ success: z.boolean() })])),
});

const jobResponseSchema = z.looseObject({ job_status: jobStatusSchema });
type JobStatus = z.infer<typeof jobStatusSchema>;

const DONE = new Set(['completed', 'failed', 'killed']);

export async function runBulkJob(
  transport: Transport,
  objectKey: string,
  action: BulkJobAction,
  items: readonly (BulkJobRecord | string)[],
  options: BulkJobOptions,
): Promise<BulkJobItemResult[]> {
  if (items.length === 0) return [];
  if (items.length > MAX_JOB_ITEMS) throw new RangeError(`A bulk job takes at most ${MAX_JOB_ITEMS} items, not ${items.length}`);
  const retrying = withRateLimitRetries(transport, options.clock);
  let status = await submit(retrying, objectKey, action, items);
  const pollMs = options.pollMs ?? 1000;
  const deadline = options.clock.now() + (options.timeoutMs ?? 5 * 60_000);
  for (let wait = pollMs; !DONE.has(status.status); wait = Math.min(options.maxPollMs ?? 5000, Math.round(wait * 1.5))) {
    if (options.clock.now() >= deadline) throw new BulkJobTimeoutError(status.id);
    await options.clock.sleep(wait);
    const response = await retrying.send({ method: 'GET', url: `/api/v2/job_statuses/${encodeURIComponent(status.id)}`, credentials: 'zendesk' });
    status = parseResponse(jobResponseSchema, response.body, 'GET /api/v2/job_statuses/{id}').job_status;
  }
  if (status.status !== 'completed') throw new BulkJobFailedError(status.id, status.status, status.message);
  return itemResults(status, items);
}

async function submit(transport: Transport, objectKey: string, action: BulkJobAction, items: readonly (BulkJobRecord | string)[]): Promise<JobStatus> {
  const response = await transport.send({
    method: 'POST',
    url: `/api/v2/custom_objects/${objectKey}/jobs`,
    credentials: 'zendesk',
    body: { job: { action, items } },
  });
  return parseResponse(jobResponseSchema, response.body, 'POST /api/v2/custom_objects/{key}/jobs').job_status;
}

/** One result per item, in item order; an item the job did not report on counts as done. */
function itemResults(status: JobStatus, items: readonly (BulkJobRecord | string)[]): BulkJobItemResult[] {
  const results = items.map((item, index): BulkJobItemResult => ({ index, success: true, ...externalIdOf(item) }));
  const reported = status.results;
  if (!Array.isArray(reported)) {
    if (reported && !reported.success) for (const result of results) Object.assign(result, { success: false, error: status.message ?? 'failed' });
    return results;
  }
  reported.forEach((entry, position) => {
    const index = entry.index ?? position;
    const result = results[index];
    const failed = entry.success === false || (entry.success == null && Boolean(entry.error));
    if (!result || !failed) return;
    result.success = false;
    result.error = [entry.error, typeof entry.details === 'string' ? entry.details : undefined].filter(Boolean).join(': ') || 'failed';
  });
  return results;
}

function externalIdOf(item: BulkJobRecord | string): { externalId?: string } {
  if (typeof item === 'string') return {};
  return item.external_id === undefined ? {} : { externalId: item.external_id };
}
