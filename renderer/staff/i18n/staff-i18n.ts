/**
 * The staff console's strings in Spanish and English, through the shared set-up
 * (`renderer/ui/i18n`). The chosen language is remembered on the computer.
 */
import type { i18n } from 'i18next';
import en from '../../../assets/locales/en/staff.json';
import es from '../../../assets/locales/es/staff.json';
import volunteerEn from '../../../assets/locales/en/volunteer.json';
import volunteerEs from '../../../assets/locales/es/volunteer.json';
import { asLanguage, createAppI18n } from '../../ui/i18n/create-app-i18n.js';

/**
 * The console's strings: its own, and the trainer's page it shares with the volunteer console
 * (renderer/ui/workshop-trainer/, `workshop.*`) in that console's words, over which the staff
 * catalogue's `workshop` keys say what differs for staff (the default pause message, where
 * lessons come from). One set of words for one page, in both languages.
 */
export const staffStrings = {
  es: { ...es, workshop: { ...volunteerEs.workshop, ...es.workshop } },
  en: { ...en, workshop: { ...volunteerEn.workshop, ...en.workshop } },
};

/** The languages the console speaks, Spanish first. */
export const staffLanguages = ['es', 'en'] as const;

/** One of {@link staffLanguages}. */
export type StaffLanguage = (typeof staffLanguages)[number];

/** Narrows any string to a console language, Spanish when it is not one. */
export function asStaffLanguage(value: string | null | undefined): StaffLanguage {
  return asLanguage(staffLanguages, value);
}

/** Creates the console's i18next instance, in the language last chosen on this computer. */
export function createStaffI18n(storage: Pick<Storage, 'getItem' | 'setItem'>, root: HTMLElement): i18n {
  return createAppI18n({
    namespace: 'staff',
    languages: staffLanguages,
    strings: staffStrings,
    root,
    remember: { storage, key: 'paso-a-paso.staff.language' },
  });
}
