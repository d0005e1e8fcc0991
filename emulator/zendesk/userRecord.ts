import type { CountryCode } from './countries';
import { isoSeconds } from './time';
import type { UserFieldValue } from './userFields';

/** A Zendesk user as the emulator keeps it; `userJson` turns it into the API's shape. */

export type UserRole = 'end-user' | 'agent' | 'admin';

export interface UserRecord {
  id: number;
  name: string;
  email: string;
  /** The `phone` field exactly as typed: E.164, national format, garbage, or null. */
  phone: string | null;
  sharedPhoneNumber: boolean;
  role: UserRole;
  locale: string;
  localeId: number;
  timeZone: string;
  ianaTimeZone: string;
  organizationId: number | null;
  createdAt: number;
  updatedAt: number;
  lastLoginAt: number | null;
  suspended: boolean;
  verified: boolean;
  externalId: string | null;
  tags: string[];
  userFields: Record<string, UserFieldValue>;
  /** Seed fact, never served: the country the customer was drawn from (null for agents). */
  country: CountryCode | null;
  /** An agent's default group (its membership marked `default`); absent for end users. */
  defaultGroupId?: number | null;
}

export function isAgentRole(role: UserRole): boolean {
  return role === 'agent' || role === 'admin';
}

export function userJson(user: UserRecord, origin: string): Record<string, unknown> {
  const agent = isAgentRole(user.role);
  const json: Record<string, unknown> = {
    id: user.id,
    url: `${origin}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    created_at: isoSeconds(user.createdAt),
    updated_at: isoSeconds(user.updatedAt),
    time_zone: user.timeZone,
    iana_time_zone: user.ianaTimeZone,
    phone: user.phone,
    shared_phone_number: user.sharedPhoneNumber,
    photo: null,
    locale_id: user.localeId,
    locale: user.locale,
    organization_id: user.organizationId,
    role: user.role,
    verified: user.verified,
    external_id: user.externalId,
    tags: [...user.tags],
    alias: '',
    active: true,
    shared: false,
    shared_agent: false,
    signature: agent ? `${user.name}, Herald Demo` : '',
    details: '',
    notes: '',
    role_type: null,
    custom_role_id: null,
    moderator: agent,
    ticket_restriction: agent ? null : 'requested',
    only_private_comments: false,
    restricted_agent: false,
    suspended: user.suspended,
    report_csv: user.role === 'admin',
    two_factor_auth_enabled: null,
    user_fields: { ...user.userFields },
  };
  if (user.lastLoginAt !== null) json.last_login_at = isoSeconds(user.lastLoginAt);
  if (agent) json.default_group_id = user.defaultGroupId ?? null;
  return json;
}
