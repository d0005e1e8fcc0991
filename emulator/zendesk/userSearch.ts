import type { OrganizationRecord } from './organizations';
import {
  dateComparison,
  globRegExp,
  hasWildcard,
  isNone,
  matchesPhone,
  matchesText,
  normalize,
  requireEquality,
  tokens,
} from './searchMatch';
import { SearchQueryError, type FieldTerm, type SearchTerm, type TextTerm } from './searchQuery';
import type { UserFieldDefinition } from './userFields';
import type { UserRecord } from './userRecord';

/**
 * What the parsed terms mean for users. Fields Zendesk indexes for users are supported, plus the
 * account's custom user fields by key. A field the account does not have matches nobody, as on
 * Zendesk; a comparison on anything but a date is a 400.
 */

export interface UserSearchContext {
  userFields: readonly UserFieldDefinition[];
  organizations: readonly OrganizationRecord[];
  now: number;
}

export type UserPredicate = (user: UserRecord) => boolean;

export function compileUserQuery(terms: readonly SearchTerm[], context: UserSearchContext): UserPredicate {
  const predicates = terms.map((term) => {
    const predicate = term.kind === 'text' ? freeText(term) : fieldPredicate(term, context);
    return term.negated ? (user: UserRecord) => !predicate(user) : predicate;
  });
  return (user) => predicates.every((predicate) => predicate(user));
}

/** Free text looks at the name, the email (whole or by part), the phone and the external id. */
function freeText(term: TextTerm): UserPredicate {
  const value = term.value;
  if (term.quoted) {
    return (user) => matchesText(user.name, value) || normalize(user.email) === normalize(value);
  }
  const looksLikePhone = /^\+?[\d\s().-]{6,}$/.test(value);
  if (hasWildcard(value)) {
    const pattern = globRegExp(value);
    return (user) =>
      tokens(user.name).some((word) => pattern.test(word)) ||
      pattern.test(normalize(user.email)) ||
      (user.externalId !== null && pattern.test(normalize(user.externalId)));
  }
  const wanted = normalize(value);
  return (user) =>
    tokens(user.name).includes(wanted) ||
    normalize(user.email) === wanted ||
    tokens(user.email).includes(wanted) ||
    (user.externalId !== null && normalize(user.externalId) === wanted) ||
    (looksLikePhone && matchesPhone(user.phone, value));
}

const ROLE_ALIASES: Record<string, UserRecord['role']> = {
  'end-user': 'end-user',
  end_user: 'end-user',
  enduser: 'end-user',
  agent: 'agent',
  admin: 'admin',
};

function fieldPredicate(term: FieldTerm, context: UserSearchContext): UserPredicate {
  switch (term.field) {
    case 'created':
    case 'created_at': {
      const compare = dateComparison(term, context.now);
      return (user) => compare(user.createdAt);
    }
    case 'updated':
    case 'updated_at': {
      const compare = dateComparison(term, context.now);
      return (user) => compare(user.updatedAt);
    }
  }
  requireEquality(term);
  const none = isNone(term);
  const value = term.value;
  switch (term.field) {
    case 'name':
      return (user) => matchesText(user.name, value);
    case 'email':
      if (none) return (user) => !user.email;
      if (hasWildcard(value)) return (user) => globRegExp(value).test(normalize(user.email));
      return (user) => normalize(user.email) === normalize(value);
    case 'phone':
      if (none) return (user) => !user.phone;
      return (user) => matchesPhone(user.phone, value);
    case 'role': {
      const role = ROLE_ALIASES[value.toLowerCase()];
      return (user) => role !== undefined && user.role === role;
    }
    case 'tags':
    case 'tag':
      if (none) return (user) => user.tags.length === 0;
      if (hasWildcard(value)) return (user) => user.tags.some((tag) => globRegExp(value).test(tag));
      return (user) => user.tags.includes(value.toLowerCase());
    case 'organization':
    case 'organization_id':
      return organizationPredicate(value, none, context.organizations);
    case 'external_id':
      if (none) return (user) => user.externalId === null;
      if (hasWildcard(value)) return (user) => user.externalId !== null && globRegExp(value).test(normalize(user.externalId));
      return (user) => user.externalId !== null && normalize(user.externalId) === normalize(value);
    case 'is_suspended':
    case 'suspended': {
      const wanted = parseBoolean(term);
      return (user) => user.suspended === wanted;
    }
    case 'verified': {
      const wanted = parseBoolean(term);
      return (user) => user.verified === wanted;
    }
    case 'locale':
      return (user) => normalize(user.locale) === normalize(value);
  }
  const field = context.userFields.find((candidate) => candidate.key === term.field);
  if (field) return customFieldPredicate(field, term, none);
  return () => false;
}

function organizationPredicate(value: string, none: boolean, organizations: readonly OrganizationRecord[]): UserPredicate {
  if (none) return (user) => user.organizationId === null;
  if (/^\d+$/.test(value)) {
    const id = Number(value);
    return (user) => user.organizationId === id;
  }
  const ids = new Set(organizations.filter((organization) => matchesText(organization.name, value)).map((organization) => organization.id));
  return (user) => user.organizationId !== null && ids.has(user.organizationId);
}

function customFieldPredicate(field: UserFieldDefinition, term: FieldTerm, none: boolean): UserPredicate {
  const key = field.key;
  switch (field.type) {
    case 'checkbox': {
      const wanted = parseBoolean(term);
      return (user) => (user.userFields[key] === true) === wanted;
    }
    case 'dropdown':
      if (none) return (user) => user.userFields[key] === null || user.userFields[key] === undefined;
      if (hasWildcard(term.value)) return (user) => typeof user.userFields[key] === 'string' && globRegExp(term.value).test(user.userFields[key] as string);
      return (user) => user.userFields[key] === term.value.toLowerCase();
    case 'text':
      if (none) return (user) => user.userFields[key] === null || user.userFields[key] === undefined || user.userFields[key] === '';
      return (user) => {
        const stored = user.userFields[key];
        if (typeof stored !== 'string') return false;
        return matchesText(stored, term.value) || matchesPhone(stored, term.value);
      };
  }
}

function parseBoolean(term: FieldTerm): boolean {
  const value = term.value.toLowerCase();
  if (value === 'true' || value === '1' || value === 'yes') return true;
  if (value === 'false' || value === '0' || value === 'no') return false;
  throw new SearchQueryError(`${term.field}:${term.value}: expected true or false`);
}
