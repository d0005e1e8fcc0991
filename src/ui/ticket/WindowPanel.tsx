import { Tag } from '@zendeskgarden/react-tags';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import styled, { css } from 'styled-components';
import { countdownParts, messagingWindow, type ConversationMessage, type MessagingWindow } from '../../core/conversation/messagingWindow';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locale';

type Tone = 'success' | 'warning' | 'danger' | 'neutral';

const Box = styled.div<{ $tone: Tone }>`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xxs};
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: p.$tone === 'neutral' ? 'border.default' : `border.${p.$tone}` })};
  border-left-width: 4px;
  border-radius: ${(p) => p.theme.borderRadii.md};
  ${(p) =>
    p.$tone === 'warning' &&
    css`
      background-color: ${getColor({ theme: p.theme, variable: 'background.warning' })};
    `}
`;

const HUE: Record<Tone, string> = { success: 'successHue', warning: 'warningHue', danger: 'dangerHue', neutral: 'grey' };
const TONE: Record<MessagingWindow['state'], Tone> = { open: 'success', 'closing-soon': 'warning', closed: 'danger', 'no-customer-message': 'neutral' };

/** "2 days ago", "il y a 5 heures": how long the window has been closed. */
function ago(ms: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** ISO 8601 duration of the countdown, for `<time dateTime>`. */
function isoDuration({ hours, minutes, seconds }: { hours: number; minutes: number; seconds: number }): string {
  return `PT${hours}H${minutes}M${seconds}S`;
}

/**
 * WhatsApp's 24-hour window on this ticket, live: open with the time left (ticking every second),
 * closing soon under the admin's threshold (warning style), closed since when. The countdown is not
 * a live region: a screen reader reads it when the agent gets there, not every second.
 */
export function WindowPanel({ messages, warningMinutes }: { messages: readonly ConversationMessage[]; warningMinutes: number }) {
  const { t, locale, formatDateTime } = useI18n();
  const now = useNow(1000);
  const current = messagingWindow(messages, now, warningMinutes);
  const tone = TONE[current.state];
  return (
    <Box $tone={tone} role="group" aria-label={t('ticket.window.label')} data-window-state={current.state}>
      <div>
        <Tag hue={HUE[tone]}>{t(`ticket.window.state.${current.state}`)}</Tag>
      </div>
      {(current.state === 'open' || current.state === 'closing-soon') && (
        <>
          <Countdown remainingMs={current.remainingMs} />
          <SM>{t(current.state === 'open' ? 'ticket.window.closesAt' : 'ticket.window.closingSoon', { at: formatDateTime(current.closesAt) })}</SM>
        </>
      )}
      {current.state === 'closed' && (
        <>
          <SM isBold>{t('ticket.window.closedSince', { at: formatDateTime(current.closedAt), ago: ago(current.closedForMs, locale) })}</SM>
          <SM>{t('ticket.window.closedHint')}</SM>
        </>
      )}
      {current.state === 'no-customer-message' && <SM>{t('ticket.window.noCustomerMessage')}</SM>}
      {current.state !== 'no-customer-message' && <SM>{t('ticket.window.lastMessage', { at: formatDateTime(current.lastCustomerMessageAt) })}</SM>}
    </Box>
  );
}

const MARK = '\u0000';

/** "Closes in 21 h 59 min 58 s", the time in a `<time>` element, in the words of the translation. */
function Countdown({ remainingMs }: { remainingMs: number }) {
  const { t } = useI18n();
  const parts = countdownParts(remainingMs);
  const [before = '', after = ''] = t('ticket.window.closesIn', { time: MARK }).split(MARK);
  return (
    <SM isBold>
      {before}
      <time dateTime={isoDuration(parts)}>{t('ticket.window.countdown', { ...parts })}</time>
      {after}
    </SM>
  );
}

/** On an SMS ticket: no window to show, and why re-engagement still works. */
export function SmsWindowNote() {
  const { t } = useI18n();
  return (
    <Box $tone="neutral" role="group" aria-label={t('ticket.window.state.sms')}>
      <div>
        <Tag hue="grey">{t('ticket.window.state.sms')}</Tag>
      </div>
      <SM>{t('ticket.window.sms')}</SM>
    </Box>
  );
}
