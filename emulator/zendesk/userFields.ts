import { DAY, isoSeconds } from './time';

/**
 * The account's custom user fields: what an admin picks as the opt-in checkbox, the alternative
 * phone field and the dynamic template values. Served by `GET /api/v2/user_fields`.
 */

export type UserFieldValue = string | boolean | null;

export interface UserFieldOption {
  id: number;
  name: string;
  value: string;
}

export interface UserFieldDefinition {
  id: number;
  key: string;
  type: 'checkbox' | 'text' | 'dropdown';
  title: string;
  description: string;
  position: number;
  options: UserFieldOption[];
  createdAt: number;
}

export function seedUserFields(now: number): UserFieldDefinition[] {
  const createdAt = now - 900 * DAY;
  return [
    { id: 360000200001, key: 'marketing_consent', type: 'checkbox', title: 'Marketing consent', description: 'The customer agreed to receive marketing messages', position: 0, options: [], createdAt },
    { id: 360000200002, key: 'mobile_phone', type: 'text', title: 'Mobile phone', description: 'Mobile number given at checkout, if different from the main phone', position: 1, options: [], createdAt },
    {
      id: 360000200003,
      key: 'loyalty_tier',
      type: 'dropdown',
      title: 'Loyalty tier',
      description: 'Loyalty programme tier',
      position: 2,
      options: [
        { id: 360000300001, name: 'Bronze', value: 'bronze' },
        { id: 360000300002, name: 'Silver', value: 'silver' },
        { id: 360000300003, name: 'Gold', value: 'gold' },
      ],
      createdAt,
    },
    { id: 360000200004, key: 'first_name', type: 'text', title: 'First name', description: 'How the customer likes to be greeted', position: 3, options: [], createdAt },
  ];
}

export function userFieldJson(field: UserFieldDefinition, origin: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    url: `${origin}/api/v2/user_fields/${field.id}.json`,
    id: field.id,
    type: field.type,
    key: field.key,
    title: field.title,
    raw_title: field.title,
    description: field.description,
    raw_description: field.description,
    position: field.position,
    active: true,
    system: false,
    regexp_for_validation: null,
    created_at: isoSeconds(field.createdAt),
    updated_at: isoSeconds(field.createdAt),
  };
  if (field.type === 'dropdown') {
    json.custom_field_options = field.options.map((option, index) => ({
      url: `${origin}/api/v2/user_fields/${field.id}/options/${option.id}.json`,
      id: option.id,
      name: option.name,
      raw_name: option.name,
      value: option.value,
      position: index,
    }));
  }
  return json;
}

/** The stored value for `raw`, or a validation message as Zendesk words it. */
export function coerceUserFieldValue(
  field: UserFieldDefinition,
  raw: unknown,
): { ok: true; value: UserFieldValue } | { ok: false; message: string } {
  if (raw === null || raw === undefined) return { ok: true, value: field.type === 'checkbox' ? false : null };
  switch (field.type) {
    case 'checkbox':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'true' || raw === '1' || raw === 1) return { ok: true, value: true };
      if (raw === 'false' || raw === '0' || raw === 0) return { ok: true, value: false };
      return { ok: false, message: `${field.title} must be true or false` };
    case 'dropdown': {
      const value = String(raw);
      if (value === '') return { ok: true, value: null };
      if (field.options.some((option) => option.value === value)) return { ok: true, value };
      return { ok: false, message: `${field.title} is invalid: ${value} is not an option` };
    }
    case 'text':
      if (typeof raw === 'string' || typeof raw === 'number') return { ok: true, value: String(raw) === '' ? null : String(raw) };
      return { ok: false, message: `${field.title} must be text` };
  }
}
