import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HeraldApp } from './ui/shell/HeraldApp';
import { initZafClient } from './zaf/client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
const browserLocale = navigator.language;

const client = initZafClient();
if (client) {
  root.render(
    <StrictMode>
      <HeraldApp client={client} browserLocale={browserLocale} />
    </StrictMode>,
  );
} else {
  // Opened outside Zendesk: a page of explanation, downloaded only then.
  import('./ui/shell/OutsideZendesk').then(
    ({ OutsideZendesk }) =>
      root.render(
        <StrictMode>
          <OutsideZendesk browserLocale={browserLocale} />
        </StrictMode>,
      ),
    (error: unknown) => console.error('Herald could not download its page', error),
  );
}
