import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { Alert, Paragraph as AlertText, Title } from '@zendeskgarden/react-notifications';
import { MD, SM } from '@zendeskgarden/react-typography';
import { useEffect, useId, useMemo, useRef, useState, type ComponentProps, type RefObject } from 'react';
import styled from 'styled-components';
import type { ZendeskUser } from '../../api/zendesk/users';
import { HeraldObjectsMissingError } from '../../app/errors';
import {
  addReengagementNote,
  assessReengagement,
  loadSendGuard,
  organizationName,
  reengage,
  requesterAsRecipient,
  requesterValues,
  type ReengageResult,
  type ReengageStage,
  type ReengageTarget,
  type ReengageWords,
} from '../../app/reengage/reengage';
import { listChannels } from '../../app/templates/templates';
import type { ExclusionReason } from '../../core/campaign/eligibility';
import type { TemplateSlot } from '../../core/campaign/mapping';
import { TICKET_FIELDS, type TicketFacts } from '../../core/campaign/reengagement';
import { integrationOfTicket } from '../../core/contact/ticketChannel';
import { renderRecipientContent } from '../../core/campaign/render';
import type { HeraldSettings } from '../../core/settings/settings';
import { listUserFields } from '../../app/audience/audience';
import { MappingEditor } from '../audiences/MappingEditor';
import { previewValue } from '../audiences/mappingWords';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { SetupNotice } from '../components/SetupNotice';
import { useEnginePorts } from '../campaigns/useEnginePorts';
import { useAppContext } from '../herald';
import { useAsync } from '../hooks/useAsync';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import type { Locale } from '../i18n/locale';
import { languageName } from '../templates/languageName';
import { TemplatePreview } from '../templates/TemplatePreview';
import { useTemplateChoice } from '../templates/useTemplateChoice';
import { reengagementOutcomeMessage } from './outcomeMessage';
import { channelName } from '../components/channelName';
import { heardDetail } from '../audiences/heardWords';
import { lazyPart, PartSlot } from '../shell/lazyPart';
import type { ReengageDelivery } from './ReengageDelivery';

/** What WhatsApp said of the message shows only after a send: its code downloads then. */
const reengageDelivery = lazyPart<ComponentProps<typeof ReengageDelivery>>(() => import('./ReengageDelivery').then((module) => module.ReengageDelivery));

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
  const { t, locale, formatDateTime } = useI18n();
  const context = useAppContext();
  const ports = useEnginePorts();
  const name = requester.name ?? t('contact.unnamed');

  const channels = useAsync(() => listChannels(context), [context]);
  // Only the ticket's own kind of channel can re-open its conversation.
  const ownChannels = useMemo(() => channels.data?.filter((channel) => channel.channel === ticket.channel), [channels.data, ticket.channel]);
  const businessNumber = ticket.businessNumber;
  const choice = useTemplateChoice(ownChannels, {
    ticketAvailable: true,
    // Among several numbers, the one the customer wrote to.
    prefer: (candidates) => integrationOfTicket(candidates.map(({ integration }) => integration), businessNumber)?.id,
  });
  const { catalogue, offers, offer, integration, entry, slots, problems } = choice;
  const { templateKey, integrationId, mappings } = choice.choice;
  const fields = useAsync(() => listUserFields(context), [context]);
  const guard = useAsync(async () => {
    const [loaded, organization] = await Promise.all([loadSendGuard(context, requesterAsRecipient(requester), Date.now()), organizationName(context, typeof requester.organization_id === 'number' ? requester.organization_id : null)]);
    return { guard: loaded, organizationName: organization };
  }, [context, requester]);

  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });
  const resultTitle = useRef<HTMLSpanElement>(null);
  // "Send another" goes away with the outcome: the template field takes the focus once the form is back.
  const focusTemplate = useRef(false);
  useEffect(() => {
    if (attempt.status === 'done') resultTitle.current?.focus();
  }, [attempt.status]);

  const recipient = useMemo(() => requesterAsRecipient(requester, guard.data?.organizationName), [requester, guard.data]);
  const target: ReengageTarget = { ticket: ticket.facts, requester: recipient, customerWrote: ticket.customerWrote };
  const chosen = offer && integration && entry ? { integration, entry } : undefined;
  const assessment = chosen && offer && guard.data ? assessReengagement(target, { template: offer.template, integration: chosen.integration, slots, mappings }, guard.data.guard, settings) : undefined;

  const send = async () => {
    if (!offer || !chosen) return;
    setAttempt({ status: 'running', stage: 'checking' });
    try {
      const result = await reengage(
        context,
        ports,
        target,
        { template: offer.template, integration: chosen.integration, entry: chosen.entry, slots, mappings },
        reengageWords(t, locale),
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

  // The requester's own values; where there is none yet, what is missing, never the template's example.
  const previewValues = chosen ? requesterValues(target, { slots, mappings }, settings).map((value, index) => value ?? previewValue(t, slots[index]!, mappings[index], fields.data ?? [])) : [];
  const preview = chosen ? renderRecipientContent(chosen.entry.content, slots, previewValues) : undefined;
  const refused: ExclusionReason[] | undefined =
    attempt.status === 'done' && attempt.result.status === 'refused'
      ? attempt.result.reasons
      : // Said once every placeholder is chosen: an unchosen one is the form's to say, not a refusal.
        assessment && !assessment.decision.allowed && problems.length === 0
        ? assessment.decision.reasons
        : undefined;
  const heardAt = attempt.status === 'done' && attempt.result.status === 'refused' ? attempt.result.heardAt : assessment?.evaluation.heardAt;
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
          onChange={(event) => choice.chooseTemplate(event.target.value || undefined)}
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
          <Select value={integrationId ?? ''} onChange={(event) => choice.chooseIntegration(event.target.value || undefined)} disabled={running}>
            <option value="">{t('ticket.reengage.chooseSender')}</option>
            {offer.integrations.map(({ integration }) => (
              <option key={integration.id} value={integration.id}>
                {channelName(t, integration)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && (
        <MappingEditor
          content={chosen.entry.content}
          slots={slots}
          mappings={mappings}
          onChange={choice.setMappings}
          customFields={fields.data ?? []}
          problems={problems}
          compact
          ticketFields={{ label: t('ticket.fieldsGroup'), fields: TICKET_FIELDS.map((field) => ({ field, label: t(`ticket.field.${field}`) })) }}
        />
      )}
      {preview && chosen && <TemplatePreview key={`${chosen.integration.id}:${offer?.template.key ?? ''}`} content={preview} initial={ticket.channel} />}
      {refused && <Refusal reasons={refused} heard={heardDetail(t, formatDateTime, { reasons: refused, heardAt })} name={name} t={t} />}
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

/** Why the requester cannot receive the template: each reason with what to do about it (the plan's own words), and when WhatsApp said so. */
function Refusal({ reasons, heard, name, t }: { reasons: readonly ExclusionReason[]; heard: string; name: string; t: Translate }) {
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
      {heard && <SM>{heard}</SM>}
    </Alert>
  );
}

type Finished = Extract<ReengageResult, { status: 'finished' }>;

/** What became of the send, the note on the ticket (with a retry when it failed), and a way to send another. */
function ResultView({
  result,
  name,
  ticketId,
  titleRef,
  onAgain,
}: {
  result: Finished;
  name: string;
  ticketId: number;
  titleRef: RefObject<HTMLSpanElement>;
  onAgain: () => void;
}) {
  const { t } = useI18n();
  const context = useAppContext();
  const [note, setNote] = useState(result.note);
  const [retrying, setRetrying] = useState(false);
  const { outcome } = result;
  const type = outcome.kind === 'sent' ? 'success' : outcome.kind === 'unverified' ? 'warning' : 'error';
  const title = outcome.kind === 'sent' ? 'sent' : outcome.kind === 'unverified' ? 'unverified' : 'notSent';
  const retry = async () => {
    if (note.status !== 'failed') return;
    setRetrying(true);
    setNote(await addReengagementNote(context, ticketId, note.body));
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
        {outcome.kind === 'sent' && <PartSlot part={reengageDelivery} props={{ campaignId: result.campaignId }} />}
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

/** The campaign's name and the note on the ticket, in the agent's language. */
function reengageWords(t: Translate, locale: Locale): ReengageWords {
  return {
    campaignName: (ticketId) => t('ticket.reengage.campaignName', { id: ticketId }),
    languageName: (code) => languageName(code, locale),
    slotLabel: (slot: TemplateSlot) => {
      if (slot.component === 'header') return t('ticket.note.slot.header');
      if (slot.component === 'button') return t('ticket.note.slot.button', { button: (slot.buttonIndex ?? 0) + 1 });
      return t('ticket.note.slot.body', { position: slot.position });
    },
    note: {
      line: (line, vars) => t(`ticket.note.${line}`, vars),
      outcome: (result) => reengagementOutcomeMessage(t, result),
      channel: (channel) => t(`ticket.channelName.${channel}`),
    },
  };
}
