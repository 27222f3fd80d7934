/**
 * The kiosk page's strings: Spanish, which every session starts in, in the page's first script;
 * English and Arabic a later part (load-later.tsx), fetched when the page is idle, or at once when
 * one is chosen before that. Until they arrive the screens fall back to Spanish, and they show
 * in the chosen language the moment they do. (The staff preview and tests use
 * createKioskI18n, with every language in it.)
 */
import type { i18n } from 'i18next';
import es from '../../../assets/locales/es/kiosk.json';
import { createAppI18n } from '../../ui/i18n/create-app-i18n.js';
import { kioskLanguages } from '../i18n/kiosk-i18n.js';
import { laterPart, type LaterPart } from './load-later.js';

/** The kiosk page's i18next instance, in Spanish, and the later part that adds the other languages. */
interface KioskPageI18n {
  i18n: i18n;
  otherLanguages: LaterPart<void>;
}

/** Creates the kiosk page's strings; `root` (the <html> element) follows the language. */
export function createKioskPageI18n(root: HTMLElement): KioskPageI18n {
  const instance = createAppI18n({ namespace: 'kiosk', languages: kioskLanguages, strings: { es, en: {}, ar: {} }, root, followDirection: true });
  const otherLanguages = laterPart(async () => {
    const [en, ar] = await Promise.all([import('../../../assets/locales/en/kiosk.json'), import('../../../assets/locales/ar/kiosk.json')]);
    instance.addResourceBundle('en', 'kiosk', en.default, true, true);
    instance.addResourceBundle('ar', 'kiosk', ar.default, true, true);
    // A language chosen before its strings arrived: the screens say it again, now in it.
    if (instance.language !== 'es') await instance.changeLanguage(instance.language);
  });
  instance.on('languageChanged', (language) => {
    if (language !== 'es') void otherLanguages.load();
  });
  return { i18n: instance, otherLanguages };
}
