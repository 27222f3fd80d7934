import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en/staff.json';
import es from '../../../assets/locales/es/staff.json';
import { formatMomentPhrase } from '../../../renderer/staff/shared/format.js';

async function translator(language: 'es' | 'en') {
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

// 3 December 2026, 23:49 in Madrid (22:49 UTC).
const lateEvening = Date.UTC(2026, 11, 3, 22, 49);

describe('a moment inside a staff sentence', () => {
  it('reads "el 3 dic 2026 a las 23:49", not "a las 3 dic 2026, 23:49", in the concurrent-save notice', async () => {
    const t = await translator('es');
    const when = formatMomentPhrase(lateEvening, 'es', 'Europe/Madrid');
    expect(t('publish.conflict', { who: 'Marta', when })).toMatch(
      /^Marta ha guardado este trámite el 3 dic 2026 a las 23:49, después de que usted lo abriera\./,
    );
  });

  it('reads "on 3 Dec 2026 at 23:49" in English', async () => {
    const t = await translator('en');
    const when = formatMomentPhrase(lateEvening, 'en', 'Europe/Madrid');
    expect(t('publish.conflict', { who: 'Marta', when })).toMatch(/^Marta saved this procedure on 3 Dec 2026 at 23:49, after you opened it\./);
  });

  it('says "a la 1:05" at one o\'clock, as Spanish does', () => {
    expect(formatMomentPhrase(Date.UTC(2026, 11, 3, 0, 5), 'es', 'Europe/Madrid')).toBe('el 3 dic 2026 a la 1:05');
    expect(formatMomentPhrase(Date.UTC(2026, 11, 3, 12, 5), 'es', 'Europe/Madrid')).toBe('el 3 dic 2026 a las 13:05');
  });
});
