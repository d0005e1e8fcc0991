import { z } from 'zod/mini';
import { parseResponse } from '../parse';
import { HttpError } from '../transport/errors';
import type { Transport } from '../transport/types';

/**
 * Herald's own installation settings, read and changed from inside the app through Zendesk's Apps
 * API, so that an admin can configure Herald from its Settings page. The Support OpenAPI document
 * does not cover these endpoints; this follows the Apps API reference,
 * https://developer.zendesk.com/api-reference/ticketing/apps/apps/:
 * - "Show App Installation", `GET /api/v2/apps/installations/{app_installation_id}` (agents and
 *   admins): the App Installation object at the top level of the body (no wrapper key), with
 *   `id`, `app_id`, `enabled`, `settings` (a flat object, always holding the built-in `name` and
 *   `title`, unset settings as `null`) and the same values as `settings_objects` (`[{name, value}]`);
 * - "Update App Installation", `PUT` on the same path (admins; agents get 403), body
 *   `{ "settings": { name: value, … } }` (the curl example of the reference), answered with the
 *   updated installation object. Settings left out of the body keep their values.
 * Secure settings are write-only: they can be set here but no GET returns them (the emulator leaves
 * them out; the reference does not document what a GET shows for them, so none is expected).
 */

export type InstallationSettingValue = string | number | boolean;

export interface AppInstallation {
  id: number;
  appId: number | undefined;
  /** The installation's name in Admin Center (the built-in `title` setting). */
  title: string | undefined;
  enabled: boolean;
  /** The non-secure settings that have a value, keyed by manifest parameter (without `name`/`title`). */
  settings: Record<string, InstallationSettingValue>;
}

const settingValueSchema = z.nullish(z.union([z.string(), z.number(), z.boolean()]));

const installationSchema = z.looseObject({
  id: z.number(),
  app_id: z.nullish(z.number()),
  enabled: z.nullish(z.boolean()),
  settings: z.nullish(z.record(z.string(), settingValueSchema)),
  settings_objects: z.nullish(z.array(z.looseObject({ name: z.string(), value: settingValueSchema }))),
});

/** Settings every installation has besides the manifest's parameters. */
const BUILT_IN = new Set(['name', 'title']);

export class AppInstallationsClient {
  constructor(private readonly transport: Transport) {}

  async get(installationId: number): Promise<AppInstallation> {
    const path = installationPath(installationId);
    const response = await this.transport.send({ method: 'GET', url: path, credentials: 'zendesk' });
    return toInstallation(parseResponse(installationSchema, response.body, `GET ${path}`));
  }

  /**
   * Sets the given settings, secure ones included, and leaves the others as they are. `null` (or
   * `''`) clears a non-secure setting. Rejects with the transport's typed errors: `HttpError` 403
   * for an agent, 422 when Zendesk refuses a setting (see `settingErrors`).
   */
  async updateSettings(installationId: number, settings: Record<string, InstallationSettingValue | null>): Promise<AppInstallation> {
    const path = installationPath(installationId);
    const response = await this.transport.send({ method: 'PUT', url: path, credentials: 'zendesk', body: { settings } });
    return toInstallation(parseResponse(installationSchema, response.body, `PUT ${path}`));
  }
}

/**
 * The settings a refused update names, with Zendesk's message for each (its 422 `details`), or
 * undefined when the error is not such a refusal.
 */
export function settingErrors(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof HttpError) || error.status !== 422) return undefined;
  const details = (error.body as { details?: unknown } | undefined)?.details;
  if (!details || typeof details !== 'object') return undefined;
  const errors: Record<string, string> = {};
  for (const [name, entries] of Object.entries(details as Record<string, unknown>)) {
    const first: unknown = Array.isArray(entries) ? entries[0] : entries;
    const description = first && typeof first === 'object' ? (first as { description?: unknown }).description : undefined;
    errors[name] = typeof description === 'string' && description !== '' ? description : 'is invalid';
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

function installationPath(installationId: number): string {
  if (!Number.isSafeInteger(installationId) || installationId <= 0) throw new TypeError(`Not an installation id: ${installationId}`);
  return `/api/v2/apps/installations/${installationId}.json`;
}

function toInstallation(body: z.infer<typeof installationSchema>): AppInstallation {
  const raw: Record<string, InstallationSettingValue | null | undefined> = {};
  // `settings` wins over `settings_objects` where both give a value, as the reference says of requests.
  for (const entry of body.settings_objects ?? []) raw[entry.name] = entry.value;
  Object.assign(raw, body.settings ?? {});
  const settings: Record<string, InstallationSettingValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (BUILT_IN.has(name) || value === null || value === undefined || value === '') continue;
    settings[name] = value;
  }
  const title = body.settings?.title ?? body.settings?.name;
  return {
    id: body.id,
    appId: body.app_id ?? undefined,
    title: typeof title === 'string' ? title : undefined,
    enabled: body.enabled ?? true,
    settings,
  };
}
