/**
 * A kiosk in a workshop (issue 18), against a real hub with the trainer's commands over its HTTP
 * routes as the trainer's console sends them: "Unirme a un taller", the language and text size
 * (the session's own screens; kiosk-workshop-language.e2e.ts joins in Arabic), the code typed on the
 * on-screen keyboard's digits, a first name, the lesson in the PRÁCTICA look; each new step
 * reaches the trainer's grid (lesson and step only); "Miren todos aquí" moves the kiosk to the
 * trainer's step; a pause shows the trainer's message; the help button raises a hand and "Ana
 * viene" appears once the trainer answers; the end offers the certificate of participation and
 * returns the kiosk to its attract screen with nothing of the participant left in the page, its
 * storage or the hub.
 */
import { expect, test } from './fixtures/hub.js';
import { kioskUrl } from './support/kiosk-screens.js';
import { placesHolding } from './support/privacy-search.js';
import { toWorkshopCode, typeOnKeys } from './support/workshop-kiosks.js';
import { startWorkshopAsAna } from './support/workshop-trainer.js';

test('a kiosk joins a workshop by code and follows the trainer: progress, follow, pause, a raised hand, the end, and nothing left', async ({ page, hub }) => {
  test.setTimeout(120_000);
  const ana = await startWorkshopAsAna(hub.url);
  await page.goto(kioskUrl);

  // Joining: the language and text size (Spanish at 32 px), the code on the on-screen keyboard
  // (a wrong one first), then a first name.
  await toWorkshopCode(page);
  await expect(page.locator('.session-bar [data-practice-banner]')).toBeVisible();
  const wrong = ana.code === '9999' ? '8888' : '9999';
  await typeOnKeys(page, wrong);
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Ese código no es de ningún taller abierto. Mírelo otra vez.');
  for (let index = 0; index < wrong.length; index++) await page.getByRole('button', { name: 'Borrar', exact: true }).click();
  await typeOnKeys(page, ana.code);
  await expect(page.getByLabel('Código del taller')).toHaveValue(ana.code);
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('heading', { name: '¿Cómo quiere que le llame el voluntario? (opcional)' })).toBeVisible();
  await page.getByLabel('Su nombre').fill('Maruja');
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();

  // The lessons, then the lesson in the PRÁCTICA look; the grid shows the seat, the name and the step.
  await expect(page.getByRole('heading', { name: 'Las lecciones del taller' })).toBeVisible();
  await page.getByRole('button', { name: /Practicar con el código de Cl@ve/ }).click();
  await expect(page.locator('main[data-step-id="bienvenida"]')).toBeVisible();
  await expect(page.locator('.kiosk.kiosk-practice .session-bar [data-practice-banner]')).toBeVisible();
  await expect
    .poll(async () => (await ana.grid()).seats.map((seat) => [seat.firstName, seat.lessonId, seat.stepId]))
    .toEqual([['Maruja', 'practica-clave', 'bienvenida']]);
  await page.getByRole('button', { name: 'Siguiente', exact: true }).click();
  await expect(page.locator('main[data-step-id="consejos-seguridad"]')).toBeVisible();
  await expect.poll(async () => (await ana.grid()).seats[0]?.stepId).toBe('consejos-seguridad');

  // "Miren todos aquí": the kiosk goes to the trainer's step, and says so to the grid.
  expect((await ana.follow('practica-clave', 'escribir-codigo')).status).toBe(200);
  await expect(page.locator('main[data-step-id="escribir-codigo"]')).toBeVisible();
  await expect.poll(async () => (await ana.grid()).seats[0]?.stepId).toBe('escribir-codigo');

  // A pause covers the screen with the trainer's words; resuming takes it away.
  expect((await ana.pause('Miren la pantalla grande, por favor')).status).toBe(200);
  await expect(page.getByRole('alertdialog', { name: 'Pausa' })).toContainText('Miren la pantalla grande, por favor');
  expect((await ana.resume()).status).toBe(200);
  await expect(page.getByRole('alertdialog', { name: 'Pausa' })).toHaveCount(0);

  // The help button raises a hand to the trainer (not the site's queue); "Ana viene" when answered.
  await page.getByRole('button', { name: 'Llamar a un voluntario' }).click();
  await expect(page.locator('[data-workshop-hand="raised"]')).toContainText('Ha levantado la mano. El voluntario vendrá.');
  await expect.poll(async () => (await ana.grid()).seats[0]?.hand).toBe('raised');
  const calls = await hub.database.db.selectFrom('calls').select(['id']).execute();
  expect(calls).toEqual([]);
  const seat = (await ana.grid()).seats[0]?.seat ?? 0;
  expect((await ana.answerHand(seat)).status).toBe(200);
  await expect(page.locator('[data-workshop-hand="answered"]')).toContainText('Ana viene');

  // The end: thanks, "Terminar", and the kiosk is a plain kiosk again.
  expect((await ana.end()).status).toBe(200);
  await expect(page.getByRole('heading', { name: 'El taller ha terminado' })).toBeVisible();
  // The certificate of participation is offered, for paper, with the name the senior typed.
  await expect(page.getByRole('button', { name: 'Imprimir mi certificado' })).toBeVisible();
  await expect(page.locator('[data-participation-certificate]')).toContainText('Maruja');
  await expect(page.locator('[data-participation-certificate]')).toContainText('Biblioteca');
  await page.getByRole('button', { name: 'Terminar', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  await expect(page.locator('.kiosk-practice')).toHaveCount(0);
  await expect(page.locator('[data-practice-banner]')).toHaveCount(0);

  // Nothing of the participant is left: not the name in the page, its storage or the hub.
  const found = await placesHolding(page, ['Maruja']);
  expect(found).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
});

test('leaving a workshop from the bar returns the kiosk to normal and frees its seat', async ({ page, hub }) => {
  const ana = await startWorkshopAsAna(hub.url);
  await page.goto(kioskUrl);
  await toWorkshopCode(page);
  await typeOnKeys(page, ana.code);
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await page.getByLabel('Su nombre').fill('Maruja');
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Las lecciones del taller' })).toBeVisible();
  await expect.poll(async () => (await ana.grid()).seats.length).toBe(1);

  const more = page.getByRole('button', { name: 'Más opciones' });
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: 'Salir del taller' }).click();
  await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  await expect(page.locator('.kiosk-practice')).toHaveCount(0);
  await expect.poll(async () => (await ana.grid()).seats.length).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Maruja'))).toBe(false);
});

test('the idle wipe in a workshop returns the kiosk to normal, leaves the workshop and keeps no name', async ({ page, hub }) => {
  const ana = await startWorkshopAsAna(hub.url);
  await page.clock.install();
  await page.goto(kioskUrl);
  await toWorkshopCode(page);
  await typeOnKeys(page, ana.code);
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await page.getByLabel('Su nombre').fill('Maruja');
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await page.getByRole('button', { name: /Practicar con el código de Cl@ve/ }).click();
  await expect(page.locator('main[data-step-id="bienvenida"]')).toBeVisible();
  await expect.poll(async () => (await ana.grid()).seats.map((seat) => seat.firstName)).toEqual(['Maruja']);

  // Nobody touches the screen: the warning, then the wipe.
  await page.clock.runFor(121_000);
  await expect(page.getByRole('alertdialog')).toContainText('¿Sigue ahí?');
  await page.clock.runFor(61_000);
  await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  await expect(page.locator('.kiosk-practice')).toHaveCount(0);
  await expect.poll(async () => (await ana.grid()).seats.length).toBe(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Maruja'))).toBe(false);
});
