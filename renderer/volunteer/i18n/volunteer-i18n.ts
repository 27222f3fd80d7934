/**
 * The console's strings in Spanish and English, bundled into the page (a volunteer's phone on a
 * shaky Wi-Fi should never wait for a translation file). The chosen language is remembered on
 * the device, and the page's `lang` follows it so screen readers pronounce it right.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../assets/locales/en/volunteer.json';
import es from '../../../assets/locales/es/volunteer.json';

/** The languages the console speaks, Spanish first. */
export const consoleLanguages = ['es', 'en'] as const;

/** One of {@link consoleLanguages}. */
export type ConsoleLanguage = (typeof consoleLanguages)[number];

const storageKey = 'paso-a-paso.volunteer.language';

/** Narrows any string to a console language, Spanish when it is not one. */
export function asConsoleLanguage(value: string | null | undefined): ConsoleLanguage {
  return consoleLanguages.find((language) => language === value) ?? 'es';
}

/** Creates the i18next instance of the console, in the language last chosen on this device. */
export function createVolunteerI18n(storage: Pick<Storage, 'getItem' | 'setItem'>, root: HTMLElement): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    root.lang = language;
    // Storage can be refused (private mode, full quota); the choice then lasts this visit only.
    try {
      storage.setItem(storageKey, language);
    } catch {
      /* remembered for this visit only */
    }
  });
  void instance.use(initReactI18next).init({
    resources: { es: { volunteer: es }, en: { volunteer: en } },
    lng: asConsoleLanguage(readStored(storage)),
    fallbackLng: 'es',
    supportedLngs: [...consoleLanguages],
    ns: ['volunteer'],
    defaultNS: 'volunteer',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" to the volunteer.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

function readStored(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    return storage.getItem(storageKey);
  } catch {
    return null;
  }
}
