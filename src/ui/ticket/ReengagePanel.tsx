import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import styled from 'styled-components';
import type { MessagingIntegration } from '../../api/sunshine/integrations';
import { OrganizationsClient } from '../../api/zendesk/organizations';
import { TicketsClient } from '../../api/zendesk/tickets';
import type { ZendeskUser } from '../../api/zendesk/users';
import type { ExclusionReason } from '../../core/campaign/eligibility';
import { defaultMappings, mappingProblems, mappingsForChannel, templateSlots, type SlotMapping } from '../../core/campaign/mapping';
import { integrationOfTicket, TICKET_FIELDS, type TicketFacts } from '../../core/campaign/reengagement';
import { renderRecipientContent } from '../../core/campaign/render';
import { templateOffers } from '../../core/campaign/templateOffers';
import { BlackoutLogStore } from '../../store/blackoutLog';
import { HeraldObjectsMissingError } from '../../store/objectGuard';
import type { HeraldSettings } from '../../core/settings/settings';
import { useZaf } from '../../zaf/ZafProvider';
import { MappingEditor } from '../audiences/MappingEditor';
import { tabSessionId } from '../campaigns/campaignEngine';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SetupNotice } from '../components/SetupNotice';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { useServices } from '../services';
import { languageName } from '../templates/languageName';
import { TemplatePreview } from '../templates/TemplatePreview';
import { useTemplateCatalogue } from '../templates/useTemplateCatalogue';
import { reengagementOutcomeMessage } from './outcomeMessage';
import { addNote, assessReengagement, loadSendGuard, reengage, type ReengageResult, type ReengageStage, type ReengageTarget } from './reengage';
import { requesterAsRecipient } from './ticketData';

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
`;

const Form = styled.form`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.sm};
`;

const Reasons = styled.ul`
  margin: 0;
  padding-left: ${(p) => p.theme.space.md};
`;

type Attempt =
  | { status: 'idle' }
  | { status: 'running'; stage: ReengageStage }
  | { status: 'done'; result: ReengageResult }
  | { status: 'failed'; error: unknown };

export interface ReengageTicket {
  facts: TicketFacts;
  channel: 'whatsapp' | 'sms';
  /** The business number the customer wrote to, to preselect the sender. */
  businessNumber: string | undefined;
  customerWrote: boolean;
}

interface ReengageSectionProps {
  ticket: ReengageTicket;
  requester: ZendeskUser;
  settings: HeraldSettings;
  /** Open at first: the window is closed (or never opened), so only a template reaches the customer. */
  suggested: boolean;
}

/** Re-engage the requester with an approved template: a compact form, open on demand or when the window is closed. */
export function ReengageSection({ ticket, requester, settings, suggested }: ReengageSectionProps) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState<boolean | undefined>(undefined);
  const open = expanded ?? suggested;
  const titleId = useId();
  const formId = useId();
  return (
    <Section aria-labelledby={titleId}>
      <MD tag="h2" isBold id={titleId}>
        {t('ticket.reengage.title')}
      </MD>
      <div>
        <Button size="small" isPrimary={!open} aria-expanded={open} {...(open ? { 'aria-controls': formId } : {})} onClick={() => setExpanded(!open)}>
          {t('ticket.reengage.toggle')}
        </Button>
      </div>
      {open && (
        <div id={formId}>
          <ReengageForm ticket={ticket} requester={requester} settings={settings} />
        </div>
      )}
    </Section>
  );
}

function ReengageForm({ ticket, requester, settings }: { ticket: ReengageTicket; requester: ZendeskUser; settings: HeraldSettings }) {
  const { t, locale } = useI18n();
  const { currentUser } = useZaf();
  const services = useServices();
  const { transport, contactLists, integrations, userFields } = services;
  const extra = useMemo(
    () => ({ tickets: new TicketsClient(transport), blackoutLog: new BlackoutLogStore(transport), organizations: new OrganizationsClient(transport) }),
    [transport],
  );
  const name = requester.name ?? t('contact.unnamed');

  const channels = useAsync(() => (integrations ? integrations.listMessaging() : Promise.resolve([])), [integrations]);
  const catalogue = useTemplateCatalogue(channels.data);
  const fields = useAsync(() => userFields.list(), [userFields]);
  const guard = useAsync(async () => {
    const organizationId = typeof requester.organization_id === 'number' ? requester.organization_id : undefined;
    const [loaded, organizationName] = await Promise.all([
      loadSendGuard({ contactLists, blackoutLog: extra.blackoutLog }, settings, requesterAsRecipient(requester), Date.now()),
      organizationId === undefined ? Promise.resolve(null) : extra.organizations.names([organizationId]).then((names) => names.get(organizationId) ?? null, () => null),
    ]);
    return { guard: loaded, organizationName };
  }, [contactLists, extra, settings, requester]);

  const [templateKey, setTemplateKey] = useState<string | undefined>();
  const [integrationId, setIntegrationId] = useState<string | undefined>();
  const [mappings, setMappings] = useState<SlotMapping[]>([]);
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });
  const resultTitle = useRef<HTMLSpanElement>(null);
  // "Send another" goes away with the outcome: the template field takes the focus once the form is back.
  const focusTemplate = useRef(false);
  useEffect(() => {
    if (attempt.status === 'done') resultTitle.current?.focus();
  }, [attempt.status]);

  const ownChannels = (channels.data ?? []).filter((channel) => channel.channel === ticket.channel);
  const offers = templateOffers(catalogue.data?.templates ?? [], ownChannels);
  const offer = offers.find((candidate) => candidate.template.key === templateKey);
  const chosen = offer?.integrations.find((candidate) => candidate.integration.id === integrationId);
  const slots = chosen ? templateSlots(chosen.entry.content) : [];
  const problems = chosen ? mappingProblems(slots, mappings, { ticketAvailable: true }) : [];
  const recipient = useMemo(() => {
    const user = requesterAsRecipient(requester);
    return guard.data?.organizationName ? { ...user, organizationName: guard.data.organizationName } : user;
  }, [requester, guard.data]);
  const target: ReengageTarget = { ticket: ticket.facts, requester: recipient, customerWrote: ticket.customerWrote };
  const assessment = chosen && offer && guard.data ? assessReengagement(target, { template: offer.template, slots, mappings }, guard.data.guard, settings) : undefined;

  const chooseTemplate = (key: string) => {
    const next = offers.find((candidate) => candidate.template.key === key);
    const candidates = next?.integrations ?? [];
    const only = candidates.length === 1 ? candidates[0] : undefined;
    const matched = only ?? integrationOfTicket(candidates.map((candidate) => ({ ...candidate, senderNumber: candidate.integration.senderNumber })), ticket.businessNumber);
    setTemplateKey(key || undefined);
    setIntegrationId(matched?.integration.id);
    setMappings(matched ? defaultMappings(templateSlots(matched.entry.content)) : []);
  };

  const chooseIntegration = (id: string) => {
    const entry = offer?.integrations.find((candidate) => candidate.integration.id === id)?.entry;
    const nextSlots = entry ? templateSlots(entry.content) : [];
    setIntegrationId(id || undefined);
    setMappings((current) => mappingsForChannel(current, nextSlots));
  };

  const send = async () => {
    if (!offer || !chosen) return;
    setAttempt({ status: 'running', stage: 'checking' });
    try {
      const result = await reengage(
        { ...services, ...extra, settings, agent: { id: currentUser.id, name: currentUser.name }, sessionId: tabSessionId(), otherTabLabel: t('campaigns.page.otherTab') },
        target,
        { template: offer.template, integration: chosen.integration, entry: chosen.entry, slots, mappings },
        { t, locale },
        (stage) => setAttempt({ status: 'running', stage }),
      );
      setAttempt({ status: 'done', result });
    } catch (error) {
      setAttempt({ status: 'failed', error });
    }
  };

  if (channels.status === 'error') return <ErrorNotice error={channels.error} title={t('ticket.reengage.loadFailed')} onRetry={channels.reload} />;
  if (catalogue.status === 'error') return <ErrorNotice error={catalogue.error} title={t('ticket.reengage.loadFailed')} onRetry={catalogue.reload} />;
  if (guard.status === 'error') {
    if (guard.error instanceof HeraldObjectsMissingError) {
      // The SMS templates live in one of the objects too: the catalogue is read again with the lists.
      const reload = () => {
        guard.reload();
        catalogue.reload();
      };
      return <SetupNotice title={t('ticket.reengage.setupTitle')} body={t('ticket.reengage.setupBody')} onDone={reload} />;
    }
    return <ErrorNotice error={guard.error} title={t('ticket.reengage.guardFailed')} onRetry={guard.reload} />;
  }
  if (channels.status === 'loading' || catalogue.status === 'loading') return <Loading label={t('ticket.reengage.loading')} />;
  if (guard.status === 'loading') return <Loading label={t('ticket.reengage.guardLoading')} />;

  if (attempt.status === 'done' && attempt.result.status === 'finished') {
    return (
      <ResultView
        result={attempt.result}
        name={name}
        ticketId={ticket.facts.id}
        tickets={extra.tickets}
        titleRef={resultTitle}
        onAgain={() => {
          // What was just sent is in the blackout log now: the next check reads it.
          focusTemplate.current = true;
          setAttempt({ status: 'idle' });
          guard.reload();
        }}
      />
    );
  }
  if (attempt.status === 'failed' && attempt.error instanceof HeraldObjectsMissingError) {
    return <SetupNotice title={t('ticket.reengage.setupTitle')} body={t('ticket.reengage.setupBody')} onDone={() => setAttempt({ status: 'idle' })} />;
  }
  if (offers.length === 0) return <SM>{t(`ticket.reengage.none.${ticket.channel}`)}</SM>;

  const values = assessment?.evaluation.values;
  const preview = chosen ? (values ? renderRecipientContent(chosen.entry.content, slots, values) : chosen.entry.content) : undefined;
  const refused: ExclusionReason[] | undefined =
    attempt.status === 'done' && attempt.result.status === 'refused'
      ? attempt.result.reasons
      : assessment && !assessment.decision.allowed
        ? assessment.decision.reasons
        : undefined;
  const waived = assessment?.decision.allowed === true && assessment.decision.waived.length > 0;
  const running = attempt.status === 'running';

  return (
    <Form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <SM>{t('ticket.reengage.intro', { name })}</SM>
      <Field>
        <Field.Label>{t('ticket.reengage.template')}</Field.Label>
        <Field.Hint>{t(`ticket.reengage.templateHint.${ticket.channel}`)}</Field.Hint>
        <Select
          ref={(element) => {
            if (element && focusTemplate.current) {
              focusTemplate.current = false;
              element.focus();
            }
          }}
          value={templateKey ?? ''}
          onChange={(event) => chooseTemplate(event.target.value)}
          disabled={running}
        >
          <option value="">{t('ticket.reengage.chooseTemplate')}</option>
          {offers.map((candidate) => (
            <option key={candidate.template.key} value={candidate.template.key}>
              {t('ticket.reengage.templateOption', { name: candidate.template.name, language: languageName(candidate.template.language, locale) })}
            </option>
          ))}
        </Select>
      </Field>
      {offer && offer.integrations.length > 1 && (
        <Field>
          <Field.Label>{t('ticket.reengage.sender')}</Field.Label>
          <Select value={integrationId ?? ''} onChange={(event) => chooseIntegration(event.target.value)} disabled={running}>
            <option value="">{t('ticket.reengage.chooseSender')}</option>
            {offer.integrations.map(({ integration }) => (
              <option key={integration.id} value={integration.id}>
                {senderName(integration)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && (
        <MappingEditor
          slots={slots}
          mappings={mappings}
          onChange={setMappings}
          customFields={fields.data ?? []}
          problems={problems}
          compact
          ticketFields={{ label: t('ticket.fieldsGroup'), fields: TICKET_FIELDS.map((field) => ({ field, label: t(`ticket.field.${field}`) })) }}
        />
      )}
      {preview && chosen && <TemplatePreview key={`${chosen.integration.id}:${offer?.template.key ?? ''}`} content={preview} initial={ticket.channel} />}
      {refused && <Refusal reasons={refused} name={name} t={t} />}
      {waived && (
        <Alert type="info" role="status">
          <AlertText>{t('ticket.reengage.waived', { name })}</AlertText>
        </Alert>
      )}
      <div>
        <Button type="submit" isPrimary disabled={!chosen || problems.length > 0 || refused !== undefined || running}>
          {t('ticket.reengage.send', { name })}
        </Button>
      </div>
      {running && <Loading label={t(`ticket.reengage.stage.${attempt.stage}`)} />}
      {attempt.status === 'failed' && <ErrorNotice error={attempt.error} title={t('ticket.reengage.failed')} />}
    </Form>
  );
}

function senderName(integration: MessagingIntegration): string {
  return integration.displayName ?? integration.id;
}

/** Why the requester cannot receive the template: each reason with what to do about it (the plan's own words). */
function Refusal({ reasons, name, t }: { reasons: readonly ExclusionReason[]; name: string; t: Translate }) {
  return (
    <Alert type="warning" role="status">
      <Title>{t('ticket.reengage.refused', { name })}</Title>
      <Reasons>
        {reasons.map((reason) => (
          <li key={reason}>
            <SM>{t('ticket.reengage.reason', { reason: t(`exclusion.${reason}`), help: t(`exclusionHelp.${reason}`) })}</SM>
          </li>
        ))}
      </Reasons>
    </Alert>
  );
}

type Finished = Extract<ReengageResult, { status: 'finished' }>;

/** What became of the send, the note on the ticket (with a retry when it failed), and a way to send another. */
function ResultView({
  result,
  name,
  ticketId,
  tickets,
  titleRef,
  onAgain,
}: {
  result: Finished;
  name: string;
  ticketId: number;
  tickets: TicketsClient;
  titleRef: RefObject<HTMLSpanElement>;
  onAgain: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState(result.note);
  const [retrying, setRetrying] = useState(false);
  const { outcome } = result;
  const type = outcome.kind === 'sent' ? 'success' : outcome.kind === 'unverified' ? 'warning' : 'error';
  const title = outcome.kind === 'sent' ? 'sent' : outcome.kind === 'unverified' ? 'unverified' : 'notSent';
  const retry = async () => {
    if (note.status !== 'failed') return;
    setRetrying(true);
    setNote(await addNote(tickets, ticketId, note.body));
    setRetrying(false);
  };
  return (
    <Section>
      <Alert type={type} role={type === 'success' ? 'status' : 'alert'}>
        <Title>
          <span ref={titleRef} tabIndex={-1}>
            {t(`ticket.reengage.result.${title}`)}
          </span>
        </Title>
        <AlertText>{outcome.kind === 'sent' ? t('ticket.reengage.sentHint', { name }) : reengagementOutcomeMessage(t, outcome)}</AlertText>
        <AlertText>{t('ticket.reengage.history', { name: result.campaignName })}</AlertText>
      </Alert>
      {note.status === 'added' ? (
        <SM role="status">{t('ticket.reengage.noteAdded')}</SM>
      ) : (
        <>
          <ErrorNotice error={note.error} title={t('ticket.reengage.noteFailed')} />
          <div>
            <Button size="small" onClick={() => void retry()} disabled={retrying}>
              {t('ticket.reengage.noteRetry')}
            </Button>
          </div>
        </>
      )}
      <div>
        <Button size="small" onClick={onAgain}>
          {t('ticket.reengage.again')}
        </Button>
      </div>
    </Section>
  );
}
