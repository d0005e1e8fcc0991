import type { SlotMapping, TemplateSlot } from '../../src/core/campaign/mapping';

/** What a marketer chooses for a campaign in tests: each placeholder reads the user's first name, "client" when empty. */
export function firstNameMappings(slots: readonly TemplateSlot[]): SlotMapping[] {
  return slots.map(() => ({ source: { kind: 'user', field: 'first_name' }, fallback: 'client' }));
}
