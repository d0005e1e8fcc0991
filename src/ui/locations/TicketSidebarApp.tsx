import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { useRef } from 'react';
import { ticketChannelOf } from '../../core/contact/ticketChannel';
import { getTicket } from '../../zaf/data';
import { useAutoResize } from '../../zaf/useAutoResize';
import { useZaf } from '../../zaf/ZafProvider';
import { ContactPanel } from '../components/ContactPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SidebarRoot } from '../components/SidebarRoot';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import { useServices } from '../services';

const CHANNEL_HUE = { whatsapp: 'successHue', sms: 'blue', 'other-messaging': 'grey', 'not-messaging': 'grey' } as const;

/** On a ticket: the requester, whether they can be messaged, and which channel the ticket came from. */
export function TicketSidebarApp() {
  const { t } = useI18n();
  const { client } = useZaf();
  const { users } = useServices();
  const root = useRef<HTMLElement>(null);
  useAutoResize(client, root);

  const state = useAsync(async () => {
    const ticket = await getTicket(client);
    const requester = ticket.requester ? await users.show(ticket.requester.id) : undefined;
    return { channel: ticketChannelOf(ticket.via), requester };
  }, [client, users]);

  return (
    <SidebarRoot ref={root} aria-label={t('ticket.label')}>
      {state.status === 'loading' && <Loading label={t('ticket.loading')} />}
      {state.status === 'error' && <ErrorNotice error={state.error} title={t('ticket.failed')} onRetry={state.reload} />}
      {state.status === 'success' && (
        <>
          <div>
            <Tag hue={CHANNEL_HUE[state.data.channel]}>{t(`ticket.channel.${state.data.channel}`)}</Tag>
          </div>
          {state.data.requester ? <ContactPanel user={state.data.requester} /> : <SM>{t('ticket.noRequester')}</SM>}
        </>
      )}
    </SidebarRoot>
  );
}
