import type { ExportClock, ExportProgress, ExportSearchClient } from '../api/zendesk/exportSearch';
import type { OrganizationsClient } from '../api/zendesk/organizations';
import type { ContactRules } from '../core/contact/assessContact';
import type { AudienceUser } from '../core/campaign/audienceUser';
import { heardIndex, NOTHING_HEARD, NOT_ON_WHATSAPP_WINDOW_MS, type HeardIndex } from '../core/campaign/heard';
import { EMPTY_LISTS, NO_BLACKOUT, toContactLists, type BlackoutIndex, type ContactLists } from '../core/campaign/lists';
import { contactFieldKeys } from '../core/campaign/eligibility';
import { neededUserFieldKeys, templateSlots, type SlotMapping } from '../core/campaign/mapping';
import { SendPlanBuilder, type PlanTemplate, type SendPlan } from '../core/campaign/plan';
import type { TemplateContent } from '../core/template/meta';
import type { BlackoutLogStore } from './blackoutLog';
import type { ContactListStore } from './contactLists';
import type { HeardNumbers } from './heardNumbers';
import { HeraldObjectsMissingError } from './objectGuard';

/**
 * Builds a send plan the way a campaign will send: the block and allow lists and the blackout log
 * are read first, then the audience streams from the export endpoint page by page into the plan
 * builder, which keeps only what sending needs. Nothing is sent here.
 */

export interface PlanRequest {
  query: string;
  template: PlanTemplate;
  content: TemplateContent;
  mappings: readonly SlotMapping[];
  contact: ContactRules;
  blackoutDays: number;
  now: number;
  /** Users per export page; the export's own default (1000, the endpoint's maximum) when absent. */
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface PlannedSend {
  plan: SendPlan;
  /** Herald's custom objects are missing: the plan could not apply the lists or the blackout log. */
  listsUnavailable: boolean;
  blackoutUnavailable: boolean;
}

export interface AudiencePlannerDependencies {
  exportSearch: ExportSearchClient;
  organizations: OrganizationsClient;
  contactLists: ContactListStore;
  blackoutLog: BlackoutLogStore;
  /** What the Herald service heard about numbers; without it, nothing was heard. */
  heardNumbers?: HeardNumbers;
  clock?: ExportClock;
}

export class AudiencePlanner {
  constructor(private readonly dependencies: AudiencePlannerDependencies) {}

  async plan(request: PlanRequest): Promise<PlannedSend> {
    const [lists, blackout, heard] = await Promise.all([this.lists(), this.blackout(request.now, request.blackoutDays), this.heard(request.now)]);
    const slots = templateSlots(request.content);
    const builder = new SendPlanBuilder(request.template, {
      slots,
      mappings: request.mappings,
      contact: request.contact,
      lists: lists.value,
      blackout: blackout.value,
      heard,
    });
    const needsOrganization = request.mappings.some((mapping) => mapping.source.kind === 'user' && mapping.source.field === 'organization');
    for await (const page of this.dependencies.exportSearch.users(request.query, {
      userFieldKeys: neededUserFieldKeys(request.mappings, contactFieldKeys(request.contact)),
      pageSize: request.pageSize,
      signal: request.signal,
      onProgress: request.onProgress,
      clock: this.dependencies.clock,
    })) {
      const users = needsOrganization ? await this.withOrganizations(page) : page;
      for (const user of users) builder.add(user);
    }
    return { plan: builder.build(), listsUnavailable: lists.missing, blackoutUnavailable: blackout.missing };
  }

  private async withOrganizations(page: readonly AudienceUser[]): Promise<AudienceUser[]> {
    const ids = [...new Set(page.flatMap((user) => (user.organizationId === null ? [] : [user.organizationId])))];
    const names = await this.dependencies.organizations.names(ids);
    return page.map((user) => (user.organizationId === null ? user : { ...user, organizationName: names.get(user.organizationId) ?? null }));
  }

  private async lists(): Promise<{ value: ContactLists; missing: boolean }> {
    try {
      return { value: toContactLists(await this.dependencies.contactLists.load()), missing: false };
    } catch (error) {
      if (error instanceof HeraldObjectsMissingError) return { value: EMPTY_LISTS, missing: true };
      throw error;
    }
  }

  /** Read once per plan: the reports of the longest window (not on WhatsApp, 30 days). */
  private async heard(now: number): Promise<HeardIndex> {
    if (!this.dependencies.heardNumbers) return NOTHING_HEARD;
    try {
      return heardIndex(await this.dependencies.heardNumbers.read(now - NOT_ON_WHATSAPP_WINDOW_MS, now), now);
    } catch (error) {
      // Without Herald's objects nothing was heard either: the lists' warning already says they are missing.
      if (error instanceof HeraldObjectsMissingError) return NOTHING_HEARD;
      throw error;
    }
  }

  private async blackout(now: number, days: number): Promise<{ value: BlackoutIndex; missing: boolean }> {
    if (days <= 0) return { value: NO_BLACKOUT, missing: false };
    try {
      return { value: await this.dependencies.blackoutLog.index(now, days), missing: false };
    } catch (error) {
      if (error instanceof HeraldObjectsMissingError) return { value: NO_BLACKOUT, missing: true };
      throw error;
    }
  }
}
