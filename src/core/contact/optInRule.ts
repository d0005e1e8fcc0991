/**
 * Who agreed to receive proactive messages (Meta requires consent). The admin stores consent on the
 * Zendesk user as a tag or a checkbox field; an opt-out tag always wins over it.
 */
export type OptInRule = { kind: 'tag'; tag: string } | { kind: 'field'; key: string };

export const OPT_IN_STATUSES = ['opted-in', 'opted-out', 'no-consent'] as const;
export type OptInStatus = (typeof OPT_IN_STATUSES)[number];

export interface ConsentFacts {
  tags?: readonly string[] | null;
  user_fields?: Record<string, unknown> | null;
}

const NAME = /^[A-Za-z0-9_\-.:/]+$/;

/** Reads `tag:<tag>` or `field:<key>`; undefined when the text is neither. */
export function parseOptInRule(text: string): OptInRule | undefined {
  const match = /^\s*(tag|field)\s*:\s*(\S+)\s*$/i.exec(text);
  if (!match) return undefined;
  const [, kind = '', name = ''] = match;
  if (!NAME.test(name)) return undefined;
  return kind.toLowerCase() === 'tag' ? { kind: 'tag', tag: name.toLowerCase() } : { kind: 'field', key: name };
}

export function formatOptInRule(rule: OptInRule): string {
  return rule.kind === 'tag' ? `tag:${rule.tag}` : `field:${rule.key}`;
}

export function optInStatus(user: ConsentFacts, rule: OptInRule, optOutTag?: string): OptInStatus {
  const tags = (user.tags ?? []).map((tag) => tag.toLowerCase());
  if (optOutTag && tags.includes(optOutTag.toLowerCase())) return 'opted-out';
  if (rule.kind === 'tag') return tags.includes(rule.tag) ? 'opted-in' : 'no-consent';
  const value = user.user_fields?.[rule.key];
  return value === true || value === 'true' ? 'opted-in' : 'no-consent';
}
