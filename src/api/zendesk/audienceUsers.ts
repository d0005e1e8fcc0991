import { z } from 'zod';
import type { AudienceUser } from '../../core/campaign/audienceUser';

/**
 * A Zendesk user as an audience keeps it. Only the attributes a campaign reads are checked and
 * copied; the rest of the user (and every custom field not asked for) is dropped as the page is
 * parsed, so that streaming a large audience never holds more than the fields it needs.
 */
export function audienceUserSchema(userFieldKeys: readonly string[] = []) {
  const userFields = z.object(Object.fromEntries(userFieldKeys.map((key) => [key, z.unknown().optional()])));
  return z
    .object({
      id: z.number(),
      name: z.string().nullish(),
      email: z.string().nullish(),
      phone: z.string().nullish(),
      locale: z.string().nullish(),
      iana_time_zone: z.string().nullish(),
      time_zone: z.string().nullish(),
      // Only present when user tagging is on.
      tags: z.array(z.string()).nullish(),
      user_fields: userFields.nullish(),
      suspended: z.boolean().nullish(),
      organization_id: z.number().nullish(),
    })
    .transform(
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
    );
}

function keptFields(fields: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) if (value !== undefined) kept[key] = value;
  return kept;
}
