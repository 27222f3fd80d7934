import { describe, expect, it } from 'vitest';
import { staffTranslator } from './support/staff-translator.js';
import { formatMomentPhrase } from '../../../renderer/staff/shared/format.js';

// 3 December 2026, 23:49 in Madrid (22:49 UTC).
const lateEvening = Date.UTC(2026, 11, 3, 22, 49);

describe('a moment inside a staff sentence', () => {
  it('reads "el 3 dic 2026 a las 23:49", not "a las 3 dic 2026, 23:49", in the concurrent-save notice', async () => {
    const t = await staffTranslator('es');
    const when = formatMomentPhrase(lateEvening, 'es', 'Europe/Madrid');
    expect(t('publish.conflict', { who: 'Marta', when })).toMatch(
      /^Marta ha guardado este trámite el 3 dic 2026 a las 23:49, después de que usted lo abriera\./,
    );
  });

  it('reads "on 3 Dec 2026 at 23:49" in English', async () => {
    const t = await staffTranslator('en');
    const when = formatMomentPhrase(lateEvening, 'en', 'Europe/Madrid');
    expect(t('publish.conflict', { who: 'Marta', when })).toMatch(/^Marta saved this procedure on 3 Dec 2026 at 23:49, after you opened it\./);
  });

  it('says "a la 1:05" at one o\'clock, as Spanish does', () => {
    expect(formatMomentPhrase(Date.UTC(2026, 11, 3, 0, 5), 'es', 'Europe/Madrid')).toBe('el 3 dic 2026 a la 1:05');
    expect(formatMomentPhrase(Date.UTC(2026, 11, 3, 12, 5), 'es', 'Europe/Madrid')).toBe('el 3 dic 2026 a las 13:05');
  });
});
