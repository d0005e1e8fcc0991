import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { LG, MD, Paragraph, SM } from '@zendeskgarden/react-typography';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import type { CostEstimate } from '../../core/campaign/cost';
import { estimateDuration } from '../../core/campaign/duration';
import { EXCLUSION_REASONS } from '../../core/campaign/eligibility';
import type { TemplateSlot } from '../../core/campaign/mapping';
import { sampleRecipients, type Recipient } from '../../core/campaign/plan';
import { renderRecipientContent } from '../../core/campaign/render';
import type { tierCheck } from '../../core/campaign/tier';
import type { TemplateContent } from '../../core/template/meta';
import { smsPreview, whatsAppPreview } from '../../core/template/preview';
import type { PlannedSend } from '../../store/audiencePlanner';
import { useZaf } from '../../zaf/ZafProvider';
import { useI18n } from '../i18n/I18nProvider';
import { SmsBubble } from '../templates/SmsBubble';
import { WhatsAppBubble } from '../templates/WhatsAppBubble';
import { CsvSeparatorField, useCsvSeparator } from '../components/CsvSeparatorField';
import { downloadText } from './download';
import { exclusionCsv } from './exclusionCsv';
import { heardDetail, heldUntil, learnedWhen } from './heardWords';
import { formatMinimumDuration } from './formatDuration';
import { regionName } from './regionName';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import { dateTimeFormatter } from '../i18n/dateTimeFormat';
import { costTotalText } from './costTotal';

const Figures = styled.dl`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
  gap: ${(p) => p.theme.space.md};
  margin: 0;

  & dd {
    margin: 0;
    font-size: ${(p) => p.theme.fontSizes.xl};
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
`;

const Previews = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
  gap: ${(p) => p.theme.space.md};
`;

interface PlanViewProps {
  planned: PlannedSend;
  content: TemplateContent;
  slots: readonly TemplateSlot[];
  cost: CostEstimate;
  tier: ReturnType<typeof tierCheck>;
  sendRate: number;
}

/** The send plan: who gets the message, who does not and why, what it costs, how long it takes. */
export function PlanView({ planned, content, slots, cost, tier, sendRate }: PlanViewProps) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const [separator] = useCsvSeparator();
  const { context } = useZaf();
  const { plan } = planned;
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: 'currency', currency: cost.currency, maximumFractionDigits: 2 }), [locale, cost.currency]);
  const unit = useMemo(() => new Intl.NumberFormat(locale, { style: 'currency', currency: cost.currency, maximumFractionDigits: 4 }), [locale, cost.currency]);
  const duration = estimateDuration(plan.recipients.size, sendRate);

  return (
    <section aria-label={t('plan.title')}>
      <LG tag="h3" isBold>
        {t('plan.title')}
      </LG>
      <Figures>
        <div>
          <dt>{t('plan.recipients')}</dt>
          <dd>{formatNumber(plan.recipients.size)}</dd>
        </div>
        <div>
          <dt>{t('plan.audience')}</dt>
          <dd>{formatNumber(plan.audienceSize)}</dd>
        </div>
        <div>
          <dt>{t('plan.cost')}</dt>
          <dd>{costTotalText(t, money, cost)}</dd>
        </div>
        <div>
          <dt>{t('plan.duration', { rate: sendRate })}</dt>
          <dd>{formatMinimumDuration(duration.seconds, t)}</dd>
        </div>
      </Figures>
      <Paragraph>{t('plan.repaired', { count: plan.repairedPhones })}</Paragraph>

      {planned.listsUnavailable && <Warning title={t('plan.warnings.listsTitle')} body={t('plan.warnings.lists')} />}
      {planned.blackoutUnavailable && <Warning title={t('plan.warnings.blackoutTitle')} body={t('plan.warnings.blackout')} />}
      {plan.template.channel === 'whatsapp' && tier.exceeds && (
        <Warning title={t('plan.warnings.tierTitle')} body={t('plan.warnings.tier', { recipients: plan.recipients.size, limit: tier.limit ?? 0 })} />
      )}
      {plan.template.channel === 'whatsapp' && tier.tier === undefined && <Paragraph>{t('plan.warnings.tierUnknown')}</Paragraph>}

      <MD tag="h4" isBold>
        {t('plan.exclusions')}
      </MD>
      <CsvSeparatorField />
      <Table size="small" aria-label={t('plan.exclusions')}>
        <Head>
          <HeaderRow>
            <HeaderCell>{t('plan.reason')}</HeaderCell>
            <HeaderCell>{t('plan.count')}</HeaderCell>
            <HeaderCell>{t('plan.list')}</HeaderCell>
          </HeaderRow>
        </Head>
        <Body>
          {EXCLUSION_REASONS.map((reason) => {
            const exclusion = plan.exclusions[reason];
            return (
              <Row key={reason}>
                <Cell>
                  {t(`exclusion.${reason}`)}
                  <SM>{t(`exclusionHelp.${reason}`)}</SM>
                  {reason === 'marketing-limit' && exclusion.count > 0 && <SM>{t('plan.heard.heldUntil', { at: formatDateTime(heldUntil(exclusion) ?? 0) })}</SM>}
                  {reason === 'not-on-whatsapp' && exclusion.count > 0 && <SM>{learnedWhen(t, formatDateTime, exclusion)}</SM>}
                </Cell>
                <Cell>{formatNumber(exclusion.count)}</Cell>
                <Cell>
                  <Button
                    size="small"
                    disabled={exclusion.count === 0}
                    onClick={() => downloadText(`herald-excluded-${reason}.csv`, exclusionCsv(exclusion.entries, context.account.subdomain, separator, (entry) => heardDetail(t, formatDateTime, entry)))}
                    aria-label={t('plan.download', { reason: t(`exclusion.${reason}`) })}
                  >
                    {t('plan.downloadShort')}
                  </Button>
                </Cell>
              </Row>
            );
          })}
        </Body>
      </Table>

      <MD tag="h4" isBold>
        {t('plan.costByCountry')}
      </MD>
      <Table size="small" aria-label={t('plan.costByCountry')}>
        <Head>
          <HeaderRow>
            <HeaderCell>{t('plan.country')}</HeaderCell>
            <HeaderCell>{t('plan.recipients')}</HeaderCell>
            <HeaderCell>{t('plan.unitPrice')}</HeaderCell>
            <HeaderCell>{t('plan.subtotal')}</HeaderCell>
          </HeaderRow>
        </Head>
        <Body>
          {cost.rows.map((row) => (
            <Row key={row.country ?? 'unknown'}>
              <Cell>{row.country ? regionName(row.country, locale) : t('plan.unknownCountry')}</Cell>
              <Cell>{formatNumber(row.recipients)}</Cell>
              <Cell>{row.unitPrice === undefined ? t('plan.noPrice') : `${unit.format(row.unitPrice)}${row.basis === 'other' ? ` ${t('plan.otherRate')}` : ''}`}</Cell>
              <Cell>{row.subtotal === undefined ? '—' : money.format(row.subtotal)}</Cell>
            </Row>
          ))}
        </Body>
      </Table>
      <SM>{t('plan.costNote')}</SM>
      {cost.ratesAsOf && (
        <SM>
          {t('plan.ratesAsOf', {
            date: dateTimeFormatter(locale, { dateStyle: 'long', timeZone: 'UTC' })(Date.parse(`${cost.ratesAsOf}T00:00:00Z`)),
          })}
        </SM>
      )}

      {plan.recipients.size > 0 && <RecipientPreviews planned={planned} content={content} slots={slots} />}
    </section>
  );
}

function Warning({ title, body }: { title: string; body: string }) {
  return (
    <Alert type="warning">
      <Title>{title}</Title>
      <AlertText>{body}</AlertText>
    </Alert>
  );
}

/** The message as one chosen recipient, or a few random ones, will read it. */
function RecipientPreviews({ planned, content, slots }: { planned: PlannedSend; content: TemplateContent; slots: readonly TemplateSlot[] }) {
  const { t, formatNumber } = useI18n();
  const { plan } = planned;
  const [position, setPosition] = useState('1');
  const [random, setRandom] = useState<Recipient[]>([]);
  const index = Number(position) - 1;
  const chosen = Number.isInteger(index) && index >= 0 && index < plan.recipients.size ? plan.recipients.at(index) : undefined;

  const bubble = (recipient: Recipient) => {
    const filled = renderRecipientContent(content, slots, recipient.values);
    return plan.template.channel === 'whatsapp' ? <WhatsAppBubble preview={whatsAppPreview(filled)} /> : <SmsBubble preview={smsPreview(filled.body)} />;
  };

  return (
    <section aria-label={t('plan.preview.title')}>
      <MD tag="h4" isBold>
        {t('plan.preview.title')}
      </MD>
      <Field>
        <Field.Label>{t('plan.preview.position', { total: formatNumber(plan.recipients.size) })}</Field.Label>
        <Input type="number" min={1} max={plan.recipients.size} value={position} onChange={(event) => setPosition(event.target.value)} />
      </Field>
      {chosen ? (
        <>
          <SM>{t('plan.preview.recipient', { user: String(chosen.userId), phone: formatPhoneForDisplay(chosen.phone) })}</SM>
          {bubble(chosen)}
        </>
      ) : (
        <Paragraph role="alert">{t('plan.preview.outOfRange', { total: plan.recipients.size })}</Paragraph>
      )}
      <p>
        <Button size="small" onClick={() => setRandom(sampleRecipients(plan, 3, Math.random))}>
          {t('plan.preview.random')}
        </Button>
      </p>
      {random.length > 0 && (
        <Previews>
          {random.map((recipient) => (
            <div key={recipient.userId}>
              <SM>{t('plan.preview.recipient', { user: String(recipient.userId), phone: formatPhoneForDisplay(recipient.phone) })}</SM>
              {bubble(recipient)}
            </div>
          ))}
        </Previews>
      )}
    </section>
  );
}
