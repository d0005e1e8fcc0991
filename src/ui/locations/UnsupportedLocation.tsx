import { Paragraph } from '@zendeskgarden/react-typography';
import { SidebarRoot } from '../components/SidebarRoot';
import { useI18n } from '../i18n/I18nProvider';

export function UnsupportedLocation({ location }: { location: string }) {
  const { t } = useI18n();
  return (
    <SidebarRoot>
      <Paragraph>{t('shell.unsupportedLocation', { location })}</Paragraph>
    </SidebarRoot>
  );
}
