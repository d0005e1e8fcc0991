import { Tag } from '@zendeskgarden/react-tags';
import { MD, SM } from '@zendeskgarden/react-typography';
import type { ComponentProps } from 'react';
import styled from 'styled-components';
import type { ZendeskUser } from '../../api/zendesk/users';
import { optInStatus, type OptInStatus } from '../../core/contact/optInRule';
import { useZaf } from '../../zaf/ZafProvider';
import type { HeraldSettings } from '../../core/settings/settings';
import { useI18n } from '../i18n/I18nProvider';
import { ConfigurationNotice } from '../sections/ConfigurationNotice';
import { lazyPart, PartSlot } from '../shell/lazyPart';
import type { PhoneAssessment } from './PhoneAssessment';
import { TagLine } from './TagLine';

const Panel = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`;

const CONSENT_HUE: Record<OptInStatus, string> = { 'opted-in': 'successHue', 'opted-out': 'dangerHue', 'no-consent': 'warningHue' };

/** The number's check needs the phone rules of every country (about 50 kB): it comes right after the rest. */
const phoneAssessment = lazyPart<ComponentProps<typeof PhoneAssessment>>(() => import('./PhoneAssessment').then((module) => module.PhoneAssessment), {
  strings: 'first',
});

/** Who the customer is and whether Herald could message them: their consent, and their number. */
export function ContactPanel({ user }: { user: ZendeskUser }) {
  const { t } = useI18n();
  const { settings } = useZaf();
  return (
    <Panel aria-label={t('contact.label')} role="group" data-herald-content="contact">
      <MD isBold>{user.name ?? t('contact.unnamed')}</MD>
      {user.email && <SM>{user.email}</SM>}
      {settings.ok ? <Assessment user={user} settings={settings.settings} /> : <ConfigurationNotice issueCount={settings.issues.length} />}
    </Panel>
  );
}

function Assessment({ user, settings }: { user: ZendeskUser; settings: HeraldSettings }) {
  const { t } = useI18n();
  const consent = optInStatus(user, settings.optInRule, settings.optOutTag);
  return (
    <>
      <TagLine>
        <Tag hue={CONSENT_HUE[consent]}>{t(`contact.consent.${consent}`)}</Tag>
        {user.suspended === true && <Tag hue="dangerHue">{t('contact.suspended')}</Tag>}
      </TagLine>
      <PartSlot part={phoneAssessment} props={{ user, settings }} />
    </>
  );
}
