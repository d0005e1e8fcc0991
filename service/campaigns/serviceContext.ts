import type { Actor, AppContext } from '../../src/app/context';
import type { Transport } from '../../src/api/transport/types';
import { UsersClient } from '../../src/api/zendesk/users';
import type { HeraldSettings } from '../../src/core/settings/settings';
import type { ApiClock } from '../../src/core/time/clock';

/**
 * What the service's use cases run with: its transport, Herald's settings as the installation holds
 * them, and the Zendesk user its credentials belong to as the actor. That user's rights are checked
 * like anyone's: the service sends only if its user may launch campaigns (`campaign_senders`), and
 * its own writes on a campaign record (the lease, the counts) are what Zendesk then names as the
 * record's last change, which a later start checks again.
 */
export class ServiceContext {
  private actor: Actor | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly settings: () => HeraldSettings | undefined,
    private readonly clock: ApiClock,
  ) {}

  /** Reads who the service is in Zendesk (its name, role and groups). */
  async refresh(): Promise<void> {
    const users = new UsersClient(this.transport);
    const me = await users.me();
    const groups = await users.groups(me.id);
    this.actor = { id: me.id, name: me.name ?? 'Herald service', email: me.email ?? null, role: me.role ?? null, groups };
  }

  current(): AppContext | undefined {
    const settings = this.settings();
    if (!settings || !this.actor) return undefined;
    return { transport: this.transport, settings, actor: this.actor, clock: this.clock };
  }
}
