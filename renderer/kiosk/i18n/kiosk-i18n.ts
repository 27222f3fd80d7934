/**
 * The kiosk's strings in Spanish, English and Arabic, through the shared set-up
 * (`renderer/ui/i18n`). Nothing is remembered on the device: each session starts in Spanish, and
 * the page's `lang` and `dir` follow the senior's choice so Arabic mirrors the whole layout.
 */
import type { i18n } from 'i18next';
import ar from '../../../assets/locales/ar/kiosk.json';
import en from '../../../assets/locales/en/kiosk.json';
import es from '../../../assets/locales/es/kiosk.json';
import { createAppI18n } from '../../ui/i18n/create-app-i18n.js';

/** The languages of the kiosk's own screens, Spanish first. */
export const kioskLanguages = ['es', 'en', 'ar'] as const;

/** One of {@link kioskLanguages}. */
export type KioskLanguage = (typeof kioskLanguages)[number];

/** Each language's name written in itself, for the language screen. */
export const languageNames: Record<KioskLanguage, string> = { es: 'Español', en: 'English', ar: 'العربية' };

/** Creates the kiosk's i18next instance, in Spanish; `root` (the <html> element) follows the language. */
export function createKioskI18n(root: HTMLElement): i18n {
  return createAppI18n({ namespace: 'kiosk', languages: kioskLanguages, strings: { es, en, ar }, root, followDirection: true });
}
