import { isPlainObject } from '../json';
import { ApiError } from './apiErrors';
import {
  coerceFieldValue,
  fieldType,
  invalid,
  isValidRegExp,
  MAX_FIELDS_PER_OBJECT,
  MAX_RECORD_BYTES,
  recordBytes,
  requireText,
  validateKey,
} from './customObjectRules';
import type { CustomFieldValue, CustomObject, CustomObjectField, CustomObjectRecord, RecordInput } from './customObjectTypes';
import type { IdGenerator } from './ids';

/**
 * The account's custom objects, their fields and records. Every write validates as the API does and
 * throws an `ApiError` (rendered in the custom objects' `errors` style); reads never throw.
 */
export class CustomObjectStore {
  private readonly objects = new Map<string, CustomObject>();
  private sequence = 0;

  constructor(
    private readonly ids: IdGenerator,
    readonly limits: { objects: number; records: number },
  ) {}

  list(): CustomObject[] {
    return [...this.objects.values()].sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
  }

  get(key: string): CustomObject | undefined {
    return this.objects.get(key);
  }

  require(key: string): CustomObject {
    const object = this.objects.get(key);
    if (!object) throw new ApiError(404, 'RecordNotFound', `Custom object ${key} not found`);
    return object;
  }

  get objectCount(): number {
    return this.objects.size;
  }

  /** Records of every object, the figure `record_limit` reports. */
  get recordCount(): number {
    let count = 0;
    for (const object of this.objects.values()) count += object.records.size;
    return count;
  }

  createObject(input: Record<string, unknown>, actorId: number, now: number): CustomObject {
    const key = validateKey(input.key, 'Object');
    if (this.objects.has(key)) throw invalid(`Key ${key} has already been taken`);
    const title = requireText(input.title, 'Title');
    const titlePluralized = requireText(input.title_pluralized, 'Title pluralized');
    if (this.objects.size >= this.limits.objects) {
      throw new ApiError(422, 'LimitExceeded', `This account can have at most ${this.limits.objects} custom objects`);
    }
    const object: CustomObject = {
      key,
      title,
      titlePluralized,
      description: typeof input.description === 'string' ? input.description : '',
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
      fields: [
        this.standardField('standard::name', 'Name', 0, now),
        this.standardField('standard::external_id', 'External ID', 1, now),
      ],
      records: new Map(),
      recordIdsByExternalId: new Map(),
    };
    this.objects.set(key, object);
    return object;
  }

  deleteObject(key: string): void {
    this.require(key);
    this.objects.delete(key);
  }

  createField(key: string, input: Record<string, unknown>, now: number): CustomObjectField {
    const object = this.require(key);
    const fieldKey = validateKey(input.key, 'Field');
    if (object.fields.some((field) => field.key === fieldKey)) throw invalid(`Field key ${fieldKey} has already been taken`);
    if (customFields(object).length >= MAX_FIELDS_PER_OBJECT) throw new ApiError(422, 'LimitExceeded', `An object can have at most ${MAX_FIELDS_PER_OBJECT} fields`);
    const type = fieldType(input.type);
    const title = requireText(input.title, 'Title');
    const field: CustomObjectField = {
      id: this.ids.numericId(4_398_096_000_000),
      key: fieldKey,
      type,
      title,
      description: typeof input.description === 'string' ? input.description : '',
      position: object.fields.length,
      active: input.active !== false,
      standard: false,
      options: [],
      regexpForValidation: null,
      relationshipTargetType: null,
      createdAt: now,
      updatedAt: now,
    };
    if (type === 'dropdown' || type === 'multiselect') {
      const options = input.custom_field_options;
      if (!Array.isArray(options) || options.length === 0) throw invalid(`A ${type} field needs custom_field_options`);
      field.options = options.map((option, index) => {
        if (!isPlainObject(option)) throw invalid(`custom_field_options[${index}] must be an object with name and value`);
        const name = requireText(option.name, `custom_field_options[${index}].name`);
        const value = requireText(option.value, `custom_field_options[${index}].value`);
        return { id: this.ids.numericId(4_398_097_000_000), name, value };
      });
      const values = field.options.map((option) => option.value);
      if (new Set(values).size !== values.length) throw invalid('custom_field_options values must be unique');
    }
    if (type === 'regexp') {
      const source = requireText(input.regexp_for_validation, 'Regexp for validation');
      if (!isValidRegExp(source)) throw invalid(`Regexp for validation ${source} is not a valid regular expression`);
      field.regexpForValidation = source;
    }
    if (type === 'lookup') {
      const target = requireText(input.relationship_target_type, 'Relationship target type');
      if (!/^zen:(user|ticket|organization|custom_object:[A-Za-z0-9_]+)$/.test(target)) {
        throw invalid(`Relationship target type ${target} must be zen:user, zen:ticket, zen:organization or zen:custom_object:KEY`);
      }
      field.relationshipTargetType = target;
    }
    object.fields.push(field);
    object.updatedAt = now;
    return field;
  }

  /** Records in creation order. */
  records(key: string): CustomObjectRecord[] {
    const object = this.objects.get(key);
    return object ? [...object.records.values()] : [];
  }

  findRecord(key: string, id: string): CustomObjectRecord | undefined {
    return this.objects.get(key)?.records.get(id);
  }

  findByExternalId(key: string, externalId: string): CustomObjectRecord | undefined {
    const object = this.objects.get(key);
    const id = object?.recordIdsByExternalId.get(externalId);
    return id === undefined ? undefined : object?.records.get(id);
  }

  createRecord(key: string, input: RecordInput, actorId: number, now: number): CustomObjectRecord {
    const object = this.require(key);
    if (this.recordCount >= this.limits.records) {
      throw new ApiError(422, 'LimitExceeded', `This account can hold at most ${this.limits.records} custom object records`);
    }
    const name = requireText(input.name, 'Name');
    const externalId = this.externalIdOf(object, input.externalId, undefined);
    const fields = this.applyFields(object, {}, input.fields);
    checkSize(name, externalId, fields);
    const record: CustomObjectRecord = {
      id: this.ids.recordId(now),
      sequence: ++this.sequence,
      name,
      externalId,
      fields,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
    };
    object.records.set(record.id, record);
    if (externalId !== null) object.recordIdsByExternalId.set(externalId, record.id);
    return record;
  }

  /** Changes only what `input` names; custom fields are merged. */
  updateRecord(key: string, id: string, input: RecordInput, actorId: number, now: number): CustomObjectRecord {
    const object = this.require(key);
    const record = object.records.get(id);
    if (!record) throw new ApiError(404, 'RecordNotFound', `Record ${id} not found`);
    const name = input.name === undefined ? record.name : requireText(input.name, 'Name');
    const externalId = input.externalId === undefined ? record.externalId : this.externalIdOf(object, input.externalId, record.id);
    const fields = this.applyFields(object, record.fields, input.fields);
    checkSize(name, externalId, fields);
    if (record.externalId !== null) object.recordIdsByExternalId.delete(record.externalId);
    Object.assign(record, { name, externalId, fields, updatedAt: now, updatedBy: actorId });
    if (externalId !== null) object.recordIdsByExternalId.set(externalId, record.id);
    return record;
  }

  upsertByExternalId(key: string, externalId: string, input: RecordInput, actorId: number, now: number): { record: CustomObjectRecord; created: boolean } {
    const existing = this.findByExternalId(key, externalId);
    if (existing) return { record: this.updateRecord(key, existing.id, { ...input, externalId }, actorId, now), created: false };
    return { record: this.createRecord(key, { ...input, externalId }, actorId, now), created: true };
  }

  deleteRecord(key: string, id: string): CustomObjectRecord {
    const object = this.require(key);
    const record = object.records.get(id);
    if (!record) throw new ApiError(404, 'RecordNotFound', `Record ${id} not found`);
    object.records.delete(id);
    if (record.externalId !== null) object.recordIdsByExternalId.delete(record.externalId);
    return record;
  }

  deleteByExternalId(key: string, externalId: string): CustomObjectRecord {
    this.require(key);
    const record = this.findByExternalId(key, externalId);
    if (!record) throw new ApiError(404, 'RecordNotFound', `No record with external id ${externalId}`);
    return this.deleteRecord(key, record.id);
  }

  private standardField(key: string, title: string, position: number, now: number): CustomObjectField {
    return {
      id: this.ids.numericId(4_398_096_000_000),
      key,
      type: 'text',
      title,
      description: title,
      position,
      active: true,
      standard: true,
      options: [],
      regexpForValidation: null,
      relationshipTargetType: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  private externalIdOf(object: CustomObject, raw: unknown, ownId: string | undefined): string | null {
    if (raw === undefined || raw === null || raw === '') return null;
    if (typeof raw !== 'string' && typeof raw !== 'number') throw invalid('External id must be text');
    const externalId = String(raw);
    const holder = object.recordIdsByExternalId.get(externalId);
    if (holder !== undefined && holder !== ownId) throw invalid(`External id ${externalId} has already been taken`);
    return externalId;
  }

  private applyFields(object: CustomObject, current: Record<string, CustomFieldValue>, raw: unknown): Record<string, CustomFieldValue> {
    const next = { ...current };
    if (raw === undefined || raw === null) return next;
    if (!isPlainObject(raw)) throw invalid('custom_object_fields must be an object');
    for (const [key, value] of Object.entries(raw)) {
      const field = customFields(object).find((candidate) => candidate.key === key);
      if (!field) throw invalid(`${key} is not a field of ${object.key}`);
      next[key] = coerceFieldValue(field, value);
    }
    return next;
  }
}

export function customFields(object: CustomObject): CustomObjectField[] {
  return object.fields.filter((field) => !field.standard);
}

function checkSize(name: string, externalId: string | null, fields: Record<string, CustomFieldValue>): void {
  const bytes = recordBytes(name, externalId, fields);
  if (bytes > MAX_RECORD_BYTES) {
    throw new ApiError(422, 'RecordInvalid', `Record size is ${bytes} bytes; a custom object record can be at most 32 KB (${MAX_RECORD_BYTES} bytes)`);
  }
}
