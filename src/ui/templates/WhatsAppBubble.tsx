import { getColor } from '@zendeskgarden/react-theming';
import { useState } from 'react';
import styled from 'styled-components';
import type { WhatsAppPreview } from '../../core/template/preview';
import { useI18n } from '../i18n/I18nProvider';
import { FormattedText } from './FormattedText';

const Backdrop = styled.div`
  background: #efeae2;
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
`;

const Bubble = styled.div`
  background: #ffffff;
  border-radius: 8px;
  max-width: 340px;
  box-shadow: 0 1px 1px rgba(0, 0, 0, 0.12);
  overflow: hidden;
`;

const Content = styled.div`
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  color: #111b21;
`;

const HeaderText = styled.div`
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  margin-bottom: ${(p) => p.theme.space.xxs};
`;

const Footer = styled.div`
  color: #667781;
  font-size: ${(p) => p.theme.fontSizes.sm};
  margin-top: ${(p) => p.theme.space.xxs};
`;

const Media = styled.div`
  background: ${(p) => getColor({ theme: p.theme, variable: 'background.subtle' })};
  min-height: 120px;
  display: flex;
  align-items: center;
  justify-content: center;
  text-align: center;
  /* WhatsApp's darker secondary grey: its usual #667781 is under 4.5:1 on this background. */
  color: #54656f;
  font-size: ${(p) => p.theme.fontSizes.sm};
  overflow-wrap: anywhere;

  & img {
    display: block;
    width: 100%;
    max-height: 220px;
    object-fit: cover;
  }
`;

const Buttons = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;

  & li {
    border-top: 1px solid #e9edef;
    color: #027eb5;
    text-align: center;
    padding: ${(p) => p.theme.space.xs};
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
`;

function MediaHeader({ kind, url }: { kind: 'image' | 'document' | 'video'; url: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (kind === 'image' && url && !failed) {
    return (
      <Media>
        <img src={url} alt={t('templates.preview.headerImage')} onError={() => setFailed(true)} />
      </Media>
    );
  }
  return <Media>{t(`templates.preview.media.${kind}`, { url: url || '—' })}</Media>;
}

/** A template as the customer sees it in WhatsApp. */
export function WhatsAppBubble({ preview }: { preview: WhatsAppPreview }) {
  const { t } = useI18n();
  return (
    <Backdrop aria-label={t('templates.preview.whatsappLabel')} role="figure">
      <Bubble>
        {preview.header && preview.header.kind !== 'text' && <MediaHeader kind={preview.header.kind} url={preview.header.url} />}
        <Content>
          {preview.header?.kind === 'text' && (
            <HeaderText>
              <FormattedText nodes={preview.header.nodes} />
            </HeaderText>
          )}
          <div>
            <FormattedText nodes={preview.body} />
          </div>
          {preview.footer && <Footer>{preview.footer}</Footer>}
        </Content>
        {preview.buttons.length > 0 && (
          <Buttons>
            {preview.buttons.map((button, index) => (
              <li key={index} title={button.target}>
                {button.text}
              </li>
            ))}
          </Buttons>
        )}
      </Bubble>
    </Backdrop>
  );
}
