/**
 * The kiosk's strings in Spanish, English and Arabic, bundled into the page (a kiosk must work
 * with the hub gone). Nothing is remembered on the device: each session starts in Spanish, and
 * the page's `lang` and `dir` follow the senior's choice so Arabic mirrors the whole layout.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../../../assets/locales/ar/kiosk.json';
import en from '../../../assets/locales/en/kiosk.json';
import es from '../../../assets/locales/es/kiosk.json';

/** The languages of the kiosk's own screens, Spanish first. */
export const kioskLanguages = ['es', 'en', 'ar'] as const;

/** One of {@link kioskLanguages}. */
export type KioskLanguage = (typeof kioskLanguages)[number];

/** Each language's name written in itself, for the language screen. */
export const languageNames: Record<KioskLanguage, string> = { es: 'Español', en: 'English', ar: 'العربية' };

/** The writing direction of a language. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Creates the kiosk's i18next instance, in Spanish; `root` (the <html> element) follows the language. */
export function createKioskI18n(root: HTMLElement): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    root.lang = language;
    root.dir = directionOf(language);
  });
  void instance.use(initReactI18next).init({
    resources: { es: { kiosk: es }, en: { kiosk: en }, ar: { kiosk: ar } },
    lng: 'es',
    fallbackLng: 'es',
    supportedLngs: [...kioskLanguages],
    ns: ['kiosk'],
    defaultNS: 'kiosk',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" to the senior.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
