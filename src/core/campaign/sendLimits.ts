import type { TemplateSlot } from './mapping';

/**
 * The longest value Meta accepts for a placeholder at send time, by where it stands. Meta's Cloud
 * API reference (messages, "parameter object", `text`): "For the header component: 60 characters.
 * For the body component: 1024 characters if other component types are included, 32768 characters
 * if body is the only component type included." Herald holds every body value to 1024, whatever
 * else the template has: a customer's field longer than that is a mistake, not a message. A link's
 * variable completes a URL, which Meta's template pages cap at 2,000 characters. A longer value
 * would be refused by Meta after the send was paid for in time and pace: the plan leaves its
 * recipient out instead, with that reason.
 */
export const SEND_VALUE_MAX: Readonly<Record<TemplateSlot['component'], number>> = { header: 60, body: 1024, button: 2000 };

/** Whether a value is longer than Meta takes for this placeholder (counted in characters, as Meta counts them). */
export function isValueTooLong(slot: Pick<TemplateSlot, 'component'>, value: string): boolean {
  const max = SEND_VALUE_MAX[slot.component];
  // Cheap first: a string of UTF-16 units counts at least as many characters as its length halved.
  if (value.length <= max) return false;
  return [...value].length > max;
}
