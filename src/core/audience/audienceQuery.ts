/**
 * The Zendesk search query that selects a campaign's audience. Herald always searches users, and
 * the export endpoint refuses a `type:` term (it takes the type as `filter[type]`), so the query
 * must not carry one.
 */
export const AUDIENCE_QUERY_PROBLEMS = ['empty', 'has-type'] as const;
export type AudienceQueryProblem = (typeof AUDIENCE_QUERY_PROBLEMS)[number];

export type AudienceQueryCheck = { ok: true; query: string } | { ok: false; problem: AudienceQueryProblem };

const TYPE_TERM = /(^|\s)-?type\s*:/i;

export function checkAudienceQuery(text: string): AudienceQueryCheck {
  const query = text.trim().replace(/\s+/g, ' ');
  if (query === '') return { ok: false, problem: 'empty' };
  if (TYPE_TERM.test(stripQuoted(query))) return { ok: false, problem: 'has-type' };
  return { ok: true, query };
}

/** `name:"type: x"` is a value, not a type term. */
function stripQuoted(query: string): string {
  return query.replace(/"[^"]*"/g, '""');
}
