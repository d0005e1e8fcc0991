import { getColor } from '@zendeskgarden/react-theming';
import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { MD, Paragraph, UnorderedList } from '@zendeskgarden/react-typography';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import styled from 'styled-components';
import { missingPieces } from '../../app/setup';
import { countByChannel } from '../../app/templates/templates';
import { apiMessageOf, causeOf } from '../../core/failure/failureCause';
import { formatOptInRule } from '../../core/contact/optInRule';
import type { MissingPiece } from '../../store/setup';
import { useZaf } from '../../zaf/ZafProvider';
import type { HeraldSettings, SettingIssue } from '../../core/settings/settings';
import { isAdminOnlyRefusal } from '../components/errorMessage';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { useAsync, type AsyncState } from '../hooks/useAsync';
import { useObjectsSetUps } from '../hooks/useObjectsSetUp';
import { useHeraldSetup } from '../hooks/useHeraldSetup';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { useHerald } from '../herald';
import { useHeraldService } from '../hooks/useHeraldService';
import { heraldServiceVerdict, HeraldServiceCheck } from '../settings/HeraldServiceCheck';
import { SettingsForm } from '../settings/SettingsForm';
import { TestMessageBlock } from '../settings/TestMessageBlock';
import type { ChannelsState } from './ChannelsBlock';

const Check = styled.div`
  border: 1px solid ${(p) => getColor({ theme: p.theme, variable: 'border.subtle' })};
  border-radius: ${(p) => p.theme.borderRadii.md};
  padding: ${(p) => p.theme.space.md};
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`;

const Summary = styled.dl`
  margin: 0;

  & dt {
    display: inline;
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }

  & dd {
    display: inline;
    margin: 0;
  }
`;

const Heading = styled.div`
  display: flex;
  align-items: center;
  gap: ${(p) => p.theme.space.sm};
`;

export const VERDICTS = ['ok', 'warning', 'failed', 'checking'] as const;
type Verdict = (typeof VERDICTS)[number];
const HUE: Record<Verdict, string> = { ok: 'successHue', warning: 'warningHue', failed: 'dangerHue', checking: 'grey' };

/** A check; `focusKey` as in `Section`: its title takes the focus when it changes (after a setup). */
function CheckBlock({ title, verdict, children, focusKey }: { title: string; verdict?: Verdict; children: ReactNode; focusKey?: number }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey) heading.current?.focus();
  }, [focusKey]);
  return (
    <Check role="group" aria-label={title}>
      <Heading>
        <MD tag="h3" isBold ref={heading} tabIndex={focusKey === undefined ? undefined : -1}>
          {title}
        </MD>
        {verdict && <Tag hue={HUE[verdict]}>{t(`settings.verdict.${verdict}`)}</Tag>}
      </Heading>
      {children}
    </Check>
  );
}

/** The connection check: each thing Herald needs, whether it works, and what to do when it does not. */
export function SettingsSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  const { settings, currentUser } = useZaf();
  const { base } = useHerald();
  const isAdmin = currentUser.role === 'admin';
  // The proxy could not use the saved key (none saved, or saved by an earlier Herald): it is typed again.
  const keyRefused = channels.status === 'error' && causeOf(channels.error) === 'credentials-rejected';
  // Open at once when something must be set; otherwise on demand. It stays open once saved, to say so.
  const [editing, setEditing] = useState(!settings.ok);
  // A refused key opens it too, once, when the check finds it (adjusting state during render, as React advises).
  const [keyRefusalSeen, setKeyRefusalSeen] = useState(false);
  if (keyRefused && isAdmin && !keyRefusalSeen) {
    setKeyRefusalSeen(true);
    setEditing(true);
  }
  // The test form loads the template catalogue: only when asked for.
  const [testing, setTesting] = useState(false);
  const setUps = useObjectsSetUps();
  const objects = useAsync(() => missingPieces(base), [base, setUps]);
  // The setup button goes away once it has worked: the block's title takes the focus instead.
  const [objectsFocus, setObjectsFocus] = useState(0);
  const service = useHeraldService();

  const recheck = () => {
    channels.reload();
    objects.reload();
  };

  return (
    <Section title={t('settings.title')} intro={t('settings.intro')}>
      <Paragraph>{t('settings.steps')}</Paragraph>
      <CheckBlock title={t('settings.installation.title')} verdict={settings.ok ? 'ok' : 'failed'}>
        {settings.ok ? <SettingsSummary settings={settings.settings} /> : <IssueList issues={settings.issues} />}
        {!isAdmin && <Paragraph>{t('settings.form.askAdmin')}</Paragraph>}
        {isAdmin && (
          <div>
            <Button size="small" isBasic={editing} aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {editing ? t('settings.form.hide') : t('settings.form.edit')}
            </Button>
          </div>
        )}
        {isAdmin && editing && <SettingsForm keyRefused={keyRefused} />}
      </CheckBlock>

      <CheckBlock title={t('settings.sunshine.title')} verdict={sunshineVerdict(channels)}>
        <SunshineCheck channels={channels} />
      </CheckBlock>

      <CheckBlock title={t('settings.objects.title')} verdict={objectsVerdict(objects)} focusKey={objectsFocus}>
        {objects.status === 'loading' && <Loading label={t('settings.checking')} />}
        {objects.status === 'success' && objects.data.length === 0 && <Paragraph>{t('settings.objects.ready')}</Paragraph>}
        {objects.status === 'success' && objects.data.length > 0 && (
          <ObjectsSetup
            missing={objects.data}
            onDone={() => {
              objects.reload();
              setObjectsFocus((count) => count + 1);
            }}
          />
        )}
        {objects.status === 'error' && <Paragraph>{t(`settings.objects.cause.${causeOf(objects.error)}`)}</Paragraph>}
      </CheckBlock>

      <CheckBlock title={t('settings.service.title')} verdict={heraldServiceVerdict(service)}>
        <HeraldServiceCheck read={service} />
      </CheckBlock>

      <CheckBlock title={t('settings.test.title')}>
        {!isAdmin && <Paragraph>{t('settings.test.adminOnly')}</Paragraph>}
        {isAdmin && !(settings.ok && channels.data && channels.data.length > 0) && <Paragraph>{t('settings.test.needsConnection')}</Paragraph>}
        {isAdmin && settings.ok && channels.data && channels.data.length > 0 && !testing && (
          <div>
            <Button size="small" onClick={() => setTesting(true)}>
              {t('settings.test.open')}
            </Button>
          </div>
        )}
        {isAdmin && settings.ok && channels.data && channels.data.length > 0 && testing && <TestMessageBlock channels={channels.data} />}
      </CheckBlock>

      <div>
        <Button onClick={recheck}>{t('settings.recheck')}</Button>
      </div>
    </Section>
  );
}

function objectsVerdict(objects: AsyncState<MissingPiece[]>): Verdict {
  if (objects.status === 'loading') return 'checking';
  if (objects.status === 'error') return 'failed';
  return objects.data.length === 0 ? 'ok' : 'warning';
}

/** What Herald's objects lack, and the one-click setup (safe to run twice; admins only). */
function ObjectsSetup({ missing, onDone }: { missing: MissingPiece[]; onDone: () => void }) {
  const { t } = useI18n();
  const { state, run } = useHeraldSetup(onDone);
  return (
    <>
      <Paragraph>{t('settings.objects.missing', { objects: missing.map((piece) => piece.object).join(', ') })}</Paragraph>
      {state.status === 'failed' && (
        <Paragraph role="alert">{isAdminOnlyRefusal(state.error) ? t('templates.setup.adminOnly') : t(`settings.objects.cause.${causeOf(state.error)}`)}</Paragraph>
      )}
      <div>
        <Button onClick={() => void run()} disabled={state.status === 'running'}>
          {state.status === 'running' ? t('templates.setup.running') : t('templates.setup.run')}
        </Button>
      </div>
    </>
  );
}

function sunshineVerdict(channels: ChannelsState): Verdict {
  if (channels.status === 'loading') return 'checking';
  if (channels.status === 'error' || channels.data === undefined) return 'failed';
  return channels.data.length === 0 ? 'warning' : 'ok';
}

function SunshineCheck({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  if (channels.status === 'loading') return <Loading label={t('settings.checking')} />;
  if (channels.status === 'error') {
    const details = apiMessageOf(channels.error);
    return (
      <>
        <Paragraph>{t(`settings.sunshine.cause.${causeOf(channels.error)}`)}</Paragraph>
        {details && <Paragraph>{t('errors.details', { details })}</Paragraph>}
      </>
    );
  }
  if (channels.data === undefined) return <Paragraph>{t('settings.sunshine.needsSettings')}</Paragraph>;
  if (channels.data.length === 0) return <Paragraph>{t('settings.sunshine.noChannel')}</Paragraph>;
  return <Paragraph>{t('settings.sunshine.connected', channelCounts(t, countByChannel(channels.data)))}</Paragraph>;
}

function IssueList({ issues }: { issues: SettingIssue[] }) {
  const { t } = useI18n();
  return (
    <>
      <Paragraph>{t('settings.installation.fix')}</Paragraph>
      <UnorderedList>
        {issues.map((issue) => (
          <UnorderedList.Item key={issue.setting}>
            {t('settings.installation.issue', {
              setting: t(`app.parameters.${issue.setting}.label`),
              problem: t(`settings.problem.${issue.problem}`, { detail: issue.detail ?? '' }),
            })}
          </UnorderedList.Item>
        ))}
      </UnorderedList>
    </>
  );
}

function SettingsSummary({ settings }: { settings: HeraldSettings }) {
  const { t } = useI18n();
  const rows: Array<[string, string]> = [
    [t('app.parameters.sunco_app_id.label'), settings.sunshine.appId],
    [t('app.parameters.sunco_api_host.label'), settings.sunshine.baseUrl],
    [t('app.parameters.phone_field.label'), settings.phoneField],
    [t('app.parameters.default_country.label'), settings.defaultCountry ?? t('settings.none')],
    [t('app.parameters.opt_in_rule.label'), formatOptInRule(settings.optInRule)],
    [t('app.parameters.opt_out_tag.label'), settings.optOutTag ?? t('settings.none')],
    [t('app.parameters.optout_words.label'), settings.keywords.stop.join(', ')],
    [t('app.parameters.optin_words.label'), settings.keywords.start.join(', ')],
    [t('app.parameters.blackout_days.label'), String(settings.blackoutDays)],
    [t('app.parameters.send_rate.label'), String(settings.sendRate)],
  ];
  return (
    <Summary>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t('settings.summaryLabel', { label })}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </Summary>
  );
}

/** "1 WhatsApp channel and 2 SMS channels", each with its own plural. */
function channelCounts(t: Translate, counts: Record<'whatsapp' | 'sms', number>): { whatsapp: string; sms: string } {
  return { whatsapp: t('settings.sunshine.whatsappChannels', { count: counts.whatsapp }), sms: t('settings.sunshine.smsChannels', { count: counts.sms }) };
}
