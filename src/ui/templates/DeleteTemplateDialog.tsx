import { Button } from '@zendeskgarden/react-buttons';
import { Body, Close, Footer, FooterItem, Header, Modal } from '@zendeskgarden/react-modals';
import { Paragraph } from '@zendeskgarden/react-typography';
import type { LogicalTemplate } from '../../core/template/catalogue';
import { useI18n } from '../i18n/I18nProvider';

interface DeleteTemplateDialogProps {
  template: LogicalTemplate;
  /** Where the name exists, every language included (Meta deletes by name). */
  places: string[];
  languages: string[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Deleting is by name, in every language, everywhere: say so before doing it. */
export function DeleteTemplateDialog({ template, places, languages, busy, onConfirm, onCancel }: DeleteTemplateDialogProps) {
  const { t } = useI18n();
  return (
    <Modal onClose={onCancel} aria-label={t('templates.delete.title', { name: template.name })}>
      <Header tag="h2" isDanger>
        {t('templates.delete.title', { name: template.name })}
      </Header>
      <Body>
        <Paragraph>{t('templates.delete.body', { name: template.name, places: places.join(', '), languages: languages.join(', ') })}</Paragraph>
        <Paragraph>{t('templates.delete.irreversible')}</Paragraph>
      </Body>
      <Footer>
        <FooterItem>
          <Button onClick={onCancel} isBasic>
            {t('common.cancel')}
          </Button>
        </FooterItem>
        <FooterItem>
          <Button isPrimary isDanger onClick={onConfirm} disabled={busy}>
            {t('templates.delete.confirm')}
          </Button>
        </FooterItem>
      </Footer>
      <Close aria-label={t('common.close')} />
    </Modal>
  );
}
