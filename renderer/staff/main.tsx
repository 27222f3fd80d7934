/** The staff console's page: sets up the strings and the session storage, and shows the app. */
import '../ui/zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../ui/tokens.css';
import { StaffApp } from './app/staff-app.js';
import { createStaffI18n } from './i18n/staff-i18n.js';
import { staffSessionStore } from './session/staff-session.js';
import './staff.css';

const root = document.getElementById('root');
if (root) {
  const i18n = createStaffI18n(window.localStorage, document.documentElement);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StaffApp sessions={staffSessionStore(window.sessionStorage)} />
      </I18nextProvider>
    </StrictMode>,
  );
}
