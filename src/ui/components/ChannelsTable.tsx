import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { Tag } from '@zendeskgarden/react-tags';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import { useI18n } from '../i18n/I18nProvider';
import { channelName } from './channelName';

const STATUS_HUE = { active: 'successHue', inactive: 'grey', error: 'dangerHue', unknown: 'grey' } as const;

/** The WhatsApp numbers and SMS senders of the Conversations API app. */
export function ChannelsTable({ integrations, caption }: { integrations: MessagingIntegration[]; caption: string }) {
  const { t } = useI18n();
  return (
    <Table size="small" aria-label={caption}>
      <Head>
        <HeaderRow>
          <HeaderCell>{t('channels.name')}</HeaderCell>
          <HeaderCell>{t('channels.channel')}</HeaderCell>
          <HeaderCell>{t('channels.sender')}</HeaderCell>
          <HeaderCell>{t('channels.status')}</HeaderCell>
        </HeaderRow>
      </Head>
      <Body>
        {integrations.map((integration) => (
          <Row key={integration.id}>
            <Cell>{channelName(t, integration)}</Cell>
            <Cell>{t(`channels.type.${integration.type}`)}</Cell>
            <Cell>{integration.senderNumber ? formatPhoneForDisplay(integration.senderNumber) : t('channels.noSender')}</Cell>
            <Cell>
              <Tag hue={STATUS_HUE[integration.status]}>{t(`channels.state.${integration.status}`)}</Tag>
            </Cell>
          </Row>
        ))}
      </Body>
    </Table>
  );
}
