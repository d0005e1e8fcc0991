import { z } from 'zod';
import type { FaultRule } from '../emulator/faults';

/**
 * Fault rules as browser tests post them: JSON cannot carry a RegExp, so a `path` is either a
 * prefix string or `{ regex, flags? }`.
 */

const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().nonnegative() }),
  z.object({ kind: z.literal('status'), status: z.number().int().min(100).max(599), body: z.unknown().optional() }),
  z.object({ kind: z.literal('rateLimit'), retryAfterSeconds: z.number().nonnegative() }),
  z.object({ kind: z.literal('timeout'), ms: z.number().nonnegative().optional() }),
  z.object({ kind: z.literal('networkError') }),
  z.object({ kind: z.literal('expireCursor') }),
  z.object({ kind: z.literal('undeliverable'), share: z.number().min(0).max(1), synchronous: z.boolean().optional() }),
  z.object({ kind: z.literal('webhookDuplicates'), share: z.number().min(0).max(1) }),
  z.object({ kind: z.literal('webhookDelays'), maxMinutes: z.number().min(0).max(24 * 60) }),
]);

const faultRuleSchema = z.object({
  match: z
    .object({
      service: z.enum(['zendesk', 'sunshine']).optional(),
      method: z.string().min(1).optional(),
      path: z.union([z.string(), z.object({ regex: z.string(), flags: z.string().optional() })]).optional(),
    })
    .default({}),
  fault: faultSchema,
  times: z.number().int().positive().optional(),
});

export type FaultRuleParse = { ok: true; rule: FaultRule } | { ok: false; message: string };

export function parseFaultRule(json: unknown): FaultRuleParse {
  const parsed = faultRuleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Invalid fault rule: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unknown'}` };
  }
  const { match, fault, times } = parsed.data;
  let path: string | RegExp | undefined;
  if (typeof match.path === 'object') {
    try {
      path = new RegExp(match.path.regex, match.path.flags);
    } catch (error) {
      return { ok: false, message: `Invalid fault rule: bad regex (${error instanceof Error ? error.message : String(error)})` };
    }
  } else {
    path = match.path;
  }
  const rule: FaultRule = { match: { service: match.service, method: match.method, path }, fault };
  if (times !== undefined) rule.times = times;
  return { ok: true, rule };
}

/** A rule as JSON again, for `GET faults`. */
export function faultRuleToJson(rule: FaultRule & { id: number; hits: number }): unknown {
  const path = rule.match.path instanceof RegExp ? { regex: rule.match.path.source, flags: rule.match.path.flags } : rule.match.path;
  return { ...rule, match: { ...rule.match, path } };
}
