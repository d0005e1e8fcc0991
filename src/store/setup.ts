import type { CustomObjectDefinition, CustomObjectsClient } from '../api/zendesk/customObjects';
import { HERALD_OBJECTS } from './heraldObjects';

/** What Herald's custom objects still lack on this account. */
export interface MissingPiece {
  object: string;
  /** True when the object itself is missing (then every field is too). */
  objectMissing: boolean;
  fields: string[];
}

export async function missingHeraldObjects(
  client: CustomObjectsClient,
  definitions: readonly CustomObjectDefinition[] = HERALD_OBJECTS,
): Promise<MissingPiece[]> {
  const existing = new Set(await client.listKeys());
  const missing: MissingPiece[] = [];
  for (const definition of definitions) {
    if (!existing.has(definition.key)) {
      missing.push({ object: definition.key, objectMissing: true, fields: definition.fields.map((field) => field.key) });
      continue;
    }
    const fields = new Set(await client.listFieldKeys(definition.key));
    const absent = definition.fields.filter((field) => !fields.has(field.key)).map((field) => field.key);
    if (absent.length > 0) missing.push({ object: definition.key, objectMissing: false, fields: absent });
  }
  return missing;
}

export interface SetupReport {
  createdObjects: string[];
  createdFields: string[];
}

/**
 * Creates whatever Herald's objects lack, and nothing else: safe to run twice, and after a partial
 * run (a field created, the next one failed) it finishes the job.
 */
export async function setUpHeraldObjects(
  client: CustomObjectsClient,
  definitions: readonly CustomObjectDefinition[] = HERALD_OBJECTS,
): Promise<SetupReport> {
  const report: SetupReport = { createdObjects: [], createdFields: [] };
  for (const piece of await missingHeraldObjects(client, definitions)) {
    const definition = definitions.find((candidate) => candidate.key === piece.object);
    if (!definition) continue;
    if (piece.objectMissing) {
      await client.createObject(definition);
      report.createdObjects.push(definition.key);
    }
    for (const field of definition.fields.filter((candidate) => piece.fields.includes(candidate.key))) {
      await client.createField(definition.key, field);
      report.createdFields.push(`${definition.key}.${field.key}`);
    }
  }
  return report;
}
