/**
 * The checker's notes in the staff editor: checked in the page with the problems, worded in the
 * console's language, listed apart from the problems (never as one), and never a reason to keep
 * the procedure from the preview or from publishing.
 */
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en/staff.json';
import es from '../../../assets/locales/es/staff.json';
import { checkForEditor } from '../../../renderer/staff/editor/located-problems.js';
import { noteText } from '../../../renderer/staff/editor/note-words.js';
import { ProblemsList } from '../../../renderer/staff/editor/problems-list.js';
import { miniProcedureYaml, stepYaml } from '../../support/procedures.js';

async function consoleI18n(language: 'es' | 'en') {
  const instance = i18next.createInstance();
  await instance
    .use(initReactI18next)
    .init({ resources: { es: { staff: es }, en: { staff: en } }, lng: language, ns: ['staff'], defaultNS: 'staff', interpolation: { escapeValue: false } });
  return instance;
}

/** A two-language procedure (Spanish and Arabic) with `reviewed` as its reviewedLanguages line, if any. */
function bilingual(reviewed: string): string {
  return miniProcedureYaml(stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done'), reviewed)
    .replace('languages: [es]', 'languages: [es, ar]')
    .replace('title: { es: Mini }', 'title: { es: Mini, ar: مصغّر }')
    .replace('summary: { es: Un trámite de prueba. }', 'summary: { es: Un trámite de prueba., ar: إجراء للتجربة. }')
    .replace(/title: \{ es: Título (\w+) \}/g, 'title: { es: Título $1, ar: عنوان }')
    .replace(/text: \{ es: Texto (\w+) \}/g, 'text: { es: Texto $1, ar: نص }');
}

const arabicUnreviewed = bilingual('reviewedLanguages: [es]\n');

describe('notes in the staff editor', () => {
  it('come with the editor check, and leave the procedure to preview and publish', () => {
    const check = checkForEditor(arabicUnreviewed);
    expect(check.problems).toEqual([]);
    expect(check.procedure?.id).toBe('mini');
    expect(check.notes.map(({ kind, language, line }) => ({ kind, language, line }))).toEqual([{ kind: 'unreviewed-language', language: 'ar', line: 9 }]);
    expect(checkForEditor(bilingual('reviewedLanguages: [es, ar]\n')).notes).toEqual([]);
  });

  it('are worded in the console language, whatever language the checker wrote them in', async () => {
    const [note] = checkForEditor(arabicUnreviewed).notes;
    if (!note) throw new Error('no note');
    const spanish = await consoleI18n('es');
    expect(noteText(note, spanish.t, 'es')).toBe(
      'Línea 9: Árabe (ar): ningún hablante nativo ha revisado este texto. Pida a uno que lo revise antes de que lo usen las personas mayores; después márquelo en «Revisados por un hablante nativo».',
    );
    const english = await consoleI18n('en');
    expect(noteText(note, english.t, 'en')).toBe(
      'Line 9: Arabic (ar): no native speaker has reviewed this text. Have it reviewed before seniors use it; then tick it under "Reviewed by a native speaker".',
    );
  });

  it('are listed apart from the problems, under their own heading, with "no problems" still said', async () => {
    const check = checkForEditor(arabicUnreviewed);
    const i18n = await consoleI18n('es');
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ProblemsList id="p" problems={check.problems} notes={check.notes} checking={false} onGoTo={() => undefined} />
      </I18nextProvider>,
    );
    expect(html).toContain('Sin problemas.');
    expect(html).not.toContain('problems-found');
    expect(html).not.toContain('class="problem-list"');
    expect(html).toContain('<h4 id="p-notes-heading"><span aria-hidden="true">ℹ </span>1 nota (no impide publicar)</h4>');
    expect(html).toMatch(
      /<ul class="note-list" aria-labelledby="p-notes-heading"><li><button type="button" class="link-button">Línea 9: Árabe \(ar\): ningún hablante nativo/,
    );
  });

  it('stay beside the problems of a draft being fixed, each in its own list', async () => {
    const check = checkForEditor(arabicUnreviewed.replace('next: fin', 'next: nada'));
    expect(check.problems.length).toBeGreaterThan(0);
    expect(check.notes).toHaveLength(1);
    const i18n = await consoleI18n('en');
    const html = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <ProblemsList id="p" problems={check.problems} notes={check.notes} checking={false} onGoTo={() => undefined} />
      </I18nextProvider>,
    );
    const problemList = /<ul id="p" class="problem-list">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    const noteList = /<ul class="note-list"[^>]*>(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(problemList).toContain('&quot;nada&quot;');
    expect(problemList).not.toContain('native speaker');
    expect(noteList).toContain('Arabic (ar): no native speaker has reviewed this text.');
    expect(noteList).not.toContain('nada');
    expect(html).toContain('1 note (publishing is still possible)');
  });
});
