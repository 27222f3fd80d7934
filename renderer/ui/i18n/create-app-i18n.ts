/**
 * The one i18next set-up of every Paso a Paso UI (kiosk, staff, volunteer): strings bundled into
 * the page (a kiosk must work with the hub gone, a volunteer's phone on a shaky Wi-Fi should never
 * wait for a translation file), Spanish as the fallback, and the page's `lang` (and, where asked,
 * `dir`) following the language so screen readers pronounce it right and Arabic mirrors the layout.
 */
import i18next, { type i18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** How an app sets up its strings with {@link createAppI18n}. */
export interface AppI18nSetup<Language extends string> {
  /** The app's namespace, the name of its files in `assets/locales/<language>/`. */
  namespace: string;
  /** The languages the app speaks, Spanish first; the first is the fallback and the start. */
  languages: readonly [Language, ...Language[]];
  /** Each language's strings. */
  strings: Record<Language, ResourceKey>;
  /** The page's root element (`<html>`), whose `lang` follows the language. */
  root: HTMLElement;
  /** Where the choice is remembered on the device; without it every start is in the first language. */
  remember?: { storage: Pick<Storage, 'getItem' | 'setItem'>; key: string };
  /** Whether `dir` follows the language too (right to left for Arabic). */
  followDirection?: boolean;
}

/** The writing direction of a language. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Narrows any string to one of `languages`, the first of them when it is not one. */
export function asLanguage<Language extends string>(languages: readonly [Language, ...Language[]], value: string | null | undefined): Language {
  return languages.find((language) => language === value) ?? languages[0];
}

/** Creates an app's i18next instance, in the language last chosen on this device when it remembers one. */
export function createAppI18n<Language extends string>(setup: AppI18nSetup<Language>): i18n {
  const { namespace, languages, strings, root, remember, followDirection = false } = setup;
  const instance = i18next.createInstance();
  instance.on('languageChanged', (language) => {
    root.lang = language;
    if (followDirection) root.dir = directionOf(language);
    if (!remember) return;
    // Storage can be refused (private mode, full quota); the choice then lasts this visit only.
    try {
      remember.storage.setItem(remember.key, language);
    } catch {
      /* remembered for this visit only */
    }
  });
  const resources = Object.fromEntries(languages.map((language) => [language, { [namespace]: strings[language] }]));
  void instance.use(initReactI18next).init({
    resources,
    lng: asLanguage(languages, remember ? readStored(remember.storage, remember.key) : null),
    fallbackLng: languages[0],
    supportedLngs: [...languages],
    ns: [namespace],
    defaultNS: namespace,
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

function readStored(storage: Pick<Storage, 'getItem'>, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
