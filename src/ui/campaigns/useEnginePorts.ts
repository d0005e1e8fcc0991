import { useMemo } from 'react';
import type { EnginePorts } from '../../app/campaigns/engine';
import { browserEnginePorts } from '../../platform/browserEnginePorts';
import { useI18n } from '../i18n/I18nProvider';

/** This tab's engine ports (its Worker clock, Web Locks, IndexedDB journal): only where a campaign may be sent from. */
export function useEnginePorts(): EnginePorts {
  const { t } = useI18n();
  const otherTab = t('campaigns.page.otherTab');
  return useMemo(() => browserEnginePorts(otherTab), [otherTab]);
}
