/**
 * The kiosk's page. The device token arrives in the URL fragment (`#token=…`), which never
 * reaches a server log; it is read once, kept in memory only and wiped from the address bar.
 * The Electron shell will hand it over through its bridge instead.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../ui/tokens.css';
import { KioskApp } from './app/kiosk-app.js';
import { createKioskI18n } from './i18n/kiosk-i18n.js';
import './kiosk.css';

/** The token in a fragment like `#token=abc`, if any. */
function tokenFromFragment(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

const root = document.getElementById('root');
if (root) {
  const token = tokenFromFragment(window.location.hash);
  // Not left in the address bar, history or storage: it is the kiosk's credential.
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  const i18n = createKioskI18n(document.documentElement);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <KioskApp token={token} />
      </I18nextProvider>
    </StrictMode>,
  );
}
