import type { Transport } from '../api/transport/types';
import type { CustomObjectRecord } from '../api/zendesk/customObjects';
import { stateOf, type RecipientState } from '../core/sending/states';
import { decodeAudienceChunk } from './audienceCodec';
import { chunkExternalId, LEDGER_CHUNK_SIZE } from './campaignChunks';
import { CampaignStore, type CampaignChannel, type CampaignRecord, type UnreadableCampaign } from './campaigns';
import { CAMPAIGN_CHUNK_OBJECT } from './heraldObjects';
import { decodeLedgerChunk } from './ledgerCodec';
import { onHeraldObject } from './objectGuard';
import { RecordAccess } from './recordAccess';

/**
 * The campaigns one user was a recipient of, and what became of each send, from the campaigns'
 * own stored audience and ledger (there is no index by user). Bounded: only the most recent
 * campaigns are looked at, and of each only what is needed: nothing of a campaign never frozen,
 * every audience chunk of the others (an audience is in send order, not by user, so the user may
 * be anywhere in it), and the one ledger chunk that holds the user's result. Chunks of every
 * campaign are asked for together, so that a history of small campaigns takes three requests.
 */

/** How many of the most recent campaigns a history looks through by default. */
export const HISTORY_CAMPAIGN_LIMIT = 50;

export interface UserCampaignEntry {
  campaignId: string;
  /** The user's position in the campaign's audience (what was heard about the message is kept by it). */
  index: number;
  campaignName: string;
  channel: CampaignChannel;
  templateName: string;
  templateLanguage: string;
  state: RecipientState;
  /** The failure code, the skip reason or the unverified cause, as the ledger holds it. */
  code?: string;
  /** When the result came (ms since epoch); else when the campaign started; null when neither is known. */
  at: number | null;
}

export interface UserCampaignHistory {
  /** Newest campaign first; one entry per time the user is in a campaign's audience. */
  entries: UserCampaignEntry[];
  /** Campaigns looked through: the most recent ones, at most the limit. */
  campaignsRead: number;
  /** Older campaigns exist that were not looked through. */
  more: boolean;
  /** Campaigns whose record, stored audience or ledger could not be read: the user may be in them (named when their name reads). */
  unreadable: Array<{ id: string; name: string | null }>;
}

/** A campaign's audience being scanned for the user. */
interface Scan {
  campaign: CampaignRecord;
  /** Recipients of the audience read so far (the next chunk starts there). */
  covered: number;
  nextChunk: number;
  /** The user's positions in the audience. */
  indexes: number[];
  failed: boolean;
}

export class UserCampaignHistoryReader {
  private readonly campaigns: CampaignStore;
  private readonly chunks: RecordAccess;

  constructor(transport: Transport) {
    this.campaigns = new CampaignStore(transport);
    this.chunks = new RecordAccess(transport, CAMPAIGN_CHUNK_OBJECT.key);
  }

  /** HeraldObjectsMissingError when the setup has not run. */
  async forUser(userId: number, options: { limit?: number } = {}): Promise<UserCampaignHistory> {
    const limit = options.limit ?? HISTORY_CAMPAIGN_LIMIT;
    const { campaigns, read, unreadableRecords, more } = await this.recentCampaigns(limit);
    const scans: Scan[] = campaigns
      .filter((campaign) => campaign.reservedThrough !== null && campaign.recipients > 0)
      .map((campaign) => ({ campaign, covered: 0, nextChunk: 0, indexes: [], failed: false }));
    await this.findInAudiences(scans, userId);
    const entries = await this.readResults(scans.filter((scan) => !scan.failed && scan.indexes.length > 0));
    return {
      entries,
      campaignsRead: read,
      more,
      unreadable: [
        ...unreadableRecords.map(({ id, name }) => ({ id, name })),
        ...scans.filter((scan) => scan.failed).map(({ campaign }) => ({ id: campaign.id, name: campaign.name })),
      ],
    };
  }

  private async recentCampaigns(limit: number): Promise<{ campaigns: CampaignRecord[]; read: number; unreadableRecords: UnreadableCampaign[]; more: boolean }> {
    const campaigns: CampaignRecord[] = [];
    const unreadableRecords: UnreadableCampaign[] = [];
    let read = 0;
    let after: string | undefined;
    do {
      // A page never holds more than the records left to read: every record of it counts.
      const page = await this.campaigns.list({ after, pageSize: Math.min(100, limit - read) });
      campaigns.push(...page.campaigns);
      unreadableRecords.push(...page.unreadable);
      read += page.campaigns.length + page.unreadable.length;
      after = page.next;
    } while (after !== undefined && read < limit);
    return { campaigns, read, unreadableRecords, more: after !== undefined };
  }

  /**
   * Reads the audiences chunk by chunk, every campaign at once: the first chunk of each, then as
   * many more as the chunks read so far say are left (audience chunks hold as many recipients as
   * fit in a record, so their number is only known once read).
   */
  private async findInAudiences(scans: Scan[], userId: number): Promise<void> {
    let pending = scans;
    while (pending.length > 0) {
      const wanted = pending.map((scan) => ({ scan, chunks: chunkRange(scan.nextChunk, chunksLeft(scan)) }));
      const found = await this.chunkData(wanted.flatMap(({ scan, chunks }) => chunks.map((chunk) => chunkExternalId(scan.campaign.id, 'audience', chunk))));
      for (const { scan, chunks } of wanted) {
        for (const chunk of chunks) {
          if (scan.failed || scan.covered >= scan.campaign.recipients) break;
          const data = found.get(chunkExternalId(scan.campaign.id, 'audience', chunk));
          try {
            if (data === undefined) throw new Error(`audience chunk ${chunk} is missing`);
            const decoded = decodeAudienceChunk(data);
            if (decoded.first !== scan.covered || decoded.recipients.length === 0) throw new Error(`audience chunk ${chunk} starts at ${decoded.first}`);
            decoded.recipients.forEach((recipient, offset) => {
              if (recipient.userId === userId) scan.indexes.push(decoded.first + offset);
            });
            scan.covered += decoded.recipients.length;
            scan.nextChunk = chunk + 1;
          } catch {
            // A campaign whose data is damaged is reported, not allowed to hide the others.
            scan.failed = true;
          }
        }
        if (!scan.failed && scan.covered > scan.campaign.recipients) scan.failed = true;
      }
      pending = pending.filter((scan) => !scan.failed && scan.covered < scan.campaign.recipients);
    }
  }

  /** The user's results: for each position, the one ledger chunk that holds it. */
  private async readResults(scans: Scan[]): Promise<UserCampaignEntry[]> {
    const chunkOf = (index: number) => Math.floor(index / LEDGER_CHUNK_SIZE);
    const ids = scans.flatMap((scan) => [...new Set(scan.indexes.map(chunkOf))].map((chunk) => chunkExternalId(scan.campaign.id, 'ledger', chunk)));
    const found = await this.chunkData(ids);
    const entries: UserCampaignEntry[] = [];
    for (const scan of scans) {
      const { campaign } = scan;
      const decoded = new Map<number, ReturnType<typeof decodeLedgerChunk>>();
      const results: UserCampaignEntry[] = [];
      try {
        for (const index of scan.indexes) {
          const chunk = chunkOf(index);
          let ledger = decoded.get(chunk);
          if (!ledger) {
            const data = found.get(chunkExternalId(campaign.id, 'ledger', chunk));
            if (data === undefined) throw new Error(`ledger chunk ${chunk} is missing`);
            ledger = decodeLedgerChunk(data);
            if (ledger.first !== chunk * LEDGER_CHUNK_SIZE) throw new Error(`ledger chunk ${chunk} starts at ${ledger.first}`);
            decoded.set(chunk, ledger);
          }
          const code = ledger.states[index - ledger.first];
          if (code === undefined) throw new Error(`ledger chunk ${chunk} does not hold ${index}`);
          const detail = ledger.details.get(index);
          const entry: UserCampaignEntry = {
            campaignId: campaign.id,
            index,
            campaignName: campaign.name,
            channel: campaign.channel,
            templateName: campaign.templateName,
            templateLanguage: campaign.templateLanguage,
            state: stateOf(code),
            at: detail?.at ?? campaign.startedAt ?? null,
          };
          if (detail?.code !== undefined) entry.code = detail.code;
          results.push(entry);
        }
      } catch {
        scan.failed = true;
        continue;
      }
      entries.push(...results);
    }
    return entries;
  }

  /** The data of the chunk records with these external ids (those that exist), by external id. */
  private async chunkData(externalIds: readonly string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const records: CustomObjectRecord[] = await onHeraldObject(CAMPAIGN_CHUNK_OBJECT.key, () => this.chunks.byExternalIds(externalIds));
    const data = new Map<string, string>();
    for (const record of records) {
      const text = record.custom_object_fields?.data;
      if (record.external_id && typeof text === 'string') data.set(record.external_id, text);
    }
    return data;
  }
}

/** Chunks to ask for next: one at first, then as many as the chunks read so far suggest are left. */
function chunksLeft(scan: Scan): number {
  if (scan.nextChunk === 0) return 1;
  const perChunk = scan.covered / scan.nextChunk;
  return Math.max(1, Math.ceil((scan.campaign.recipients - scan.covered) / perChunk));
}

function chunkRange(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, offset) => first + offset);
}
