import type { TemplateContent } from '../template/meta';
import { fillSamples } from '../template/preview';
import type { TemplateSlot } from './mapping';

/**
 * A template's content with one recipient's values in place of the samples: header variable, body
 * variables and the variable at the end of a link, as the customer will receive them.
 */
export function renderRecipientContent(content: TemplateContent, slots: readonly TemplateSlot[], values: readonly string[]): TemplateContent {
  const valueOf = (id: string) => {
    const index = slots.findIndex((slot) => slot.id === id);
    return index === -1 ? undefined : values[index];
  };
  const bodyValues = slots.filter((slot) => slot.component === 'body').map((slot) => valueOf(slot.id));
  const header = content.header.kind === 'text' ? { kind: 'text' as const, text: fillSamples(content.header.text, [valueOf('header')]) } : content.header;
  const buttons = content.buttons.map((button, index) => (button.type === 'url' ? { ...button, url: fillSamples(button.url, [valueOf(`button.${index}`)]) } : button));
  return { ...content, header, body: fillSamples(content.body, bodyValues), buttons };
}
