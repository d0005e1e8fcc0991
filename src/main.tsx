import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HeraldApp } from './ui/shell/HeraldApp';
import { OutsideZendesk } from './ui/shell/OutsideZendesk';
import { initZafClient } from './zaf/client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const client = initZafClient();
createRoot(container).render(
  <StrictMode>
    {client ? <HeraldApp client={client} browserLocale={navigator.language} /> : <OutsideZendesk browserLocale={navigator.language} />}
  </StrictMode>,
);
