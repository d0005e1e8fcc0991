import { Button } from '@zendeskgarden/react-buttons';
import { useState } from 'react';
import styled from 'styled-components';
import type { TemplateContent } from '../../core/template/meta';
import { smsPreview, whatsAppPreview } from '../../core/template/preview';
import { useI18n } from '../i18n/I18nProvider';
import { SmsBubble } from './SmsBubble';
import { WhatsAppBubble } from './WhatsAppBubble';

export type PreviewChannel = 'whatsapp' | 'sms';

const Switch = styled.div`
  display: flex;
  gap: ${(p) => p.theme.space.xs};
  margin-bottom: ${(p) => p.theme.space.sm};
`;

/** The WhatsApp / SMS preview toggle, as in Relay. */
export function TemplatePreview({ content, initial = 'whatsapp' }: { content: TemplateContent; initial?: PreviewChannel }) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<PreviewChannel>(initial);
  return (
    <section aria-label={t('templates.preview.title')}>
      <Switch role="group" aria-label={t('templates.preview.switch')}>
        {(['whatsapp', 'sms'] as const).map((option) => (
          <Button key={option} size="small" isPrimary={channel === option} aria-pressed={channel === option} onClick={() => setChannel(option)}>
            {t(`templates.preview.${option}`)}
          </Button>
        ))}
      </Switch>
      {channel === 'whatsapp' ? <WhatsAppBubble preview={whatsAppPreview(content)} /> : <SmsBubble preview={smsPreview(content.body)} />}
    </section>
  );
}
