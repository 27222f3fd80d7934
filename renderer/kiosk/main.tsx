/**
 * The kiosk's page. The device token arrives in the URL fragment (`#token=…`), which never
 * reaches a server log; it is read once, kept in memory only and wiped from the address bar.
 * In the Electron shell it comes from the shell's bridge instead (shell/kiosk-shell.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../ui/tokens.css';
import { KioskApp } from './app/kiosk-app.js';
import { SpeechProvider } from './audio/speech-context.js';
import { KioskLinkProvider, openBrowserKioskLink } from './hub-api/kiosk-link.js';
import { createKioskPageI18n } from './later/later-languages.js';
import { laterParts } from './later/later-parts.js';
import { loadWhenIdle } from './later/load-later.js';
import { readOpenAt, type OpenAt } from './session/open-at.js';
import { settleMsFromFragment } from '../../core/kiosk/settle.js';
import { connectToShell, shellBridge } from './shell/kiosk-shell.js';
import { UnauthorisedGate } from './unauthorised/unauthorised-screen.js';
import './kiosk.css';

/** The token in a fragment like `#token=abc`, if any. */
function tokenFromFragment(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/**
 * Whether the kiosk has headphones, from its configuration: `headphones=1` in the fragment
 * (the Electron shell will pass it through its bridge). Default none.
 */
function headphonesFromFragment(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get('headphones') === '1';
}

/**
 * Whether a keypad counts as plugged in: in a plain browser any keyboard is the keypad (the spoken
 * mode's fallback, issue 17) unless the fragment says `keypad=0`.
 */
function keypadFromFragment(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get('keypad') !== '0';
}

function renderKiosk(root: HTMLElement, token: string, hasHeadphones: boolean, hasKeypad: boolean, openAt?: OpenAt, settleMs?: number): void {
  const { i18n, otherLanguages } = createKioskPageI18n(document.documentElement);
  // One WebSocket for the whole page, made outside React so a remount never opens a second one.
  const link = openBrowserKioskLink(token);
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SpeechProvider token={token} hasHeadphones={hasHeadphones}>
          <KioskLinkProvider link={link}>
            {/* A refused device token unmounts the kiosk, session and all, for the not-authorised screen. */}
            <UnauthorisedGate>
              <KioskApp
                token={token}
                spokenModeAvailable={hasKeypad && hasHeadphones}
                {...(openAt ? { openAt } : {})}
                {...(settleMs !== undefined ? { settleMs } : {})}
              />
            </UnauthorisedGate>
          </KioskLinkProvider>
        </SpeechProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  // What most sessions never use, out of the first script: fetched now the kiosk is on screen.
  loadWhenIdle([otherLanguages, ...laterParts]);
}

const root = document.getElementById('root');
const shell = shellBridge();
if (root && shell) {
  // In the Electron shell the token and settings come from the kiosk's configuration file.
  void connectToShell(shell).then((config) => renderKiosk(root, config.deviceToken, config.headphones, config.keypad, undefined, config.settleMs));
} else if (root) {
  const token = tokenFromFragment(window.location.hash);
  const hasHeadphones = headphonesFromFragment(window.location.hash);
  const hasKeypad = keypadFromFragment(window.location.hash);
  // `#at=<procedure>/<step>`: staff and the fit scan open the kiosk at a step (session/open-at.ts).
  const openAt = readOpenAt(window.location.hash);
  if (openAt.kind === 'invalid') console.warn(`Paso a Paso: the kiosk cannot open there: ${openAt.problem}`);
  // `#settle=0`: tests that walk hundreds of screens turn the settle time off (core/kiosk/settle.ts).
  const settleMs = settleMsFromFragment(window.location.hash);
  // Not left in the address bar, history or storage: it is the kiosk's credential.
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  renderKiosk(root, token, hasHeadphones, hasKeypad, openAt.kind === 'open' ? openAt.at : undefined, settleMs);
}
