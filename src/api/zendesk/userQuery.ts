import { checkAudienceQuery } from '../../core/audience/audienceQuery';

/**
 * The audience query carries a `type:` term. Herald always searches users and says so itself
 * (`filter[type]=user` on export, `type:user` on search); the export endpoint rejects a query with
 * a `type:` term, so it is refused here, before any request, with a message that says why.
 */
export class TypeTermInQueryError extends Error {
  override name = 'TypeTermInQueryError';

  constructor(readonly query: string) {
    super(`The audience query must not contain a type: term (Herald searches users only): ${query}`);
  }
}

/** The query, trimmed and with single spaces; throws TypeTermInQueryError when it has a `type:` term. */
export function userSearchTerms(query: string): string {
  const check = checkAudienceQuery(query);
  if (!check.ok && check.problem === 'has-type') throw new TypeTermInQueryError(query);
  return check.ok ? check.query : '';
}
