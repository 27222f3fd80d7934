/**
 * The volunteer console's strings in Spanish and English, through the shared set-up
 * (`renderer/ui/i18n`). The chosen language is remembered on the device.
 */
import type { i18n } from 'i18next';
import en from '../../../assets/locales/en/volunteer.json';
import es from '../../../assets/locales/es/volunteer.json';
import { asLanguage, createAppI18n } from '../../ui/i18n/create-app-i18n.js';

/** The languages the console speaks, Spanish first. */
export const consoleLanguages = ['es', 'en'] as const;

/** One of {@link consoleLanguages}. */
export type ConsoleLanguage = (typeof consoleLanguages)[number];

/** Narrows any string to a console language, Spanish when it is not one. */
export function asConsoleLanguage(value: string | null | undefined): ConsoleLanguage {
  return asLanguage(consoleLanguages, value);
}

/** Creates the i18next instance of the console, in the language last chosen on this device. */
export function createVolunteerI18n(storage: Pick<Storage, 'getItem' | 'setItem'>, root: HTMLElement): i18n {
  return createAppI18n({
    namespace: 'volunteer',
    languages: consoleLanguages,
    strings: { es, en },
    root,
    remember: { storage, key: 'paso-a-paso.volunteer.language' },
  });
}
