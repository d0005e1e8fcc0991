/**
 * Follows a cursor to the last page and returns every item. A page without a next cursor is the
 * last; a cursor seen twice would loop forever, so it ends the walk too rather than hammer the API.
 */
export async function collectCursorPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: readonly T[]; next: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.next || page.items.length === 0 || seen.has(page.next)) return items;
    seen.add(page.next);
    cursor = page.next;
  }
}
