import { isPlainObject } from '../json';
import { ApiError } from './apiErrors';
import { customObjectRecordJson } from './customObjectJson';
import type { CustomObjectStore } from './customObjects';
import type { IdGenerator } from './ids';
import { isoSeconds } from './time';

/**
 * Custom object record bulk jobs (`POST /api/v2/custom_objects/{key}/jobs`) and their job statuses.
 *
 * A job is queued and does its work once the emulator clock has moved `delayMs` past its creation
 * (default 1 s; 0 runs it within the request). Until then nothing is written: a client has to poll
 * `GET /api/v2/job_statuses/{id}` as with Zendesk, where the answer is `queued` at first. Due jobs
 * run in creation order at the start of the next Zendesk request.
 *
 * Results: the spec types a custom object job's `results` as custom object records. Each result is
 * the record as it is after the item (the deleted record for deletions) plus `index`, `action`,
 * `success: true` and `status` (Created, Updated, Deleted); an item that fails is
 * `{ index, action, success: false, error, details }` with its `id` or `external_id` when given.
 * The job still completes: per-item failures do not fail the job, as in Zendesk bulk jobs.
 */

export const JOB_ACTIONS = ['create', 'update', 'delete', 'delete_by_external_id', 'create_or_update_by_external_id', 'create_or_update_by_name'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

export const MAX_JOB_ITEMS = 100;
/** Jobs that may wait at once on an account (Zendesk's job limit). */
export const MAX_QUEUED_JOBS = 30;

export interface JobRecord {
  id: string;
  objectKey: string;
  action: JobAction;
  items: unknown[];
  actorId: number;
  createdAt: number;
  runAt: number;
  status: 'queued' | 'completed';
  completedAt: number | null;
  results: Array<Record<string, unknown>> | null;
}

export class JobStore {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(
    private readonly ids: IdGenerator,
    readonly delayMs: number,
  ) {}

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  list(): JobRecord[] {
    return [...this.jobs.values()];
  }

  queue(objectKey: string, body: Record<string, unknown>, actorId: number, now: number): JobRecord {
    const job = body.job;
    if (!isPlainObject(job)) throw new ApiError(400, 'InvalidParameter', 'The body needs a job object with action and items');
    const action = job.action;
    if (typeof action !== 'string' || !(JOB_ACTIONS as readonly string[]).includes(action)) {
      throw new ApiError(400, 'InvalidParameter', `job.action must be one of ${JOB_ACTIONS.join(', ')}`);
    }
    const items = job.items;
    if (!Array.isArray(items) || items.length === 0) throw new ApiError(400, 'InvalidParameter', 'job.items must be a non-empty array');
    if (items.length > MAX_JOB_ITEMS) throw new ApiError(400, 'InvalidParameter', `job.items can hold at most ${MAX_JOB_ITEMS} items, not ${items.length}`);
    const waiting = this.list().filter((candidate) => candidate.status === 'queued');
    if (waiting.length >= MAX_QUEUED_JOBS) {
      const nextRun = Math.min(...waiting.map((candidate) => candidate.runAt));
      throw new ApiError(429, 'TooManyJobs', `At most ${MAX_QUEUED_JOBS} jobs can be queued at once`, {
        headers: { 'Retry-After': String(Math.max(1, Math.ceil((nextRun - now) / 1000))) },
      });
    }
    const record: JobRecord = {
      id: this.ids.jobId(),
      objectKey,
      action: action as JobAction,
      items: [...items],
      actorId,
      createdAt: now,
      runAt: now + this.delayMs,
      status: 'queued',
      completedAt: null,
      results: null,
    };
    this.jobs.set(record.id, record);
    return record;
  }

  /** Runs every job whose time has come, oldest first. */
  settle(now: number, store: CustomObjectStore, origin: string): void {
    const due = this.list()
      .filter((job) => job.status === 'queued' && job.runAt <= now)
      .sort((a, b) => a.runAt - b.runAt || a.createdAt - b.createdAt);
    for (const job of due) {
      job.results = job.items.map((item, index) => runItem(job, item, index, store, origin, now));
      job.status = 'completed';
      job.completedAt = now;
    }
  }
}

function runItem(job: JobRecord, item: unknown, index: number, store: CustomObjectStore, origin: string, now: number): Record<string, unknown> {
  const identity: Record<string, unknown> = {};
  try {
    const object = store.require(job.objectKey);
    const done = (record: Parameters<typeof customObjectRecordJson>[1], status: string): Record<string, unknown> => ({
      ...customObjectRecordJson(object, record, origin),
      index,
      action: job.action,
      success: true,
      status,
    });
    switch (job.action) {
      case 'delete':
      case 'delete_by_external_id': {
        if (typeof item !== 'string' || item === '') throw new ApiError(422, 'RecordInvalid', `Item ${index} must be a record ${job.action === 'delete' ? 'id' : 'external id'}`);
        if (job.action === 'delete') identity.id = item;
        else identity.external_id = item;
        const record = job.action === 'delete' ? store.deleteRecord(job.objectKey, item) : store.deleteByExternalId(job.objectKey, item);
        return done(record, 'Deleted');
      }
      case 'create': {
        const input = recordItem(item, index);
        if (typeof input.externalId === 'string') identity.external_id = input.externalId;
        return done(store.createRecord(job.objectKey, input, job.actorId, now), 'Created');
      }
      case 'update': {
        const input = recordItem(item, index);
        const id = (item as Record<string, unknown>).id;
        if (typeof id !== 'string' || id === '') throw new ApiError(422, 'RecordInvalid', `Item ${index} needs the id of the record to update`);
        identity.id = id;
        return done(store.updateRecord(job.objectKey, id, input, job.actorId, now), 'Updated');
      }
      case 'create_or_update_by_external_id': {
        const input = recordItem(item, index);
        if (typeof input.externalId !== 'string' || input.externalId === '') throw new ApiError(422, 'RecordInvalid', `Item ${index} needs an external_id`);
        identity.external_id = input.externalId;
        const { record, created } = store.upsertByExternalId(job.objectKey, input.externalId, input, job.actorId, now);
        return done(record, created ? 'Created' : 'Updated');
      }
      case 'create_or_update_by_name':
        // The emulator has no way to make standard::name unique, which this action requires.
        throw new ApiError(422, 'RecordInvalid', 'create_or_update_by_name needs the is_unique property on the name field');
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ...identity, index, action: job.action, success: false, error: error.code, details: error.message };
  }
}

function recordItem(item: unknown, index: number): { name?: unknown; externalId?: unknown; fields?: unknown } {
  if (!isPlainObject(item)) throw new ApiError(422, 'RecordInvalid', `Item ${index} must be a record object`);
  return {
    ...(item.name !== undefined ? { name: item.name } : {}),
    ...(item.external_id !== undefined ? { externalId: item.external_id } : {}),
    ...(item.custom_object_fields !== undefined ? { fields: item.custom_object_fields } : {}),
  };
}

export function jobStatusJson(job: JobRecord, origin: string): Record<string, unknown> {
  const completed = job.status === 'completed';
  return {
    id: job.id,
    url: `${origin}/api/v2/job_statuses/${job.id}.json`,
    job_type: 'custom_object_record_bulk_job',
    total: job.items.length,
    progress: completed ? job.items.length : null,
    status: job.status,
    message: completed && job.completedAt !== null ? `Completed at ${isoSeconds(job.completedAt)}` : null,
    results: job.results === null ? null : job.results.map((result) => ({ ...result })),
  };
}
