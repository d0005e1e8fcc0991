import { Field, Fieldset, Radio } from '@zendeskgarden/react-forms';
import { Paragraph } from '@zendeskgarden/react-typography';
import type { SendingPlace } from '../../core/campaign/runPresence';
import { useI18n } from '../i18n/I18nProvider';

interface SendingPlaceChoiceProps {
  /** Radio group name, unique on the page. */
  name: string;
  /** What may be chosen, the default first (`sendingPlaces`). */
  places: readonly SendingPlace[];
  value: SendingPlace;
  onChange: (place: SendingPlace) => void;
  /** With this browser as the only place, say what the Herald service would add (the launch); else say nothing. */
  explainAlone?: boolean;
}

/**
 * Where a campaign is sent from, when there is a choice: the Herald service (it keeps going with
 * Zendesk closed) or this browser (Herald stays open until it is done).
 */
export function SendingPlaceChoice({ name, places, value, onChange, explainAlone = true }: SendingPlaceChoiceProps) {
  const { t } = useI18n();
  if (places.length < 2) return explainAlone ? <Paragraph>{t('campaigns.place.serviceWouldAdd')}</Paragraph> : null;
  return (
    <Fieldset>
      <Fieldset.Legend>{t('campaigns.place.legend')}</Fieldset.Legend>
      {places.map((place) => (
        <Field key={place}>
          <Radio name={name} value={place} checked={value === place} onChange={() => onChange(place)}>
            <Field.Label>{t(`campaigns.place.${place}`)}</Field.Label>
          </Radio>
        </Field>
      ))}
    </Fieldset>
  );
}
