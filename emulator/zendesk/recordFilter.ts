import { isPlainObject } from '../json';
import { ApiError } from './apiErrors';
import type { CustomFieldType, CustomObject, CustomObjectRecord } from './customObjectTypes';
import { tokens } from './searchMatch';

/**
 * The filter of `POST /api/v2/custom_objects/{key}/records/search`: attribute comparisons
 * (`{"custom_object_fields.status": {"$eq": "sent"}}`) combined with `$and` / `$or` arrays, nested at
 * will. Custom fields are prefixed `custom_object_fields.`; the standard attributes are `created_at`,
 * `updated_at`, `created_by_user`, `updated_by_user`, `name` and `external_id`. Text compares
 * exactly (case-sensitive), numbers and dates by value. A filter that cannot be understood is a 400.
 */

export type RecordPredicate = (record: CustomObjectRecord) => boolean;

type Kind = 'text' | 'number' | 'boolean' | 'time' | 'date' | 'list';

interface Attribute {
  kind: Kind;
  read(record: CustomObjectRecord): unknown;
}

const OPERATORS = ['$eq', '$noteq', '$gt', '$gte', '$lt', '$lte', '$in', '$contains'] as const;
type Operator = (typeof OPERATORS)[number];

const ORDERED_KINDS: readonly Kind[] = ['number', 'time', 'date'];

function filterError(message: string): ApiError {
  return new ApiError(400, 'InvalidFilter', message);
}

export function compileRecordFilter(filter: unknown, object: CustomObject): RecordPredicate {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw filterError('filter must be an object');
  const parts: RecordPredicate[] = [];
  for (const [name, condition] of Object.entries(filter)) {
    if (name === '$and' || name === '$or') {
      if (!Array.isArray(condition) || condition.length === 0) throw filterError(`${name} must be a non-empty array of filters`);
      const branches = condition.map((branch) => compileRecordFilter(branch, object));
      parts.push(name === '$and' ? (record) => branches.every((branch) => branch(record)) : (record) => branches.some((branch) => branch(record)));
      continue;
    }
    parts.push(comparison(attributeFor(name, object), name, condition));
  }
  return (record) => parts.every((part) => part(record));
}

function attributeFor(name: string, object: CustomObject): Attribute {
  switch (name) {
    case 'name':
      return { kind: 'text', read: (record) => record.name };
    case 'external_id':
      return { kind: 'text', read: (record) => record.externalId };
    case 'created_at':
      return { kind: 'time', read: (record) => record.createdAt };
    case 'updated_at':
      return { kind: 'time', read: (record) => record.updatedAt };
    case 'created_by_user':
      return { kind: 'number', read: (record) => record.createdBy };
    case 'updated_by_user':
      return { kind: 'number', read: (record) => record.updatedBy };
  }
  const prefix = 'custom_object_fields.';
  if (!name.startsWith(prefix)) {
    throw filterError(`${name} is not a filterable attribute; prefix custom fields with ${prefix} or use name, external_id, created_at, updated_at, created_by_user, updated_by_user`);
  }
  const key = name.slice(prefix.length);
  const field = object.fields.find((candidate) => !candidate.standard && candidate.key === key);
  if (!field) throw filterError(`${key} is not a field of ${object.key}`);
  return { kind: kindOf(field.type), read: (record) => record.fields[key] ?? null };
}

function kindOf(type: CustomFieldType): Kind {
  switch (type) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'checkbox':
      return 'boolean';
    case 'date':
      return 'date';
    case 'multiselect':
      return 'list';
    default:
      return 'text';
  }
}

function comparison(attribute: Attribute, name: string, condition: unknown): RecordPredicate {
  if (!isPlainObject(condition) || Object.keys(condition).length === 0) throw filterError(`${name} needs a comparison object such as {"$eq": value}`);
  const tests = Object.entries(condition).map(([operator, raw]) => {
    if (!(OPERATORS as readonly string[]).includes(operator)) throw filterError(`Unsupported operator ${operator} on ${name}; use ${OPERATORS.join(', ')}`);
    return operatorTest(attribute, name, operator as Operator, raw);
  });
  return (record) => {
    const value = attribute.read(record);
    return tests.every((test) => test(value));
  };
}

function operatorTest(attribute: Attribute, name: string, operator: Operator, raw: unknown): (value: unknown) => boolean {
  switch (operator) {
    case '$eq': {
      const wanted = operand(attribute, name, raw);
      return (value) => equals(attribute, value, wanted);
    }
    case '$noteq': {
      const wanted = operand(attribute, name, raw);
      return (value) => !equals(attribute, value, wanted);
    }
    case '$in': {
      if (!Array.isArray(raw)) throw filterError(`$in on ${name} takes an array`);
      const wanted = raw.map((item) => operand(attribute, name, item));
      return (value) => wanted.some((candidate) => equals(attribute, value, candidate));
    }
    case '$contains': {
      if (attribute.kind !== 'text' && attribute.kind !== 'list') throw filterError(`$contains works on text and multiselect fields, not ${name}`);
      if (typeof raw !== 'string') throw filterError(`$contains on ${name} takes a string`);
      return (value) => (Array.isArray(value) ? value.includes(raw) : typeof value === 'string' && value.toLowerCase().includes(raw.toLowerCase()));
    }
    default: {
      if (!ORDERED_KINDS.includes(attribute.kind)) throw filterError(`${operator} works on numbers and dates, not on ${name}`);
      const wanted = operand(attribute, name, raw) as number | string;
      return (value) => {
        if (value === null || value === undefined) return false;
        const order = (value as number | string) < wanted ? -1 : (value as number | string) > wanted ? 1 : 0;
        if (operator === '$gt') return order > 0;
        if (operator === '$gte') return order >= 0;
        if (operator === '$lt') return order < 0;
        return order <= 0;
      };
    }
  }
}

/** The filter value in the attribute's own terms (times as epoch ms, numbers as numbers). */
function operand(attribute: Attribute, name: string, raw: unknown): unknown {
  if (raw === null) return null;
  switch (attribute.kind) {
    case 'time': {
      const time = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      if (Number.isNaN(time)) throw filterError(`${name} compares with an ISO 8601 time, not ${JSON.stringify(raw)}`);
      return time;
    }
    case 'number': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (Number.isNaN(number)) throw filterError(`${name} compares with a number, not ${JSON.stringify(raw)}`);
      return number;
    }
    case 'boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      throw filterError(`${name} compares with true or false, not ${JSON.stringify(raw)}`);
    case 'date':
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw filterError(`${name} compares with a date (YYYY-MM-DD), not ${JSON.stringify(raw)}`);
      return raw;
    default:
      if (typeof raw === 'string' || typeof raw === 'number') return String(raw);
      throw filterError(`${name} compares with text, not ${JSON.stringify(raw)}`);
  }
}

function equals(attribute: Attribute, value: unknown, wanted: unknown): boolean {
  if (wanted === null) return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  if (attribute.kind === 'list') return Array.isArray(value) && value.includes(wanted);
  if (attribute.kind === 'boolean') return (value === true) === wanted;
  return value === wanted;
}

/**
 * The `query` text search: a record matches when a word of its name or of a text field starts with
 * one of the query's words.
 */
export function compileRecordQuery(query: string | null, object: CustomObject): RecordPredicate {
  const words = query ? tokens(query) : [];
  if (words.length === 0) return () => true;
  const textKeys = object.fields.filter((field) => !field.standard && ['text', 'textarea', 'regexp'].includes(field.type)).map((field) => field.key);
  return (record) => {
    const haystack = [record.name, record.externalId ?? '', ...textKeys.map((key) => (typeof record.fields[key] === 'string' ? (record.fields[key] as string) : ''))];
    const recordWords = haystack.flatMap((text) => tokens(text));
    return words.some((word) => recordWords.some((candidate) => candidate.startsWith(word)));
  };
}
