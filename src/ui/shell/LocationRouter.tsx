import { UnsupportedLocation } from '../locations/UnsupportedLocation';
import { useI18n } from '../i18n/I18nProvider';
import { lazyPart, PartSlot, type LazyPart } from './lazyPart';

/**
 * One app page serves every location; Zendesk tells each iframe where it is in its context, and
 * each location's code is a chunk of its own, downloaded by the iframe that shows it: a ticket
 * sidebar never downloads the campaign wizard.
 */
const LOCATIONS: Record<string, LazyPart<object>> = {
  nav_bar: lazyPart(() => {
    // The nav bar opens on Campaigns: that section's code downloads alongside the nav bar's, not
    // after it (NavBarApp's own import of it then finds it loaded).
    import('../sections/CampaignsSection').catch(() => undefined);
    return import('../locations/NavBarApp').then((module) => module.NavBarApp);
  }),
  ticket_sidebar: lazyPart(() => import('../locations/TicketSidebarApp').then((module) => module.TicketSidebarApp), { strings: 'first' }),
  user_sidebar: lazyPart(() => import('../locations/UserSidebarApp').then((module) => module.UserSidebarApp), { strings: 'first' }),
};

/** Starts downloading a location's code as soon as the location is known. */
export function preloadLocation(location: string): void {
  if (Object.hasOwn(LOCATIONS, location)) LOCATIONS[location]?.preload();
}

export function LocationRouter({ location }: { location: string }) {
  const { t } = useI18n();
  const part = Object.hasOwn(LOCATIONS, location) ? LOCATIONS[location] : undefined;
  if (!part) return <UnsupportedLocation location={location} />;
  return <PartSlot part={part} props={{}} loadingLabel={t('shell.starting')} />;
}
