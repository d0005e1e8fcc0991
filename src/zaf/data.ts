import { z } from 'zod/mini';
import type { ZafClient } from './types';

/**
 * Typed reads of the ZAF data API: each path is checked, so a surprise shows as a clear error. Every
 * location reads these before it shows anything: `zod/mini`, the same checks in a small download.
 */

export class ZafDataError extends Error {
  override name = 'ZafDataError';

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const idSchema = z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))]);

export const zafUserSchema = z.looseObject({
  id: idSchema,
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
});

/** ZAF's group object as in `currentUser.groups`: its id and name (other fields are kept as they come). */
export const zafGroupSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
});

export const currentUserSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  email: z.nullish(z.string()),
  locale: z._default(z.string(), 'en'),
  role: z.nullish(z.string()),
  /** The agent's groups, for permission rules such as `group:Marketing`; none when ZAF gives none. */
  groups: z.pipe(
    z.nullish(z.array(zafGroupSchema)),
    z.transform((groups) => groups ?? []),
  ),
});

export const ticketSchema = z.looseObject({
  id: idSchema,
  subject: z.nullish(z.string()),
  requester: z.nullish(zafUserSchema),
  via: z.nullish(z.looseObject({ channel: z.nullish(z.string()) })),
});

export type ZafUser = z.infer<typeof zafUserSchema>;
export type CurrentUser = z.infer<typeof currentUserSchema>;
export type ZafGroup = z.infer<typeof zafGroupSchema>;
export type ZafTicket = z.infer<typeof ticketSchema>;

export async function getPath<T extends z.ZodMiniType>(client: Pick<ZafClient, 'get'>, path: string, schema: T): Promise<z.infer<T>> {
  const result = await client.get(path);
  const error = result.errors?.[path];
  if (error) throw new ZafDataError(path, error.message);
  const parsed = z.safeParse(schema, result[path]);
  if (!parsed.success) throw new ZafDataError(path, parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '));
  return parsed.data;
}

export const getCurrentUser = (client: Pick<ZafClient, 'get'>) => getPath(client, 'currentUser', currentUserSchema);
export const getTicket = (client: Pick<ZafClient, 'get'>) => getPath(client, 'ticket', ticketSchema);
export const getSidebarUser = (client: Pick<ZafClient, 'get'>) => getPath(client, 'user', zafUserSchema);

/** What the ticket sidebar reads of ZAF's `ticket`: its id, subject, channel, requester and assignee. */
export const sidebarTicketSchema = z.extend(ticketSchema, {
  via: z.nullish(z.looseObject({ channel: z.nullish(z.string()), source: z.optional(z.unknown()) })),
  assignee: z.nullish(z.looseObject({ user: z.nullish(zafUserSchema) })),
});

export type SidebarTicket = z.infer<typeof sidebarTicketSchema>;

export const getSidebarTicket = (client: Pick<ZafClient, 'get'>) => getPath(client, 'ticket', sidebarTicketSchema);
