import { customFields } from './customObjects';
import type { CustomObject, CustomObjectField, CustomObjectRecord } from './customObjectTypes';
import { isoSeconds } from './time';

/** The custom objects API's JSON shapes (CustomObject, CustomObjectField, CustomObjectRecord). */

export function customObjectJson(object: CustomObject, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/custom_objects/${object.key}.json`,
    key: object.key,
    title: object.title,
    raw_title: object.title,
    title_pluralized: object.titlePluralized,
    raw_title_pluralized: object.titlePluralized,
    description: object.description,
    raw_description: object.description,
    include_in_list_view: true,
    allows_photos: false,
    created_by_user_id: String(object.createdBy),
    updated_by_user_id: String(object.updatedBy),
    created_at: isoSeconds(object.createdAt),
    updated_at: isoSeconds(object.updatedAt),
  };
}

export function customObjectFieldJson(object: CustomObject, field: CustomObjectField, origin: string): Record<string, unknown> {
  const json: Record<string, unknown> = {
    url: `${origin}/api/v2/custom_objects/${object.key}/fields/${field.id}.json`,
    id: field.id,
    key: field.key,
    type: field.type,
    title: field.title,
    raw_title: field.title,
    description: field.description,
    raw_description: field.description,
    position: field.position,
    active: field.active,
    system: false,
    regexp_for_validation: field.regexpForValidation,
    created_at: isoSeconds(field.createdAt),
    updated_at: isoSeconds(field.updatedAt),
  };
  if (field.key === 'standard::name') {
    json.properties = { autoincrement_enabled: false, autoincrement_prefix: '', autoincrement_padding: 0, autoincrement_next_sequence: 1, is_unique: false };
  }
  if (field.type === 'dropdown' || field.type === 'multiselect') {
    json.custom_field_options = field.options.map((option, index) => ({
      id: option.id,
      name: option.name,
      raw_name: option.name,
      value: option.value,
      position: index,
      url: `${origin}/api/v2/custom_objects/${object.key}/fields/${field.id}/options/${option.id}.json`,
    }));
  }
  if (field.type === 'lookup') {
    json.relationship_target_type = field.relationshipTargetType;
    json.relationship_filter = {};
  }
  return json;
}

/** Every custom field is present, `null` when unset, so clients never guess between absent and empty. */
export function customObjectRecordJson(object: CustomObject, record: CustomObjectRecord, origin: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of customFields(object)) {
    const value = record.fields[field.key];
    fields[field.key] = Array.isArray(value) ? [...value] : (value ?? null);
  }
  return {
    url: `${origin}/api/v2/custom_objects/${object.key}/records/${record.id}.json`,
    id: record.id,
    name: record.name,
    external_id: record.externalId,
    custom_object_key: object.key,
    custom_object_fields: fields,
    created_by_user_id: String(record.createdBy),
    updated_by_user_id: String(record.updatedBy),
    created_at: isoSeconds(record.createdAt),
    updated_at: isoSeconds(record.updatedAt),
    photo: null,
  };
}
