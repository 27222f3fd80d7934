/**
 * The staff console's strings in Spanish and English, bundled into the page. The chosen language
 * is remembered on the computer, and the page's `lang` follows it so screen readers pronounce it
 * right.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../assets/locales/en/staff.json';
import es from '../../../assets/locales/es/staff.json';

/** The languages the console speaks, Spanish first. */
export const staffLanguages = ['es', 'en'] as const;

/** One of {@link staffLanguages}. */
export type StaffLanguage = (typeof staffLanguages)[number];

const storageKey = 'paso-a-paso.staff.language';

/** Narrows any string to a console language, Spanish when it is not one. */
export function asStaffLanguage(value: string | null | undefined): StaffLanguage {
  return staffLanguages.find((language) => language === value) ?? 'es';
}

/** Creates the console's i18next instance, in the language last chosen on this computer. */
export function createStaffI18n(storage: Pick<Storage, 'getItem' | 'setItem'>, root: HTMLElement): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    root.lang = language;
    // Storage can be refused (private mode); the choice then lasts this visit only.
    try {
      storage.setItem(storageKey, language);
    } catch {
      /* remembered for this visit only */
    }
  });
  let stored: string | null = null;
  try {
    stored = storage.getItem(storageKey);
  } catch {
    stored = null;
  }
  void instance.use(initReactI18next).init({
    resources: { es: { staff: es }, en: { staff: en } },
    lng: asStaffLanguage(stored),
    fallbackLng: 'es',
    supportedLngs: [...staffLanguages],
    ns: ['staff'],
    defaultNS: 'staff',
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
