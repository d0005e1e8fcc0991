import { Tag } from '@zendeskgarden/react-tags';
import styled from 'styled-components';
import type { AudienceUser } from '../../core/campaign/audienceUser';
import { assessContact, type ContactRules } from '../../core/contact/assessContact';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import { useI18n } from '../i18n/I18nProvider';

const Line = styled.span`
  display: inline-flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xxs};
`;

const PHONE_HUE = { valid: 'successHue', repaired: 'successHue', invalid: 'dangerHue', missing: 'grey' } as const;
const CONSENT_HUE = { 'opted-in': 'successHue', 'opted-out': 'dangerHue', 'no-consent': 'warningHue' } as const;

/** A user's number and consent as Herald will judge them, in one line of tags. */
export function ContactSummary({ user, rules }: { user: AudienceUser; rules: ContactRules }) {
  const { t } = useI18n();
  const assessment = assessContact({ phone: user.phone, user_fields: user.userFields as Record<string, unknown>, tags: user.tags, suspended: user.suspended }, rules);
  const phone = assessment.phone;
  return (
    <Line>
      <Tag hue={PHONE_HUE[phone.status]}>{t(`contact.phoneStatus.${phone.status}`)}</Tag>
      {(phone.status === 'valid' || phone.status === 'repaired') && <span>{formatPhoneForDisplay(phone.e164)}</span>}
      {phone.status === 'invalid' && <span>{phone.original}</span>}
      <Tag hue={CONSENT_HUE[assessment.optIn]}>{t(`contact.consent.${assessment.optIn}`)}</Tag>
      {assessment.suspended && <Tag hue="dangerHue">{t('contact.suspended')}</Tag>}
    </Line>
  );
}
