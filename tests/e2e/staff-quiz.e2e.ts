/**
 * A clerk writes a practice question in the staff editor's form alone (issue 18): the kind
 * "Pregunta de práctica", the answers in every language, the safe answer chosen like a radio
 * button (the checker asks for exactly one until it is chosen), the explanation; the published
 * script holds a quiz with one answer marked correct.
 */
import type { Locator, Page } from '@playwright/test';
import { load } from 'js-yaml';
import { procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { axeAA, signIn } from './support/staff-console.js';

test.use({ viewport: { width: 1600, height: 1000 } });

function stepList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Pasos' });
}

test('a clerk turns a step into a practice question, marks its one safe answer, writes the explanation and publishes it', async ({ page, hub }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.getByRole('link', { name: 'Editar Teleasistencia en casa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Editando: Teleasistencia en casa' })).toBeVisible();
  await stepList(page)
    .getByRole('option', { name: /bienvenida/ })
    .click();
  const kind = page.getByLabel('Tipo');
  await expect(kind.locator('option', { hasText: 'Pregunta de práctica' })).toHaveCount(1);
  await kind.selectOption({ label: 'Pregunta de práctica' });
  await expect(kind).toHaveValue('quiz');
  // The new kind's fields come with the script's next check: the step list says the new kind, the explanation's field is there.
  await expect(stepList(page).getByRole('option', { name: /bienvenida/ })).toContainText('Pregunta de práctica');
  await expect(page.getByLabel('Explicación (se muestra y se dice después de cualquier respuesta), Español')).toBeVisible();
  // …and the check of the changed script has come back: the empty answers are marked.
  await expect(page.getByRole('group', { name: 'Respuesta 1', exact: true }).getByLabel('Respuesta 1, Español')).toHaveAttribute('aria-invalid', 'true');

  const answers = [
    { es: 'Se lo digo', en: 'I tell them', ar: 'أخبره' },
    { es: 'Cuelgo y llamo yo', en: 'I hang up and call myself', ar: 'أغلق الخط وأتصل بنفسي' },
  ];
  for (const [n, words] of answers.entries()) {
    const group = page.getByRole('group', { name: `Respuesta ${n + 1}`, exact: true });
    await group.getByLabel(`Respuesta ${n + 1}, Español`).fill(words.es);
    await group.getByLabel(`Respuesta ${n + 1}, Inglés`).fill(words.en);
    await group.getByLabel(`Respuesta ${n + 1}, Árabe`).fill(words.ar);
    await expect(group.getByLabel(`Respuesta ${n + 1}, Español`)).toHaveValue(words.es);
  }
  const explanation = 'Explicación (se muestra y se dice después de cualquier respuesta)';
  await page.getByLabel(`${explanation}, Español`).fill('El banco nunca le pide el PIN.');
  await page.getByLabel(`${explanation}, Inglés`).fill('Your bank never asks for your PIN.');
  await page.getByLabel(`${explanation}, Árabe`).fill('البنك لا يطلب رقمك السري أبدا.');

  // No safe answer yet: the checker says so, at the choice of the safe answer.
  const safe = page.getByRole('group', { name: '¿Cuál es la respuesta segura?' });
  await expect(safe.locator('.field-problems')).toContainText('"bienvenida"');
  expect(await axeAA(page)).toEqual([]);
  await safe.getByLabel('Respuesta 2: Cuelgo y llamo yo').check();
  await expect(page.getByText('Sin problemas.')).toBeVisible();
  // Radio-like: choosing another moves the mark, never two.
  await safe.getByLabel('Respuesta 1: Se lo digo').check();
  await expect(safe.getByLabel('Respuesta 2: Cuelgo y llamo yo')).not.toBeChecked();
  await safe.getByLabel('Respuesta 2: Cuelgo y llamo yo').check();
  await expect(page.getByText('Sin problemas.')).toBeVisible();
  await expect(safe.locator('.field-problems')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/pw-A-shots/staff-quiz.png', fullPage: false });

  await page.getByLabel('Qué ha cambiado (una línea, obligatorio)').fill('Una pregunta de práctica');
  await page.getByRole('button', { name: 'Publicar la versión 2' }).click();
  await expect(page.getByText(/La versión 2 está publicada/)).toBeVisible();

  const login = (await (
    await fetch(hub.url + apiRoutes.staffLogin.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
    })
  ).json()) as { token: string };
  const detail = procedureDetailResponseSchema.parse(
    await (await fetch(hub.url + fillPath('staffProcedure', { id: 'teleasistencia' }), { headers: { authorization: `Bearer ${login.token}` } })).json(),
  );
  const script = load(detail.published?.source ?? '') as { steps: { id: string; kind: string; choices?: { correct?: boolean }[]; explanation?: unknown }[] };
  const quiz = script.steps.find((step) => step.id === 'bienvenida');
  expect(quiz?.kind).toBe('quiz');
  expect(quiz?.choices?.map((choice) => choice.correct === true)).toEqual([false, true]);
  expect(quiz?.explanation).toEqual({ es: 'El banco nunca le pide el PIN.', en: 'Your bank never asks for your PIN.', ar: 'البنك لا يطلب رقمك السري أبدا.' });
});
