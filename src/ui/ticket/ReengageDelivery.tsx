import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import { useCallback, useEffect, useState } from 'react';
import styled from 'styled-components';
import { readRecipientDelivery } from '../../app/campaigns/delivery';
import { deliveryStateOf, type DeliveryState, type RecipientDelivery } from '../../core/delivery/deliveryState';
import { laterFailureWords } from '../campaigns/deliveryWords';
import { useHerald } from '../herald';
import { usePolling } from '../hooks/usePolling';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';

/** Right after a send, what WhatsApp says of it is read this often, for this long (then the agent reopens the ticket). */
const POLL_MS = 5_000;
const WATCH_MS = 5 * 60 * 1000;

/** WhatsApp's own marks: one grey tick accepted, two delivered, two blue read. */
const Ticks = styled.span<{ $state: DeliveryState }>`
  font-weight: ${(p) => p.theme.fontWeights.bold};
  margin-right: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: p.$state === 'read' ? 'foreground.primary' : p.$state === 'failed' ? 'foreground.danger' : 'foreground.subtle' })};
`;

const GLYPH: Record<DeliveryState, string> = { accepted: '✓', delivered: '✓✓', read: '✓✓', failed: '✕' };

/**
 * The re-engagement's message as WhatsApp reports it, live for a few minutes after the send:
 * accepted ✓, delivered ✓✓, read (blue ✓✓), or failed and why. The marks are for the eye; the
 * words say the same for a screen reader.
 */
export function ReengageDelivery({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const { base } = useHerald();
  const [watching, setWatching] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setWatching(false), WATCH_MS);
    return () => clearTimeout(timer);
  }, [campaignId]);
  const load = useCallback(() => readRecipientDelivery(base, campaignId, 0), [base, campaignId]);
  const read = usePolling<RecipientDelivery | undefined>(load, { everyMs: POLL_MS, active: watching });
  const heard = read.status === 'success' && read.data ? read.data : undefined;
  const state = heard ? deliveryStateOf(heard) : 'accepted';
  // Read and failed are final: nothing more to wait for.
  const final = state === 'read' || state === 'failed';
  return (
    <div data-herald-delivery={state}>
      <SM role="status" aria-live="polite">
        <Ticks $state={state} aria-hidden="true">
          {GLYPH[state]}
        </Ticks>
        {stateWords(t, state, heard)}
      </SM>
      {!final && <SM>{t(watching ? 'delivery.ticket.watching' : 'delivery.ticket.stopped')}</SM>}
    </div>
  );
}

function stateWords(t: Translate, state: DeliveryState, heard: RecipientDelivery | undefined): string {
  if (state === 'failed') return t('delivery.ticket.failed', { reason: laterFailureWords(t, heard?.code) });
  return t(`delivery.ticket.${state}`);
}
