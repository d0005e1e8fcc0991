import { SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { SmsPreview } from '../../core/template/preview';
import { useI18n } from '../i18n/I18nProvider';

const Phone = styled.div`
  background: #f2f2f7;
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
`;

const Bubble = styled.div`
  background: #e5e5ea;
  color: #000000;
  border-radius: 16px;
  padding: ${(p) => p.theme.space.xs} ${(p) => p.theme.space.sm};
  max-width: 340px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
`;

/** A template as an SMS: plain text, with what it costs in segments. */
export function SmsBubble({ preview }: { preview: SmsPreview }) {
  const { t } = useI18n();
  return (
    <Phone aria-label={t('templates.preview.smsLabel')} role="figure">
      <Bubble>{preview.text}</Bubble>
      <SM role="status">
        {t('templates.preview.smsFacts', {
          encoding: preview.encoding,
          segments: preview.segments,
          characters: preview.characters,
          left: preview.charactersLeft,
        })}
      </SM>
      {preview.encoding === 'UCS-2' && preview.nonGsmCharacters.length > 0 && (
        <SM>{t('templates.preview.ucs2Because', { characters: preview.nonGsmCharacters.join(' ') })}</SM>
      )}
    </Phone>
  );
}
