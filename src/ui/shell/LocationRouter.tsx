import { NavBarApp } from '../locations/NavBarApp';
import { TicketSidebarApp } from '../locations/TicketSidebarApp';
import { UnsupportedLocation } from '../locations/UnsupportedLocation';
import { UserSidebarApp } from '../locations/UserSidebarApp';

/** One bundle serves every location; Zendesk tells each iframe where it is in its context. */
export function LocationRouter({ location }: { location: string }) {
  switch (location) {
    case 'nav_bar':
      return <NavBarApp />;
    case 'ticket_sidebar':
      return <TicketSidebarApp />;
    case 'user_sidebar':
      return <UserSidebarApp />;
    default:
      return <UnsupportedLocation location={location} />;
  }
}
