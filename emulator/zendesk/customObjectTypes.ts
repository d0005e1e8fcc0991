/** The custom objects model: objects, their fields, their records, as the emulator keeps them. */

export const CUSTOM_FIELD_TYPES = ['checkbox', 'date', 'decimal', 'dropdown', 'integer', 'lookup', 'multiselect', 'regexp', 'text', 'textarea'] as const;

export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldOption {
  id: number;
  name: string;
  value: string;
}

export interface CustomObjectField {
  id: number;
  key: string;
  type: CustomFieldType;
  title: string;
  description: string;
  position: number;
  active: boolean;
  /** `standard::name` and `standard::external_id`, listed only with `include_standard_fields=true`. */
  standard: boolean;
  options: CustomFieldOption[];
  regexpForValidation: string | null;
  relationshipTargetType: string | null;
  createdAt: number;
  updatedAt: number;
}

export type CustomFieldValue = string | number | boolean | string[] | null;

export interface CustomObjectRecord {
  id: string;
  /** Creation order, the "id" sort (ULIDs only sort by time, and the clock can stand still). */
  sequence: number;
  name: string;
  externalId: string | null;
  fields: Record<string, CustomFieldValue>;
  createdAt: number;
  updatedAt: number;
  createdBy: number;
  updatedBy: number;
}

export interface CustomObject {
  key: string;
  title: string;
  titlePluralized: string;
  description: string;
  createdAt: number;
  updatedAt: number;
  createdBy: number;
  updatedBy: number;
  fields: CustomObjectField[];
  records: Map<string, CustomObjectRecord>;
  recordIdsByExternalId: Map<string, string>;
}

/** What a create, update or upsert asks to set; absent members are left alone. */
export interface RecordInput {
  name?: unknown;
  externalId?: unknown;
  fields?: unknown;
}
