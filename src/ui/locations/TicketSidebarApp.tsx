import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { useMemo, useRef, type ComponentProps } from 'react';
import { showUser, ticketComments } from '../../app/people/people';
import type { TicketComment } from '../../api/zendesk/tickets';
import type { ZendeskUser } from '../../api/zendesk/users';
import { businessNumberOf, ticketChannelOf } from '../../core/contact/ticketChannel';
import { DEFAULT_WARNING_MINUTES, messagingWindow } from '../../core/conversation/messagingWindow';
import { customerWrote, ticketConversation } from '../../core/conversation/ticketConversation';
import { useAutoResize } from '../../zaf/useAutoResize';
import { useZaf } from '../../zaf/ZafProvider';
import type { ContactPanel } from '../components/ContactPanel';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SidebarRoot } from '../components/SidebarRoot';
import { useAsync } from '../hooks/useAsync';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n/I18nProvider';
import { useHerald } from '../herald';
import { lazyPart, PartSlot } from '../shell/lazyPart';
import type { ReengageSection } from '../ticket/ReengagePanel';
import { getSidebarTicket, type SidebarTicket } from '../../zaf/data';
import { SmsWindowNote, WindowPanel } from '../ticket/WindowPanel';

/**
 * Re-engagement (templates, mapping, preview, the sending engine) is most of the sidebar's code and
 * not what an agent reads first: it downloads once the channel and the window are shown.
 */
const reengagement = lazyPart<ComponentProps<typeof ReengageSection>>(() => import('../ticket/ReengagePanel').then((module) => module.ReengageSection));

/** The requester's contact panel (phone number rules, consent) comes right after the window too. */
const contactPanel = lazyPart<ComponentProps<typeof ContactPanel>>(() => import('../components/ContactPanel').then((module) => module.ContactPanel), { strings: 'first' });

const CHANNEL_HUE = { whatsapp: 'successHue', sms: 'blue', 'other-messaging': 'grey', 'not-messaging': 'grey' } as const;

/**
 * On a ticket: which channel it came from; on WhatsApp, the customer's 24-hour window, live; the
 * requester and whether they can be messaged; and, on WhatsApp and SMS, re-engagement with an
 * approved template (suggested when the window is closed).
 */
export function TicketSidebarApp() {
  const { t } = useI18n();
  const { client } = useZaf();
  const { base } = useHerald();
  const root = useRef<HTMLElement>(null);
  useAutoResize(client, root);

  const state = useAsync(async () => {
    const ticket = await getSidebarTicket(client);
    const channel = ticketChannelOf(ticket.via);
    // A messaging ticket's conversation is read alongside its requester, not after: MessagingTicket
    // takes the answer (and shows its failure, with its own retry).
    const conversation = channel === 'whatsapp' || channel === 'sms' ? ticketComments(base, ticket.id) : undefined;
    conversation?.catch(() => undefined);
    const requester = ticket.requester ? await showUser(base, ticket.requester.id) : undefined;
    return { ticket, channel, requester, conversation };
  }, [client, base]);

  return (
    <SidebarRoot ref={root} aria-label={t('ticket.label')}>
      {state.status === 'loading' && <Loading label={t('ticket.loading')} />}
      {state.status === 'error' && <ErrorNotice error={state.error} title={t('ticket.failed')} onRetry={state.reload} />}
      {state.status === 'success' && (
        <>
          <div data-herald-content="channel" data-herald-channel={state.data.channel}>
            <Tag hue={CHANNEL_HUE[state.data.channel]}>{t(`ticket.channel.${state.data.channel}`)}</Tag>
          </div>
          {state.data.channel === 'whatsapp' || state.data.channel === 'sms' ? (
            <MessagingTicket
              ticket={state.data.ticket}
              channel={state.data.channel}
              requester={state.data.requester}
              conversation={state.data.conversation}
            />
          ) : (
            <Requester user={state.data.requester} />
          )}
        </>
      )}
    </SidebarRoot>
  );
}

function Requester({ user }: { user: ZendeskUser | undefined }) {
  const { t } = useI18n();
  return user ? <PartSlot part={contactPanel} props={{ user }} /> : <SM>{t('ticket.noRequester')}</SM>;
}

interface MessagingTicketProps {
  ticket: SidebarTicket;
  channel: 'whatsapp' | 'sms';
  requester: ZendeskUser | undefined;
  /** The conversation's first read, already under way; a retry reads it again. */
  conversation: Promise<TicketComment[]> | undefined;
}

/** A WhatsApp or SMS ticket: its conversation (who wrote last, and when), the requester, re-engagement. */
function MessagingTicket({ ticket, channel, requester, conversation: firstRead }: MessagingTicketProps) {
  const { t } = useI18n();
  const { settings, currentUser } = useZaf();
  const { base } = useHerald();
  const pending = useRef(firstRead);
  const conversation = useAsync(() => {
    const read = pending.current ?? ticketComments(base, ticket.id);
    pending.current = undefined;
    return read;
  }, [base, ticket.id]);
  const requesterId = requester?.id;
  const messages = useMemo(() => ticketConversation(conversation.data ?? [], requesterId), [conversation.data, requesterId]);
  const warningMinutes = settings.ok ? settings.settings.windowWarningMinutes : DEFAULT_WARNING_MINUTES;
  // Coarse on purpose: only whether to suggest re-engaging, not the countdown (the panel ticks on its own).
  const now = useNow(30_000);
  const windowState = messagingWindow(messages, now, warningMinutes).state;
  const suggested = channel === 'whatsapp' && (windowState === 'closed' || windowState === 'no-customer-message');

  return (
    <>
      {conversation.status === 'loading' && <Loading label={t('ticket.window.loading')} />}
      {conversation.status === 'error' && <ErrorNotice error={conversation.error} title={t('ticket.window.failed')} onRetry={conversation.reload} />}
      {conversation.status === 'success' && (
        <div data-herald-content="window" style={{ display: 'contents' }}>
          {channel === 'whatsapp' ? <WindowPanel messages={messages} warningMinutes={warningMinutes} /> : <SmsWindowNote />}
        </div>
      )}
      {/* After the window: the contact panel's code (phone number rules) must not hold it up. */}
      {conversation.status !== 'loading' && <Requester user={requester} />}
      {requester && settings.ok && conversation.status === 'success' && (
        <PartSlot
          part={reengagement}
          props={{
            ticket: {
              facts: {
                id: ticket.id,
                subject: ticket.subject,
                requesterName: requester.name,
                assigneeName: ticket.assignee?.user?.name,
                agentName: currentUser.name,
              },
              channel,
              businessNumber: businessNumberOf(ticket.via),
              customerWrote: customerWrote(conversation.data, requester.id),
            },
            requester,
            settings: settings.settings,
            suggested,
          }}
        />
      )}
    </>
  );
}
