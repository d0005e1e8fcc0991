import { mappingProblems, type MappingContext, type SlotMapping, type TemplateSlot } from '../core/campaign/mapping';
import { MappingIncompleteError } from './errors';

/**
 * Every use case that plans or sends refuses a mapping with a problem (an unmapped placeholder, the
 * template's example not confirmed, a value WhatsApp would refuse), whatever the screen let through:
 * a message never leaves with someone else's name in it because a step was skipped.
 */
export function requireCompleteMapping(slots: readonly TemplateSlot[], mappings: readonly SlotMapping[], context: MappingContext): void {
  const problems = mappingProblems(slots, mappings, context);
  if (problems.length > 0) throw new MappingIncompleteError(problems);
}
