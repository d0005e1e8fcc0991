import { ApiError } from './apiErrors';
import { CUSTOM_FIELD_TYPES, type CustomFieldType, type CustomFieldValue, type CustomObjectField } from './customObjectTypes';

/**
 * The rules a custom object write must pass (developer.zendesk.com, custom objects; reference §3.4):
 * keys of letters, digits and `_`, not only digits; the ten field types; records of at most 32 KB.
 * Failures are 422 `RecordInvalid` in the `errors` body style of the custom objects API.
 */

export const MAX_RECORD_BYTES = 32 * 1024;
export const MAX_FIELDS_PER_OBJECT = 100;
const MAX_KEY_LENGTH = 64;

export function invalid(message: string): ApiError {
  return new ApiError(422, 'RecordInvalid', message);
}

export function validateKey(key: unknown, what: 'Object' | 'Field'): string {
  if (typeof key !== 'string' || key === '') throw invalid(`${what} key is required`);
  if (!/^[A-Za-z0-9_]+$/.test(key)) throw invalid(`${what} key ${key} is invalid: use only letters, digits and underscores`);
  if (/^\d+$/.test(key)) throw invalid(`${what} key ${key} is invalid: it cannot contain only digits`);
  if (key.length > MAX_KEY_LENGTH) throw invalid(`${what} key is too long (maximum is ${MAX_KEY_LENGTH} characters)`);
  return key;
}

export function requireText(value: unknown, label: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${label} can't be blank`);
  return value;
}

export function fieldType(value: unknown): CustomFieldType {
  // Text is the default when no type is given (Create Custom Object Field).
  if (value === undefined || value === null) return 'text';
  if (typeof value === 'string' && (CUSTOM_FIELD_TYPES as readonly string[]).includes(value)) return value as CustomFieldType;
  throw invalid(`Type ${String(value)} is not a valid field type; use one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
}

export function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The value to store for `raw` in `field`, or a 422 that names the field. */
export function coerceFieldValue(field: CustomObjectField, raw: unknown): CustomFieldValue {
  if (raw === null || raw === undefined) return null;
  const fail = (expected: string): never => {
    throw invalid(`${field.title} (${field.key}): ${JSON.stringify(raw)} is not ${expected}`);
  };
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      return fail('text');
    case 'regexp': {
      const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : fail('text');
      if (field.regexpForValidation && !new RegExp(field.regexpForValidation).test(text)) fail(`a match for ${field.regexpForValidation}`);
      return text;
    }
    case 'checkbox':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return fail('true or false');
    case 'integer':
      if (typeof raw === 'number' && Number.isSafeInteger(raw)) return raw;
      if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) && Number.isSafeInteger(Number(raw))) return Number(raw);
      return fail('an integer');
    case 'decimal':
      if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
      if (typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw);
      return fail('a decimal number');
    case 'date':
      if (typeof raw === 'string' && isIsoDate(raw)) return raw;
      return fail('a date (YYYY-MM-DD)');
    case 'dropdown':
      if (typeof raw === 'string' && field.options.some((option) => option.value === raw)) return raw;
      return fail(`one of ${field.options.map((option) => option.value).join(', ')}`);
    case 'multiselect': {
      const values = Array.isArray(raw) ? raw : fail('a list of option values');
      for (const value of values) {
        if (typeof value !== 'string' || !field.options.some((option) => option.value === value)) fail(`a list of ${field.options.map((option) => option.value).join(', ')}`);
      }
      return [...new Set(values as string[])];
    }
    case 'lookup':
      if (typeof raw === 'string' && raw !== '') return raw;
      if (typeof raw === 'number' && Number.isSafeInteger(raw)) return String(raw);
      return fail('the id of a related record');
  }
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Bytes of the record's own data (name, external id, field values) as UTF-8 JSON. */
export function recordBytes(name: string, externalId: string | null, fields: Record<string, CustomFieldValue>): number {
  return new TextEncoder().encode(JSON.stringify({ name, external_id: externalId, custom_object_fields: fields })).length;
}
