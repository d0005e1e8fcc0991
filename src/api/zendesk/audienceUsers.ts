import { z } from 'zod/mini';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { userAttributes } from './users';

/**
 * A Zendesk user as an audience keeps it. Only the attributes a campaign reads are checked and
 * copied; the rest of the user (and every custom field not asked for) is dropped as the page is
 * parsed, so that streaming a large audience never holds more than the fields it needs.
 */
export function audienceUserSchema(userFieldKeys: readonly string[] = []) {
  const userFields = z.object(Object.fromEntries(userFieldKeys.map((key) => [key, z.optional(z.unknown())])));
  return z.pipe(
    z.object({
      ...userAttributes,
      user_fields: z.nullish(userFields),
      organization_id: z.nullish(z.number()),
    }),
    z.transform(
      (user): AudienceUser => ({
        id: user.id,
        name: user.name ?? null,
        email: user.email ?? null,
        phone: user.phone ?? null,
        locale: user.locale ?? null,
        timeZone: user.iana_time_zone ?? user.time_zone ?? null,
        tags: user.tags ?? [],
        userFields: keptFields(user.user_fields),
        suspended: user.suspended ?? false,
        organizationId: user.organization_id ?? null,
        organizationName: null,
      }),
    ),
  );
}

function keptFields(fields: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) if (value !== undefined) kept[key] = value;
  return kept;
}
