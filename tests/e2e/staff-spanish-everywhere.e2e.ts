/**
 * The staff console in Spanish says nothing in English: signed in with the console in Spanish,
 * every staff page (the list, the editor with a real checker problem, its "avanzado" YAML pane,
 * history, publishing and preview, the fleet, people, the audit trail, analytics, the workshops
 * page with a workshop running) is scanned, and no visible text is a sentence of the English
 * catalogues (the console's staff.json with the trainer's page's words it shares with the
 * volunteer console, and the checker's messages) that Spanish says differently. The hub's own lines are part of it: the
 * changelog of an imported sample and of a rollback, the audit trail's summaries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { en as checkerEnglish } from '../../core/procedure/messages/en.js';
import { es as checkerSpanish } from '../../core/procedure/messages/es.js';
import { fillPath } from '../../core/protocol/api-routes.js';
import { expect, test } from './fixtures/hub.js';
import { signIn, staffApiAs } from './support/staff-console.js';
import { openYaml } from './support/yaml-editor.js';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 90_000 });
test.use({ actionTimeout: 10_000 });

// Read as files: Playwright's loader takes no JSON modules. The console's strings as
// renderer/staff/i18n/staff-i18n.ts puts them together: the trainer's page's `workshop` words
// from the volunteer catalogue, under the staff catalogue's own.
const catalogue = (language: 'es' | 'en', name: 'staff' | 'volunteer') =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/locales', language, `${name}.json`), 'utf8')) as Record<string, unknown>;
const staffStrings = (language: 'es' | 'en') => {
  const own = catalogue(language, 'staff');
  const shared = catalogue(language, 'volunteer');
  return { ...own, workshop: { ...(shared['workshop'] as object), ...(own['workshop'] as object) } } as unknown as {
    changelog: { imported: string; rollback: string };
    preview: { realSize: string };
  };
};
const en = staffStrings('en');
const es = staffStrings('es');

const procedureId = 'certificado-empadronamiento';
const missingStep = 'paso-que-no-existe';

/** Every string of a nested strings file, by its key path. */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

/**
 * Words that are the same in both languages however the catalogues write them: names of formats,
 * and Spanish named in Spanish (the English console's switch to Spanish says "Español" and "es",
 * which the Spanish console rightly shows as a script's language). Nothing else is allowed through.
 */
const sameInBothLanguages = new Set(['YAML', 'PIN', 'CSV', 'JSON', 'URL', 'OK', 'Español', 'es']);

/**
 * The English a Spanish console must never show: each English string that Spanish says
 * differently, cut at its placeholders into the fixed words between them. A short piece must be a
 * whole text on the page to count (an English "Text" is not the start of "Texto"); a long one
 * counts anywhere in a text.
 */
function englishNeedles(): { whole: Set<string>; inside: string[] } {
  const spanish = new Map([...flatten(es), ...Object.entries(checkerSpanish).map(([key, text]): [string, string] => [`checker.${key}`, text])]);
  const english = [...flatten(en), ...Object.entries(checkerEnglish).map(([key, text]): [string, string] => [`checker.${key}`, text])];
  const whole = new Set<string>();
  const inside: string[] = [];
  for (const [key, text] of english) {
    if (spanish.get(key) === text) continue;
    for (const piece of text.split(/\{\{?[A-Za-z]\w*\}\}?/)) {
      const trimmed = piece.trim().replace(/^[\s,.:;()·—-]+|[\s,:;(·—-]+$/g, '');
      if (!/[A-Za-z]{2}/.test(trimmed) || sameInBothLanguages.has(trimmed)) continue;
      if (trimmed.length >= 14) inside.push(trimmed);
      else whole.add(trimmed);
    }
  }
  return { whole, inside };
}

/**
 * Every text a person sees on the page now: visible text nodes (in open shadow roots too, the YAML
 * editor's among them), options of selects and placeholders. Not the YAML itself (what staff
 * typed) nor the kiosk inside the preview (its own catalogue, in the senior's language).
 */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const skip = (element: Element): boolean => element.closest('script, style, noscript, iframe, .cm-content, .cm-gutters') !== null;
    const visit = (root: Document | ShadowRoot): void => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.shadowRoot) visit(node.shadowRoot);
          const placeholder = node.getAttribute('placeholder');
          if (placeholder && !skip(node)) texts.push(placeholder);
          continue;
        }
        const parent = node.parentElement;
        const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        if (!parent || text === '' || skip(parent)) continue;
        if (parent.closest('option') || parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) texts.push(text);
      }
    };
    visit(document);
    return texts;
  });
}

test('every staff page speaks Spanish when the console is Spanish: no sentence of the English catalogues, checker and hub lines included', async ({
  page,
  hub,
}) => {
  // The hub's own lines: v1 is an imported sample, v2 a publication, v3 a rollback; then a draft
  // with a broken link, which the editor's checker finds.
  const api = await staffApiAs(hub.url);
  let detail = await api.detail(procedureId);
  const source = detail.published?.source ?? '';
  const route = (name: 'staffDraft' | 'staffPublish' | 'staffRollback') => fillPath(name, { id: procedureId });
  expect((await api.send('PUT', route('staffDraft'), { source: `${source}\n# cambio\n`, baseRevision: detail.revision })).status).toBe(200);
  detail = await api.detail(procedureId);
  expect((await api.send('POST', route('staffPublish'), { baseRevision: detail.revision, changelog: 'Nuevo horario de atención' })).status).toBe(200);
  detail = await api.detail(procedureId);
  expect((await api.send('POST', route('staffRollback'), { baseRevision: detail.revision, toVersion: 1 })).status).toBe(200);
  detail = await api.detail(procedureId);
  const broken = source.replace('next: lo-necesita', `next: ${missingStep}`);
  expect(broken).not.toBe(source);
  expect((await api.send('PUT', route('staffDraft'), { source: broken, baseRevision: detail.revision })).status).toBe(200);

  const { whole, inside } = englishNeedles();
  const found: Record<string, string[]> = {};
  const scan = async (where: string): Promise<void> => {
    const texts = await visibleTexts(page);
    // A scan that read nothing would pass for nothing: every page has dozens of texts.
    expect(texts.length, where).toBeGreaterThan(20);
    const english = texts.filter((text) => whole.has(text) || inside.some((needle) => text.includes(needle)));
    if (english.length > 0) found[where] = [...new Set(english)];
  };
  const heading = (name: string) => page.getByRole('heading', { level: 1, name });
  const nav = page.getByRole('navigation', { name: 'Secciones' });

  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await scan('procedures');

  await page.goto(`/staff/#/procedures/${procedureId}`);
  await expect(heading('Editando: Certificado de empadronamiento')).toBeVisible({ timeout: 15_000 });
  // The checker's real problem, in Spanish in the problems list.
  const problems = page.locator('#editor-problems');
  await expect(problems).toContainText(`lleva a "${missingStep}", que no existe`, { timeout: 15_000 });
  await openYaml(page);
  // The hub's changelog lines in the history, in Spanish.
  await expect(page.getByText(es.changelog.imported, { exact: true })).toBeVisible();
  await expect(page.getByText(es.changelog.rollback.replace('{{version}}', '1'), { exact: true })).toBeVisible();
  await scan('editor (form, problems, YAML, history, publish)');
  // The preview needs a procedure without problems: another one, its preview at real size too.
  await page.goto('/staff/#/procedures/cita-previa');
  await expect(heading('Editando: Cita previa con Línea Madrid')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.fit-survey td[data-parts]').first()).toBeVisible({ timeout: 15_000 });
  await scan('editor with its preview');
  await page.getByRole('button', { name: es.preview.realSize }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan('preview at real size');
  await page.keyboard.press('Escape');

  for (const name of ['Kioscos', 'Personas', 'Registro de cambios', 'Analítica']) {
    await nav.getByRole('link', { name }).click();
    await expect(heading(name)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Cargando' })).toHaveCount(0);
    if (name === 'Registro de cambios') await expect(page.locator('.audit-summary').first()).toHaveText(/^Guardó el borrador con \d+ problemas?\.$/);
    await scan(name);
  }
  // The workshops page (its few words before a site is chosen are scanned with the site's): the
  // lessons to start with, then a workshop running (code, grid, controls).
  await nav.getByRole('link', { name: 'Talleres' }).click();
  await expect(heading('Talleres')).toBeVisible();
  await page.getByLabel('Centro del taller').selectOption({ index: 1 });
  await page.getByRole('checkbox').first().click();
  await scan('Talleres: the lessons');
  await page.getByRole('button', { name: 'Empezar el taller' }).click();
  await expect(page.locator('.join-code-digits')).toBeVisible();
  await scan('Talleres: a workshop running');
  await page.getByRole('button', { name: 'Miren todos aquí' }).click();
  await scan('Talleres: bringing everyone to a step');
  expect(found).toEqual({});
});
