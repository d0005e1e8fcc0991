import { z } from 'zod';
import type { ZafClient } from './types';

/** Typed reads of the ZAF data API: each path is checked, so a surprise shows as a clear error. */

export class ZafDataError extends Error {
  override name = 'ZafDataError';

  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const idSchema = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const zafUserSchema = z.looseObject({
  id: idSchema,
  name: z.string().nullish(),
  email: z.string().nullish(),
});

/** ZAF's group object as in `currentUser.groups`: its id and name (other fields are kept as they come). */
export const zafGroupSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
});

export const currentUserSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
  email: z.string().nullish(),
  locale: z.string().default('en'),
  role: z.string().nullish(),
  /** The agent's groups, for permission rules such as `group:Marketing`; none when ZAF gives none. */
  groups: z
    .array(zafGroupSchema)
    .nullish()
    .transform((groups) => groups ?? []),
});

export const ticketSchema = z.looseObject({
  id: idSchema,
  subject: z.string().nullish(),
  requester: zafUserSchema.nullish(),
  via: z.looseObject({ channel: z.string().nullish() }).nullish(),
});

export type ZafUser = z.infer<typeof zafUserSchema>;
export type CurrentUser = z.infer<typeof currentUserSchema>;
export type ZafGroup = z.infer<typeof zafGroupSchema>;
export type ZafTicket = z.infer<typeof ticketSchema>;

export async function getPath<T extends z.ZodType>(client: Pick<ZafClient, 'get'>, path: string, schema: T): Promise<z.infer<T>> {
  const result = await client.get(path);
  const error = result.errors?.[path];
  if (error) throw new ZafDataError(path, error.message);
  const parsed = schema.safeParse(result[path]);
  if (!parsed.success) throw new ZafDataError(path, parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '));
  return parsed.data;
}

export const getCurrentUser = (client: Pick<ZafClient, 'get'>) => getPath(client, 'currentUser', currentUserSchema);
export const getTicket = (client: Pick<ZafClient, 'get'>) => getPath(client, 'ticket', ticketSchema);
export const getSidebarUser = (client: Pick<ZafClient, 'get'>) => getPath(client, 'user', zafUserSchema);

/** What the ticket sidebar reads of ZAF's `ticket`: its id, subject, channel, requester and assignee. */
export const sidebarTicketSchema = ticketSchema.extend({
  via: z.looseObject({ channel: z.string().nullish(), source: z.unknown().optional() }).nullish(),
  assignee: z.looseObject({ user: zafUserSchema.nullish() }).nullish(),
});

export type SidebarTicket = z.infer<typeof sidebarTicketSchema>;

export const getSidebarTicket = (client: Pick<ZafClient, 'get'>) => getPath(client, 'ticket', sidebarTicketSchema);
