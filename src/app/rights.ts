import { campaignPermissions, type CampaignPermissions } from '../core/campaign/permissions';
import type { Actor, AppContext } from './context';
import { NotAllowedError, type AppAction, type Right } from './errors';

/**
 * Every use case checks the actor's right itself, whatever a screen shows: a hidden button is a
 * convenience, this is the rule. The rights come from the installation's settings (who may prepare,
 * who may launch) and from Zendesk's role; an admin is always an agent.
 */


/** Who is asking, and the settings that say who may prepare and launch (none while they cannot be read: nobody may then). */
export type RightsContext = Pick<AppContext, 'actor'> & Partial<Pick<AppContext, 'settings'>>;

export function campaignRightsOf(context: RightsContext): CampaignPermissions {
  return context.settings ? campaignPermissions(context.settings.permissions, context.actor) : { draft: false, send: false };
}

export function hasRight(context: RightsContext, right: Right): boolean {
  switch (right) {
    case 'admin':
      return isAdmin(context.actor);
    case 'agent':
      return isAgent(context.actor);
    case 'draft':
      return campaignRightsOf(context).draft;
    case 'send':
      return campaignRightsOf(context).send;
  }
}

/** Throws NotAllowedError unless the actor has the right. */
export function requireRight(context: RightsContext, right: Right, action: AppAction): void {
  if (!hasRight(context, right)) throw new NotAllowedError(action, right);
}

function isAdmin(actor: Actor): boolean {
  return (actor.role ?? '').toLowerCase() === 'admin';
}

function isAgent(actor: Actor): boolean {
  const role = (actor.role ?? '').toLowerCase();
  return role !== '' && role !== 'end-user';
}
