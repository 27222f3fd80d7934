/**
 * The kiosk's languages: Spanish, English and Arabic, its strings set up through the shared
 * `renderer/ui/i18n` (the kiosk page's in later/later-languages.ts, with all three at once in
 * every-language.ts). Nothing is remembered on the device: each session starts in Spanish, and
 * the page's `lang` and `dir` follow the senior's choice so Arabic mirrors the whole layout.
 */

/** The languages of the kiosk's own screens, Spanish first. */
export const kioskLanguages = ['es', 'en', 'ar'] as const;

/** One of {@link kioskLanguages}. */
export type KioskLanguage = (typeof kioskLanguages)[number];

/** Each language's name written in itself, for the language screen. */
export const languageNames: Record<KioskLanguage, string> = { es: 'Español', en: 'English', ar: 'العربية' };
