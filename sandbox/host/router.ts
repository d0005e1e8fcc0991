/** The workspace's hash routes, in the spirit of Zendesk's agent workspace URLs. */

export type Route =
  | { name: 'navBarApp' }
  | { name: 'tickets' }
  | { name: 'ticket'; id: number }
  | { name: 'customers' }
  | { name: 'user'; id: number }
  | { name: 'admin' }
  | { name: 'phones' }
  | { name: 'notFound'; hash: string };

export const DEFAULT_HASH = '#/tickets';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/tickets';
  let match: RegExpExecArray | null;
  if (path === '/apps/herald') return { name: 'navBarApp' };
  if (path === '/tickets') return { name: 'tickets' };
  if ((match = /^\/tickets\/(\d+)$/.exec(path))) return { name: 'ticket', id: Number(match[1]) };
  if (path === '/users') return { name: 'customers' };
  if ((match = /^\/users\/(\d+)$/.exec(path))) return { name: 'user', id: Number(match[1]) };
  if (path === '/admin/apps/herald') return { name: 'admin' };
  if (path === '/phones') return { name: 'phones' };
  return { name: 'notFound', hash };
}

/** Which left-nav entry a route belongs to. */
export function navSectionOf(route: Route): string | undefined {
  switch (route.name) {
    case 'tickets':
    case 'ticket':
      return 'tickets';
    case 'customers':
    case 'user':
      return 'customers';
    case 'navBarApp':
      return 'app';
    case 'admin':
      return 'admin';
    case 'phones':
      return 'phones';
    default:
      return undefined;
  }
}

/** `routeTo` arguments as a sandbox route: ('ticket', id), ('user', id), ('nav_bar', app), ('views'). */
export function hashForRouteTo(args: unknown[]): string {
  const [where, id] = args;
  switch (where) {
    case 'ticket':
      if (!/^\d+$/.test(String(id))) throw new Error(`routeTo ticket needs a ticket id, not ${String(id)}`);
      return `#/tickets/${String(id)}`;
    case 'user':
      if (!/^\d+$/.test(String(id))) throw new Error(`routeTo user needs a user id, not ${String(id)}`);
      return `#/users/${String(id)}`;
    case 'nav_bar':
      return '#/apps/herald';
    case 'views':
      return '#/tickets';
    default:
      throw new Error(`The sandbox cannot route to ${String(where)}`);
  }
}
