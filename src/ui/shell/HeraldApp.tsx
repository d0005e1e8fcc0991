import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { Alert, Paragraph, Title } from '@zendeskgarden/react-notifications';
import type { ZafClient } from '../../zaf/types';
import { useZaf, ZafProvider } from '../../zaf/ZafProvider';
import { Loading } from '../components/Loading';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { resolveLocale } from '../i18n/locale';
import { HeraldProvider } from '../herald';
import { GlobalStyle } from './GlobalStyle';
import { LocationRouter } from './LocationRouter';

/** The app inside Zendesk: theme, then registration, then the agent's language, then the location. */
export function HeraldApp({ client, browserLocale }: { client: ZafClient; browserLocale: string }) {
  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <GlobalStyle />
      {/* Until Zendesk says who the agent is, the browser's language is the best guess. */}
      <I18nProvider locale={resolveLocale(browserLocale)}>
        <ZafProvider client={client} loading={<Starting />} failed={(error) => <StartFailed error={error} />}>
          <AgentShell />
        </ZafProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}

function AgentShell() {
  const { currentUser, context } = useZaf();
  return (
    <I18nProvider locale={resolveLocale(currentUser.locale)}>
      <HeraldProvider>
        <LocationRouter location={context.location} />
      </HeraldProvider>
    </I18nProvider>
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
