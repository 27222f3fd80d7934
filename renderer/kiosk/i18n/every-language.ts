/**
 * The kiosk's strings with every language in them at once, for pages that switch language on the
 * spot: the staff console's preview and the test pages. The kiosk page itself starts with Spanish
 * alone and fetches English and Arabic when idle (later/later-languages.ts), which keeps them out
 * of its first script; that is why these imports live here and not in kiosk-i18n.ts, which the
 * kiosk's screens import.
 */
import type { i18n } from 'i18next';
import ar from '../../../assets/locales/ar/kiosk.json';
import en from '../../../assets/locales/en/kiosk.json';
import es from '../../../assets/locales/es/kiosk.json';
import { createAppI18n } from '../../ui/i18n/create-app-i18n.js';
import { kioskLanguages } from './kiosk-i18n.js';

/** Creates the kiosk's i18next instance, in Spanish; `root` (the <html> element) follows the language. */
export function createKioskI18n(root: HTMLElement): i18n {
  return createAppI18n({ namespace: 'kiosk', languages: kioskLanguages, strings: { es, en, ar }, root, followDirection: true });
}
