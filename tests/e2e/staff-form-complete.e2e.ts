/**
 * The editor's form covers the whole script (issue 16): a clerk adds a requirement and a way to
 * do the procedure, rewrites a hard word's meaning, a thing to tick and what happens after the
 * last step, through the form alone (the YAML is never touched), and publishes; the published
 * script holds every change. The step list is one Tab stop, moved through with the arrow keys.
 */
import { load } from 'js-yaml';
import { procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { axeAA, signIn } from './support/staff-console.js';
import type { Locator, Page } from '@playwright/test';

test.use({ viewport: { width: 1600, height: 1000 } });
// Like the other staff tests: a real hub and a long editing walk on a shared two-core machine. One
// test, one hub and one sign-in for both walks (each cost seconds); each step keeps its own time.
const stepTimeout = 120_000;
test.describe.configure({ timeout: 2 * stepTimeout });

/** Fills one text in every language of the script, inside `scope`, by the field's label. */
async function fillEveryLanguage(scope: Locator, label: string, texts: { es: string; en: string; ar: string }): Promise<void> {
  await scope.getByLabel(`${label}, Español`).fill(texts.es);
  await scope.getByLabel(`${label}, Inglés`).fill(texts.en);
  await scope.getByLabel(`${label}, Árabe`).fill(texts.ar);
}

/** The published source of a procedure, read through the hub's staff API. */
async function publishedScript(hubUrl: string, id: string): Promise<{ version: number | undefined; script: Record<string, unknown> }> {
  const login = await fetch(hubUrl + apiRoutes.staffLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(hubUrl + fillPath('staffProcedure', { id }), { headers: { authorization: `Bearer ${token}` } });
  const detail = procedureDetailResponseSchema.parse(await response.json());
  return { version: detail.published?.version, script: load(detail.published?.source ?? '') as Record<string, unknown> };
}

function stepList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Pasos' });
}

test('the form alone edits the whole script and publishes it, and its step list is one Tab stop', async ({ page, hub }) => {
  await signIn(page);

  await test.step(
    'a clerk edits requirements, channels, a hard word, a checklist item and a final text through the form alone, and publishes them',
    async () => {
      await page.getByRole('link', { name: 'Editar Teleasistencia en casa' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Editando: Teleasistencia en casa' })).toBeVisible();

      // Each section is closed again after use: an open one renders every text of its list.
      await page.getByText('Lo que hay que tener a mano (3)').click();
      await page.getByRole('button', { name: 'Añadir un requisito' }).click();
      const requirement = page.getByRole('group', { name: 'Requisito 4' });
      await expect(requirement.getByText('Requisito 4')).toBeFocused();
      // axe while the new entry's texts are still empty: their problems are on the page, and the
      // preview's fit survey (hidden frames, drawn only for a script without problems) is not.
      await expect(requirement.locator('.field-problems').first()).toBeVisible();
      expect(await axeAA(page)).toEqual([]);
      await fillEveryLanguage(requirement, 'Qué es (por ejemplo «Su DNI en vigor»)', {
        es: 'Su tarjeta sanitaria',
        en: 'Your health card',
        ar: 'بطاقتك الصحية',
      });
      await fillEveryLanguage(requirement, 'Pregunta antes de empezar (por ejemplo «¿Tiene su DNI a mano?»)', {
        es: '¿Tiene a mano su tarjeta sanitaria?',
        en: 'Do you have your health card with you?',
        ar: 'هل معك بطاقتك الصحية؟',
      });
      await page.getByText('Lo que hay que tener a mano (4)').click();

      await page.getByText('Otras formas de hacer el trámite (3)').click();
      await page.getByRole('button', { name: 'Añadir otra forma' }).click();
      const channel = page.getByRole('group', { name: 'Forma 4' });
      await channel.getByLabel('Cómo').selectOption({ label: 'Por chat' });
      await channel.getByLabel('Cita').selectOption({ label: 'No hace falta cita' });
      await fillEveryLanguage(channel, 'Nombre (por ejemplo «Llamando al 010»)', {
        es: 'Por el chat municipal',
        en: 'By the city chat',
        ar: 'عبر دردشة البلدية',
      });
      await page.getByText('Otras formas de hacer el trámite (4)').click();

      await page.getByText('Palabras difíciles (5)').click();
      const word = page.getByRole('group', { name: 'Palabra 1' });
      await word.getByLabel('Qué significa, con palabras sencillas, Español').fill('Un botón en casa para pedir ayuda a cualquier hora.');
      await expect(page.getByText('Sin problemas.')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: 'docs/screenshots/staff-editor-form.png' });
      await page.getByText('Palabras difíciles (5)').click();

      await stepList(page)
        .getByRole('option', { name: /dispositivos/ })
        .click();
      await page.getByRole('group', { name: 'Cosa 1' }).getByLabel('Texto, Español').fill('Un aviso si se cae al suelo');
      await stepList(page)
        .getByRole('option', { name: /fin-cita/ })
        .click();
      await page
        .getByLabel('Qué pasa después, cuando la persona se va del kiosco (opcional), Español')
        .fill('Vaya a la cita con su DNI y su tarjeta sanitaria.');

      await expect(page.getByText('Sin problemas.')).toBeVisible();
      await page.getByLabel('Qué ha cambiado (una línea, obligatorio)').fill('Tarjeta sanitaria, chat y textos');
      await page.getByRole('button', { name: 'Publicar la versión 2' }).click();
      await expect(page.getByText(/La versión 2 está publicada/)).toBeVisible();

      const { version, script } = await publishedScript(hub.url, 'teleasistencia');
      expect(version).toBe(2);
      expect((script['requirements'] as unknown[])[3]).toEqual({
        id: 'requisito',
        label: { es: 'Su tarjeta sanitaria', en: 'Your health card', ar: 'بطاقتك الصحية' },
        question: { es: '¿Tiene a mano su tarjeta sanitaria?', en: 'Do you have your health card with you?', ar: 'هل معك بطاقتك الصحية؟' },
      });
      expect((script['channels'] as unknown[])[3]).toEqual({
        kind: 'chat',
        label: { es: 'Por el chat municipal', en: 'By the city chat', ar: 'عبر دردشة البلدية' },
        appointment: 'not-needed',
      });
      expect((script['glossary'] as { meaning: { es: string } }[])[0]?.meaning.es).toBe('Un botón en casa para pedir ayuda a cualquier hora.');
      const steps = script['steps'] as { id: string; items?: { label: { es: string } }[]; whatNext?: { es: string } }[];
      expect(steps.find((step) => step.id === 'dispositivos')?.items?.[0]?.label.es).toBe('Un aviso si se cae al suelo');
      expect(steps.find((step) => step.id === 'fin-cita')?.whatNext?.es).toBe('Vaya a la cita con su DNI y su tarjeta sanitaria.');
    },
    { timeout: stepTimeout },
  );

  await test.step(
    'the step list is one Tab stop: arrows, Home and End choose a step, Enter goes to its fields; languages are added and removed',
    async () => {
      // Back to the list, the published script saved: another procedure's editor.
      await page.getByRole('link', { name: /Volver a los trámites/ }).click();
      await page.getByRole('link', { name: 'Editar Certificado de empadronamiento' }).click();
      const options = stepList(page).getByRole('option');
      const first = options.first();
      await first.click();
      await expect(first).toBeFocused();
      await expect(first).toHaveAttribute('aria-selected', 'true');
      // Only the chosen step is in the Tab order; Tab leaves the list, Shift+Tab comes back to it.
      expect(await stepList(page).locator('[tabindex="0"]').count()).toBe(1);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('option');
      await page.keyboard.press('Shift+Tab');
      await expect(first).toBeFocused();

      await page.keyboard.press('ArrowDown');
      await expect(options.nth(1)).toBeFocused();
      await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(first).toHaveAttribute('aria-selected', 'false');
      await expect(page.getByRole('heading', { level: 3, name: /^Paso 2: / })).toBeVisible();
      await page.keyboard.press('End');
      const count = await options.count();
      await expect(options.nth(count - 1)).toBeFocused();
      await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^Paso ${count}: `) })).toBeVisible();
      await page.keyboard.press('Home');
      await expect(first).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 3, name: 'Paso 1: bienvenida' })).toBeFocused();
      // The kinds are in words, in the console's language.
      await expect(first).toContainText('Información');
      await expect(page.getByLabel('Tipo')).toHaveValue('info');
      await expect(page.getByLabel('Tipo').locator('option:checked')).toHaveText('Información');

      // A language is added by its code and removed with its texts, all in the form.
      await page.getByText('El trámite', { exact: true }).click();
      await page.getByLabel('Código del idioma nuevo (por ejemplo «fr» para francés)').fill('fr');
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Texto en pantalla, Francés')).toHaveValue('');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Quitar Árabe (ar)' }).click();
      await expect(page.getByLabel('Texto en pantalla, Árabe')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Quitar Francés (fr)' })).toBeVisible();
    },
    { timeout: stepTimeout },
  );
});
