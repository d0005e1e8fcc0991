import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { XL, Paragraph } from '@zendeskgarden/react-typography';
import styled from 'styled-components';
import { CatalogueProvider, useI18n } from '../i18n/I18nProvider';
import { resolveLocale } from '../i18n/locale';
import { GlobalStyle } from './GlobalStyle';
import { LoadFailed } from './LoadFailed';

const Page = styled.main`
  max-width: 560px;
  margin: ${(p) => p.theme.space.xl} auto;
  padding: ${(p) => p.theme.space.md};
`;

/** The page opened directly in a browser: Herald only works inside Zendesk. */
export function OutsideZendesk({ browserLocale }: { browserLocale: string }) {
  return (
    <ThemeProvider theme={DEFAULT_THEME}>
      <GlobalStyle />
      <CatalogueProvider locale={resolveLocale(browserLocale)} loading={null} failed={(retry) => <LoadFailed onRetry={retry} />}>
        <Explanation />
      </CatalogueProvider>
    </ThemeProvider>
  );
}

function Explanation() {
  const { t } = useI18n();
  return (
    <Page>
      <XL tag="h1" isBold>
        {t('outside.title')}
      </XL>
      <Paragraph>{t('outside.body')}</Paragraph>
      <Paragraph>{t('outside.developers')}</Paragraph>
    </Page>
  );
}
