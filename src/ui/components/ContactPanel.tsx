import { Tag } from '@zendeskgarden/react-tags';
import { MD, Paragraph, SM } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import type { ZendeskUser } from '../../api/zendesk/users';
import { assessContact } from '../../core/contact/assessContact';
import type { PhoneCheck } from '../../core/phone/normalizePhone';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import type { OptInStatus } from '../../core/contact/optInRule';
import { useZaf } from '../../zaf/ZafProvider';
import type { HeraldSettings } from '../../core/settings/settings';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { ConfigurationNotice } from '../sections/ConfigurationNotice';

const Panel = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`;

const Line = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
`;

const PHONE_HUE = { valid: 'successHue', repaired: 'successHue', invalid: 'dangerHue', missing: 'grey' } as const;
const CONSENT_HUE: Record<OptInStatus, string> = { 'opted-in': 'successHue', 'opted-out': 'dangerHue', 'no-consent': 'warningHue' };

/** Who the customer is and whether Herald could message them: their number and their consent. */
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
  const assessment = assessContact(user, settings);
  return (
    <>
      <Line>
        <Tag hue={PHONE_HUE[assessment.phone.status]}>{t(`contact.phoneStatus.${assessment.phone.status}`)}</Tag>
        <SM>{describePhone(assessment.phone, settings.phoneField, t)}</SM>
      </Line>
      <Line>
        <Tag hue={CONSENT_HUE[assessment.optIn]}>{t(`contact.consent.${assessment.optIn}`)}</Tag>
        {assessment.suspended && <Tag hue="dangerHue">{t('contact.suspended')}</Tag>}
      </Line>
      <Paragraph>{assessment.reachable ? t('contact.reachable') : t('contact.unreachable')}</Paragraph>
    </>
  );
}

function describePhone(check: PhoneCheck, field: string, t: Translate): string {
  switch (check.status) {
    case 'valid':
      return formatPhoneForDisplay(check.e164);
    case 'repaired':
      return t(`contact.repaired.${check.repair}`, {
        number: formatPhoneForDisplay(check.e164),
        original: check.original,
        country: check.country ?? '',
      });
    case 'invalid':
      return t('contact.invalid', { original: check.original, reason: t(`contact.problem.${check.reason}`) });
    case 'missing':
      return t('contact.missing', { field });
  }
}
