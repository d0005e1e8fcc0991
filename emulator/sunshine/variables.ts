/** WhatsApp template variables: positional `{{1}}`, `{{2}}`… inside component texts. */

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** How many variables a text declares (`{{1}}`…`{{n}}` gives n). */
export function variableCount(text: string): number {
  let highest = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const number = Number((match[1] ?? '').trim());
    if (Number.isInteger(number) && number > highest) highest = number;
  }
  return highest;
}

/**
 * What is wrong with the variables of `text`, as Meta refuses them at creation: non-numeric
 * placeholders, numbering that does not start at 1 or has gaps.
 */
export function variableProblems(where: string, text: string): string[] {
  const problems: string[] = [];
  const numbers = new Set<number>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const content = (match[1] ?? '').trim();
    if (!/^[0-9]+$/.test(content)) {
      problems.push(`${where} uses "${match[0]}": variables must be numbered {{1}}, {{2}}, … in order`);
      continue;
    }
    numbers.add(Number(content));
  }
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.some((number, index) => number !== index + 1)) {
    problems.push(`${where} variables must run from {{1}} with no gap (found ${sorted.map((number) => `{{${number}}}`).join(', ')})`);
  }
  return problems;
}

/** The text with each `{{n}}` replaced by the n-th value (left as is when there is none). */
export function fillVariables(text: string, values: readonly string[]): string {
  return text.replace(PLACEHOLDER, (whole, content: string) => values[Number(content.trim()) - 1] ?? whole);
}
