import { Tag } from '@zendeskgarden/react-tags';
import { Paragraph, SM } from '@zendeskgarden/react-typography';
import type { ZendeskUser } from '../../api/zendesk/users';
import { assessContact } from '../../core/contact/assessContact';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import type { PhoneCheck } from '../../core/phone/normalizePhone';
import type { HeraldSettings } from '../../core/settings/settings';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { TagLine } from './TagLine';

const PHONE_HUE = { valid: 'successHue', repaired: 'successHue', invalid: 'dangerHue', missing: 'grey' } as const;

/** The customer's number as Herald reads it (repaired, or why it cannot be used), and whether Herald could message them. */
export function PhoneAssessment({ user, settings }: { user: ZendeskUser; settings: HeraldSettings }) {
  const { t } = useI18n();
  const assessment = assessContact(user, settings);
  return (
    <>
      <TagLine>
        <Tag hue={PHONE_HUE[assessment.phone.status]}>{t(`contact.phoneStatus.${assessment.phone.status}`)}</Tag>
        <SM>{describePhone(assessment.phone, settings.phoneField, t)}</SM>
      </TagLine>
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
