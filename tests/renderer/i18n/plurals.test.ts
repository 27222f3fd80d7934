/**
 * Every counted string of every UI, in every language it is written in, through i18next's own
 * plural rules (issue 13: "unos 1 minutos", "حوالي 1 دقائق" and "2 دقيقتين" were shown and
 * spoken). For each counted key: every plural category the language has is written (Arabic has
 * six), and for the counts 0–11, 20 and 100 the sentence is whole, with the figure in it unless
 * the form says it in words ("un minuto", "دقيقتين").
 */
import i18next from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupCounted, pluralBase, pluralCategory } from '../../../core/audio/template.js';

const localesDir = path.resolve(import.meta.dirname, '../../../assets/locales');
const counts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20, 100];
// Placeholders that hold a count: a sentence with one must be written as plural forms of {{count}}.
const countPlaceholders = /\{\{\s*(count|minutes|seconds|days|hours)\s*\}\}/;
/**
 * Counted strings whose unit is an abbreviation, the same for every count ("3 min 20 s" on a
 * volunteer's timer; "12 s" in the staff's figures), so they need no plural forms.
 */
const abbreviatedUnits = new Set(['volunteer:call.minutes', 'staff:analytics.seconds']);
/** Counted strings with no word to agree with the figure: a section's heading and its entries in brackets, "Palabras difíciles (5)". */
const bareFigures = new Set(['staff:form.sectionCount']);

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix === '' ? key : `${prefix}.${key}`));
}

const locales = readdirSync(localesDir).flatMap((language) =>
  readdirSync(path.join(localesDir, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      language,
      namespace: file.replace(/\.json$/, ''),
      strings: JSON.parse(readFileSync(path.join(localesDir, language, file), 'utf8')) as unknown,
    })),
);

describe('counted strings', () => {
  it('finds the kiosk in es, en and ar', () => {
    expect(
      locales
        .filter((locale) => locale.namespace === 'kiosk')
        .map((locale) => locale.language)
        .sort(),
    ).toEqual(['ar', 'en', 'es']);
  });

  for (const { language, namespace, strings } of locales) {
    describe(`${namespace} in ${language}`, () => {
      const all = leaves(strings);
      const pluralKeys = new Set(all.filter(([key]) => pluralBase(key) !== key).map(([key]) => pluralBase(key)));
      // The categories a kiosk's counts can fall in (Spanish's "many", for millions, cannot).
      const categories = [...new Set(counts.map((count) => pluralCategory(language, count)))];

      it('writes a count only as plural forms of {{count}}', () => {
        const bare = all
          .filter(
            ([key, text]) =>
              pluralBase(key) === key &&
              countPlaceholders.test(text) &&
              !abbreviatedUnits.has(`${namespace}:${key}`) &&
              !bareFigures.has(`${namespace}:${key}`),
          )
          .map(([key]) => key);
        expect(bare, `counted without plural forms in ${namespace}.json (${language})`).toEqual([]);
      });

      it(`has every plural form ${language} needs (${categories.join(', ')})`, () => {
        const missing = [...pluralKeys].flatMap((key) =>
          categories.filter((category) => !all.some(([leaf]) => leaf === `${key}_${category}`)).map((category) => `${key}_${category}`),
        );
        expect(missing).toEqual([]);
      });

      it('says every count from 0 to 11, 20 and 100 in a whole sentence', async () => {
        const instance = i18next.createInstance();
        await instance.init({
          lng: language,
          resources: { [language]: { [namespace]: strings as Record<string, unknown> } },
          ns: [namespace],
          defaultNS: namespace,
          interpolation: { escapeValue: false },
        });
        for (const key of pluralKeys) {
          // Every other placeholder of the sentence (a name, a version, the first problem) gets a
          // sample value, so only the count's forms are on trial.
          const others = all
            .filter(([leaf]) => pluralBase(leaf) === key)
            .flatMap(([, text]) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? ''));
          const samples: Record<string, string> = Object.fromEntries(others.filter((name) => name !== 'count').map((name) => [name, `‹${name}›`]));
          for (const count of counts) {
            const text = instance.t(key, { count, ...samples });
            expect(text, `${key} for ${count}`).not.toMatch(/\{\{|_(one|other)$/);
            // Our own reading of the forms is i18next's: the hub speaks with it (lookupCounted).
            expect(text, `${key} for ${count}: i18next and lookupCounted disagree`).toBe(
              lookupCounted(strings, key, language, count)
                ?.replace(/\{\{\s*count\s*\}\}/g, String(count))
                .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => samples[name] ?? `{{${name}}}`),
            );
            const category = pluralCategory(language, count);
            if (category === 'few' || category === 'many' || category === 'other')
              expect(text, `${key} for ${count} (${category}) must show the figure`).toContain(String(count));
          }
        }
      });
    });
  }

  it('says Arabic minutes with the dual and the plural of 3–10', async () => {
    const strings = locales.find((locale) => locale.language === 'ar' && locale.namespace === 'kiosk')?.strings;
    const instance = i18next.createInstance();
    await instance.init({
      lng: 'ar',
      resources: { ar: { kiosk: strings as Record<string, unknown> } },
      interpolation: { escapeValue: false },
      defaultNS: 'kiosk',
      ns: ['kiosk'],
    });
    expect(instance.t('help.queued', { count: 1, position: 3 })).toContain('دقيقة واحدة');
    expect(instance.t('help.queued', { count: 2, position: 3 })).toContain('دقيقتين');
    expect(instance.t('help.queued', { count: 2, position: 3 })).not.toContain('2');
    expect(instance.t('help.queued', { count: 5, position: 3 })).toContain('5 دقائق');
    expect(instance.t('help.queued', { count: 11, position: 3 })).toContain('11 دقيقة');
  });

  it('says "un minuto", not "unos 1 minutos"', async () => {
    const strings = locales.find((locale) => locale.language === 'es' && locale.namespace === 'kiosk')?.strings;
    const instance = i18next.createInstance();
    await instance.init({
      lng: 'es',
      resources: { es: { kiosk: strings as Record<string, unknown> } },
      interpolation: { escapeValue: false },
      defaultNS: 'kiosk',
      ns: ['kiosk'],
    });
    expect(instance.t('help.queued', { count: 1, position: 2 })).toBe('Usted es el número 2 en la lista. Espera: un minuto, más o menos.');
    expect(instance.t('help.queued', { count: 4, position: 2 })).toBe('Usted es el número 2 en la lista. Espera: unos 4 minutos.');
    expect(instance.t('idle.countdown', { count: 1 })).toBe('Si no toca nada, todo se borrará en 1 segundo.');
  });
});
