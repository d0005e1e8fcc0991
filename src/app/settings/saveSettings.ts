import { AppInstallationsClient, settingErrors } from '../../api/zendesk/appInstallations';
import { GroupsClient } from '../../api/zendesk/groups';
import { UsersClient } from '../../api/zendesk/users';
import { namedUserIds, parsePermissionRule, unknownGroups } from '../../core/campaign/permissions';
import { causeOf } from '../../core/failure/failureCause';
import { checkSettingsForm, visibleSettingsOf, type SettingsFormIssue, type SettingsFormValues } from '../../core/settings/settingsForm';
import type { SettingValue } from '../../core/settings/settings';
import { requireRight } from '../rights';
import type { Actor } from '../context';
import type { Transport } from '../../api/transport/types';

/**
 * Herald's installation settings, saved from the app by an admin through Zendesk's Apps API. The
 * form is checked with the rules the app reads the settings with; the key is written, never read.
 * Takes no settings of its own: on a first setup there are none yet.
 */

export interface SettingsSaveContext {
  transport: Transport;
  actor: Actor;
  installationId: number;
  subdomain: string;
}

export type SettingsSave =
  | { status: 'invalid'; issues: SettingsFormIssue[] }
  /** Zendesk refused the save; `fields`: its words about each setting it refused, when it said. */
  | { status: 'refused'; error: unknown; fields: Record<string, string> }
  /** What the app now reads (the non-secure values, as ZAF's metadata gives them). */
  | { status: 'saved'; visible: Record<string, SettingValue> };

const PERMISSION_SETTINGS = ['campaign_drafters', 'campaign_senders'] as const;

async function unknownPermissionGroups(transport: Transport, values: SettingsFormValues): Promise<SettingsFormIssue[]> {
  const rules = PERMISSION_SETTINGS.map((setting) => ({ setting, rule: parsePermissionRule(values[setting]) }));
  if (!rules.some(({ rule }) => rule?.entries.some((entry) => entry.kind === 'group'))) return [];
  const groups = await new GroupsClient(transport).all();
  return rules.flatMap(({ setting, rule }) => (rule ? unknownGroups(rule, groups).map((group): SettingsFormIssue => ({ setting, problem: 'unknown-group', detail: group })) : []));
}

/** A person named by id who is not in the account, or is not staff (an end user never opens Herald), is named and refused. */
async function unknownPermissionUsers(transport: Transport, values: SettingsFormValues): Promise<SettingsFormIssue[]> {
  const users = new UsersClient(transport);
  const named = PERMISSION_SETTINGS.flatMap((setting) => {
    const rule = parsePermissionRule(values[setting]);
    return rule ? namedUserIds(rule).map((id) => ({ setting, id })) : [];
  });
  const checked = await Promise.all(
    named.map(async ({ setting, id }) => {
      const known = await users.show(id).then(
        (user) => user.role !== 'end-user',
        (error: unknown) => {
          if (causeOf(error) === 'not-found') return false;
          throw error;
        },
      );
      return known ? [] : [{ setting, problem: 'unknown-user', detail: `user:${id}` } satisfies SettingsFormIssue];
    }),
  );
  return checked.flat();
}

export async function saveSettings(context: SettingsSaveContext, values: SettingsFormValues, firstSetup: boolean): Promise<SettingsSave> {
  // The settings may be unreadable (that is why they are being saved): the admin role is Zendesk's.
  requireRight(context, 'admin', 'save-settings');
  const check = checkSettingsForm(values, context.subdomain, firstSetup);
  if (!check.ok) return { status: 'invalid', issues: check.issues };
  // A group that does not exist would shut everyone out without a word: named, it is refused.
  const unknown = [...(await unknownPermissionGroups(context.transport, values)), ...(await unknownPermissionUsers(context.transport, values))];
  if (unknown.length > 0) return { status: 'invalid', issues: unknown };
  try {
    await new AppInstallationsClient(context.transport).updateSettings(context.installationId, check.update);
  } catch (error) {
    return { status: 'refused', error, fields: settingErrors(error) ?? {} };
  }
  return { status: 'saved', visible: visibleSettingsOf(check.update) };
}
