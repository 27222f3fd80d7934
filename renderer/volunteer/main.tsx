/** The volunteer console's page: sets up the strings, storage and sound, and shows the app. */
import '../ui/zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../ui/tokens.css';
import { VolunteerApp } from './app/volunteer-app.js';
import { browserCallAlert } from '../ui/call-alert.js';
import { createVolunteerI18n } from './i18n/volunteer-i18n.js';
import { sessionStore } from './session/session-store.js';
import './volunteer.css';

const root = document.getElementById('root');
if (root) {
  const i18n = createVolunteerI18n(window.localStorage, document.documentElement);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <VolunteerApp sessions={sessionStore(window.sessionStorage)} deviceStorage={window.localStorage} alert={browserCallAlert()} />
      </I18nextProvider>
    </StrictMode>,
  );
}
