/**
 * What a campaign keeps of a Zendesk user, and nothing more: audiences stream through by the
 * million, so whole user objects are reduced to this as soon as they arrive.
 */
export interface AudienceUser {
  id: number;
  name: string | null;
  email: string | null;
  /** The `phone` attribute as typed (the configured phone field may be a custom field instead). */
  phone: string | null;
  locale: string | null;
  /** IANA time zone when Zendesk gives one (`iana_time_zone`), else Zendesk's own name, else null. */
  timeZone: string | null;
  tags: readonly string[];
  /** Only the custom user fields the campaign reads (phone field, opt-in field, mapped fields). */
  userFields: Readonly<Record<string, unknown>>;
  suspended: boolean;
  organizationId: number | null;
  /** Filled by the pipeline when a placeholder is mapped to the organization; null otherwise. */
  organizationName: string | null;
}
