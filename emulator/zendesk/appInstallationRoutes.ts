import { isPlainObject } from '../json';
import { ApiError, badRequest, forbidden, notFoundError } from './apiErrors';
import { applySettingsUpdate, installationJson, isBuiltInSetting, type AppInstallationRecord, type SettingsUpdate } from './appInstallations';
import { json, readJsonBody, route, type Call, type Route } from './route';

/**
 * List, Show and Update App Installation (Apps API, https://developer.zendesk.com/api-reference/ticketing/apps/apps/):
 * List answers `{ installations: [...] }` (the Herald service finds its installation there by its
 * Sunshine app id when it is not told which).
 * Show is documented "Allowed For: Agents", Update "Allowed For: Admins": an agent's PUT gets
 * Zendesk's 403. The update body is `{ "settings": { name: value, … }, "enabled"?: boolean }` and
 * changes only the settings it names; a name that is neither a manifest parameter nor the
 * built-in `name` / `title` is refused with 422 (RecordInvalid, per setting in `details`), as is a
 * value of the wrong type or a required setting left empty. Both answer the installation object.
 */
export function appInstallationRoutes(): Route[] {
  return [
    route('GET', '/api/v2/apps/installations', (call) => json({ installations: call.state.installations.list().map(installationJson) })),
    route('GET', '/api/v2/apps/installations/{id:int}', (call) => json(installationJson(requireInstallation(call)))),
    route('PUT', '/api/v2/apps/installations/{id:int}', updateInstallation),
  ];
}

function requireInstallation(call: Call): AppInstallationRecord {
  const installation = call.state.installations.get(Number(call.params.id));
  if (!installation) throw notFoundError();
  return installation;
}

async function updateInstallation(call: Call): Promise<Response> {
  if (call.actor.role !== 'admin') throw forbidden();
  const installation = requireInstallation(call);
  const body = await readJsonBody(call.request);
  const settings = body.settings ?? {};
  if (!isPlainObject(settings)) throw badRequest('settings must be an object of setting values');
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') throw badRequest('enabled must be true or false');

  const update: SettingsUpdate = {};
  let title: string | undefined;
  const errors: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      errors[name] = 'must be a string, a number, a boolean or null';
    } else if (isBuiltInSetting(name) && !installation.manifest.parameters?.some((parameter) => parameter.name === name)) {
      if (typeof value !== 'string' || value.trim() === '') errors[name] = "can't be blank";
      else title = value.trim();
    } else {
      update[name] = value;
    }
  }
  const result = applySettingsUpdate(installation.manifest, installation.settings, update);
  if (!result.ok) Object.assign(errors, result.errors);
  if (!result.ok || Object.keys(errors).length > 0) throw settingsInvalid(errors);

  installation.settings = result.settings;
  if (title !== undefined) installation.title = title;
  if (typeof body.enabled === 'boolean') installation.enabled = body.enabled;
  installation.updatedAt = call.now;
  return json(installationJson(installation));
}

/** 422 RecordInvalid with one entry per refused setting under `details`. */
function settingsInvalid(errors: Record<string, string>): ApiError {
  const details: Record<string, unknown> = {};
  for (const [name, message] of Object.entries(errors)) details[name] = [{ description: `${name} ${message}`, error: 'InvalidValue' }];
  const summary = Object.entries(errors)
    .map(([name, message]) => `${name} ${message}`)
    .join('; ');
  return new ApiError(422, 'RecordInvalid', `Record validation errors: ${summary}`, { details });
}
