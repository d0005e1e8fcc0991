import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import { useEffect } from 'react';
import type { ZafClient } from '../../zaf/types';
import { useZaf, ZafProvider } from '../../zaf/ZafProvider';
import { Loading } from '../components/Loading';
import { BootI18nProvider, CatalogueProvider, useI18n } from '../i18n/I18nProvider';
import { resolveLocale } from '../i18n/locale';
import { HeraldProvider } from '../herald';
import { GlobalStyle } from './GlobalStyle';
import { LoadFailed } from './LoadFailed';
import { LocationRouter, preloadLocation } from './LocationRouter';

/**
 * The app inside Zendesk: theme, then registration, then the agent's catalogue and the location's
 * code (downloaded side by side), then the location.
 */
export function HeraldApp({ client, browserLocale }: { client: ZafClient; browserLocale: string }) {
  // The context comes with the registration, before the agent is read: the location's code starts
  // downloading then, while the rest of the start goes on.
  useEffect(() => {
    client.context().then(
      (context) => preloadLocation(context.location),
      () => undefined,
    );
  }, [client]);
  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <GlobalStyle />
      {/* Until Zendesk says who the agent is, the browser's language is the best guess. */}
      <BootI18nProvider locale={resolveLocale(browserLocale)}>
        <ZafProvider client={client} loading={<Starting />} failed={(error) => <StartFailed error={error} />}>
          <AgentShell />
        </ZafProvider>
      </BootI18nProvider>
    </ThemeProvider>
  );
}

function AgentShell() {
  const { currentUser, context } = useZaf();
  return (
    // A sidebar, opened on every ticket, shows its first panel with the strings it needs first; the nav bar needs them all.
    <CatalogueProvider
      locale={resolveLocale(currentUser.locale)}
      firstPart={context.location !== 'nav_bar'}
      loading={<Starting />}
      failed={(retry) => <LoadFailed onRetry={retry} />}
    >
      <HeraldProvider>
        <LocationRouter location={context.location} />
      </HeraldProvider>
    </CatalogueProvider>
  );
}

function Starting() {
  const { t } = useI18n();
  return <Loading label={t('shell.starting')} />;
}

function StartFailed({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <Alert type="error" role="alert">
      <Title>{t('shell.startFailed')}</Title>
      <Paragraph>{error instanceof Error ? error.message : String(error)}</Paragraph>
    </Alert>
  );
}
