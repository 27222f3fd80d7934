/** The staff console's real strings in one language, for tests of the words it shows. */
import i18next, { type TFunction } from 'i18next';
import en from '../../../../assets/locales/en/staff.json';
import es from '../../../../assets/locales/es/staff.json';

/** A `t` over the staff strings in `language`, as the console has it (no HTML escaping: React does that). */
export async function staffTranslator(language: 'es' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { es: { staff: es }, en: { staff: en } },
    lng: language,
    ns: ['staff'],
    defaultNS: 'staff',
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
