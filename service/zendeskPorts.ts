import { z } from 'zod/mini';
import { AppInstallationsClient } from '../src/api/zendesk/appInstallations';
import { parseResponse } from '../src/api/parse';
import type { Transport } from '../src/api/transport/types';
import { DEFAULT_START_WORDS, DEFAULT_STOP_WORDS, parseKeywordList } from '../src/core/delivery/optOutKeywords';
import { parseSettings, type HeraldSettings } from '../src/core/settings/settings';
import { CampaignRunPersistence } from '../src/store/campaignRun';
import { CampaignStore } from '../src/store/campaigns';
import { DeliveryOutcomes } from '../src/store/deliveryOutcomes';
import { HeardNumbers as HeardNumberStore, isHeardCode } from '../src/store/heardNumbers';
import { HeraldObjectsMissingError } from '../src/store/objectGuard';
import { ZendeskOptOutRecorder } from '../src/store/optOuts';
import { ServiceHeartbeatStore } from '../src/store/serviceHeartbeat';
import type { AudienceLookup, CampaignPauser, HeardNumber, OptOuts, ServicePorts, ServiceSettings } from './ports';

/**
 * The ports the service's own code implements over Zendesk: the opt-out tag, the frozen audience,
 * pausing a campaign, the installation's settings; and the outcome, heard-number and heartbeat
 * writers over Herald's stores (src/store/deliveryOutcomes.ts, heardNumbers.ts, serviceHeartbeat.ts).
 */

/** Adds the opt-out tag (store/optOuts.ts); START removes it: `DELETE /api/v2/users/{id}/tags` removes the listed tags only (204). */
export class ZendeskOptOuts implements OptOuts {
  private readonly recorder: ZendeskOptOutRecorder;

  constructor(
    private readonly transport: Transport,
    private readonly tag: string,
  ) {
    this.recorder = new ZendeskOptOutRecorder(transport, tag);
  }

  optOut(userId: number): Promise<void> {
    return this.recorder.recordOptOut(userId);
  }

  async optIn(userId: number): Promise<void> {
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new RangeError(`Not a Zendesk user id: ${userId}`);
    // Remove Tags answers 204 No Content (Zendesk's Tags API): nothing to read back.
    await this.transport.send({ method: 'DELETE', url: `/api/v2/users/${userId}/tags`, credentials: 'zendesk', body: { tags: [this.tag.trim().toLowerCase()] } });
  }
}

/** A campaign's recipients from its frozen audience, read once per campaign (a few recent ones kept). */
export class FrozenAudienceLookup implements AudienceLookup {
  private readonly cache = new Map<string, Promise<ReadonlyArray<{ userId: number; phone: string }>>>();

  constructor(
    private readonly transport: Transport,
    private readonly keep = 20,
  ) {}

  async recipient(campaignId: string, index: number): Promise<{ userId: number; phone: string } | undefined> {
    let audience = this.cache.get(campaignId);
    if (!audience) {
      audience = new CampaignRunPersistence(this.transport, campaignId).load().then((run) => run.recipients.map(({ userId, phone }) => ({ userId, phone })));
      audience.catch(() => this.cache.delete(campaignId));
      this.cache.set(campaignId, audience);
      if (this.cache.size > this.keep) this.cache.delete(this.cache.keys().next().value as string);
    }
    return (await audience)[index];
  }
}

/** Pauses a running campaign with its reason, through the one writer of a status (store/campaigns.ts `transition`). */
export class StoreCampaignPauser implements CampaignPauser {
  constructor(private readonly transport: Transport) {}

  async pause(campaignId: string, reason: Parameters<CampaignPauser['pause']>[1]): Promise<boolean> {
    const store = new CampaignStore(this.transport);
    const campaign = await store.load(campaignId);
    if (campaign.status !== 'running') return false;
    await store.transition(campaignId, 'pause', { pauseReason: reason });
    return true;
  }
}

/** The installation's settings: its opt-out tag and keywords (`optout_words`, `optin_words`; empty: the defaults). */
export class InstallationSettings {
  private value: ServiceSettings = { keywords: { stop: [...DEFAULT_STOP_WORDS], start: [...DEFAULT_START_WORDS] }, optOutTag: undefined };
  private herald: HeraldSettings | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly installationId: number | undefined,
    private readonly sunshine: { appId: string; baseUrl: string },
    /** The account's subdomain, which Herald's settings are read against (Sunshine's default host). */
    private readonly subdomain = '',
  ) {}

  current(): ServiceSettings {
    return this.value;
  }

  /**
   * All of Herald's settings, as the app reads them, for the campaigns the service sends (who may
   * launch, the opt-out tag, the rate limits); undefined until read, or while they do not read (the
   * service then starts nothing). Sunshine is reached as the service's configuration says.
   */
  campaigns(): HeraldSettings | undefined {
    return this.herald;
  }

  async refresh(): Promise<void> {
    const id = this.installationId ?? (await this.findInstallation());
    if (id === undefined) return;
    const { settings } = await new AppInstallationsClient(this.transport).get(id);
    const text = (name: string) => (typeof settings[name] === 'string' ? (settings[name] as string) : undefined);
    this.value = {
      keywords: { stop: parseKeywordList(text('optout_words'), DEFAULT_STOP_WORDS), start: parseKeywordList(text('optin_words'), DEFAULT_START_WORDS) },
      optOutTag: text('opt_out_tag')?.trim().toLowerCase() || undefined,
    };
    const parsed = parseSettings(settings as Parameters<typeof parseSettings>[0], this.subdomain);
    this.herald = parsed.ok ? { ...parsed.settings, sunshine: { ...this.sunshine } } : undefined;
  }

  /** Herald's installation is the one whose Sunshine app id is the service's. */
  private async findInstallation(): Promise<number | undefined> {
    const response = await this.transport.send({ method: 'GET', url: '/api/v2/apps/installations.json', credentials: 'zendesk' });
    const { installations } = parseResponse(
      z.looseObject({ installations: z.array(z.looseObject({ id: z.number(), settings: z.nullish(z.record(z.string(), z.unknown())) })) }),
      response.body,
      'GET /api/v2/apps/installations.json',
    );
    return installations.find((installation) => installation.settings?.sunco_app_id === this.sunshine.appId)?.id;
  }
}

/** The writers of what was heard, over Herald's custom objects: one bulk job a campaign flush, one record a heartbeat. */
export function zendeskWriters(transport: Transport): Pick<ServicePorts, 'outcomes' | 'heard' | 'heartbeat'> {
  const outcomes = new DeliveryOutcomes(transport);
  const heard = new HeardNumberStore(transport);
  const heartbeat = new ServiceHeartbeatStore(transport);
  return {
    outcomes: { write: (campaignId, chunks, totals) => outcomes.write(campaignId, chunks, totals) },
    heard: {
      // Only the codes the plan reads (131026, 131049) are kept by day.
      record: (entries: readonly HeardNumber[]) => heard.record(entries.flatMap((entry) => (isHeardCode(entry.code) ? [{ phone: entry.phone, code: entry.code, at: entry.at }] : []))),
    },
    heartbeat: {
      // Before an admin sets Herald up there is nowhere to write a heartbeat: Settings says so itself.
      write: (beat) => heartbeat.write(beat).catch((error: unknown) => (error instanceof HeraldObjectsMissingError ? undefined : Promise.reject(error))),
    },
  };
}
