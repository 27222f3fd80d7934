/**
 * Whether the hub still admits this kiosk, for the whole page: every request and socket made
 * with the device token reports a refusal here (hub-api/kiosk-api.ts, hub-api/use-procedures.ts,
 * the page's one socket, hub-api/kiosk-link.tsx), and the page swaps the kiosk for the
 * not-authorised screen at once (unauthorised-gate.tsx). A refusal is for good: the hub never honours a revoked token again,
 * and a new one comes with a new configuration (a reload).
 *
 * It also keeps the site's "where to ask in person" sentence for that screen, which the hub no
 * longer gives once it refuses the kiosk: the last one it gave, in this page and in the
 * browser's local storage (a reload after a revocation still shows it). That sentence is the
 * site's, written by staff for any senior; nothing of a senior's is ever stored.
 */
import { useSyncExternalStore } from 'react';
import { inPersonPlace, refusesDevice, type HubRefusal } from '../../../core/kiosk/device-access.js';

let refused = false;
const listeners = new Set<() => void>();

function markRefused(): void {
  if (refused) return;
  refused = true;
  for (const listener of [...listeners]) listener();
}

/** Reports a failed hub request made with the device token; only a refusal of the token counts. */
export function reportHubRefusal(refusal: HubRefusal): void {
  if (refusesDevice(refusal)) markRefused();
}

/** Reports that the hub closed the kiosk's socket for its token (4401: `refused`). */
export function reportSocketRefused(): void {
  markRefused();
}

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** True once the hub refused the device token. */
export function useDeviceRefused(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => refused,
    () => false,
  );
}

let livePlace: string | undefined;
const storageKey = 'paso.kiosk.inPersonHelp';

/** The browser's local storage, where the page may use it (a sandbox or private mode may refuse it). */
function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the site's in-person sentence the hub just gave (`GET /api/kiosk/me`). */
export function rememberInPersonPlace(text: string): void {
  livePlace = text;
  try {
    localStore()?.setItem(storageKey, text);
  } catch {
    // Storage refused or full: the sentence lasts until the next reload.
  }
}

/** The site's in-person sentence for the not-authorised screen, if the hub ever gave one here. */
export function knownInPersonPlace(): string | undefined {
  let remembered: string | null | undefined;
  try {
    remembered = localStore()?.getItem(storageKey);
  } catch {
    remembered = undefined;
  }
  // Checked there: whatever is in storage may have been put there by anything.
  return inPersonPlace(livePlace, remembered);
}
