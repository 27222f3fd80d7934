/**
 * A member of staff leads a workshop from the staff console (issue 18), in Chromium against a
 * real hub: "Talleres", the demo site chosen, a lesson ticked and the workshop started with the
 * volunteer console's trainer page; a real kiosk page joins by code, its seat shows on the staff
 * grid, its hand is answered with "Voy" and the kiosk says "Marta viene"; the end. axe at AA on
 * the page with its grid, and the screenshot at 1366×768.
 */
import { mkdir } from 'node:fs/promises';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { kioskUrl } from './support/kiosk-screens.js';
import { axeAA, staffApiAs } from './support/staff-console.js';
import { screenshots } from './support/volunteer-console.js';
import { toWorkshopCode, typeOnKeys } from './support/workshop-kiosks.js';

const desk = { width: 1366, height: 768 };
test.use({ viewport: desk });

const marta = { name: 'Marta Ruiz', email: 'marta.ruiz@example.org', password: 'talleres en la biblioteca' };
const lesson = 'Practicar con el código de Cl@ve';

test('staff lead a workshop at a site they choose: start, a kiosk joins, its seat on the grid, its hand answered ("Marta viene"), the end', async ({
  page,
  browser,
  hub,
}) => {
  test.setTimeout(120_000);
  const admin = await staffApiAs(hub.url);
  expect((await admin.send('POST', apiRoutes.createStaffAccount.path, marta)).status).toBe(201);

  // Marta signs in and opens "Talleres": nothing is led until she chooses a site.
  await page.goto('/staff/');
  await page.getByLabel('Correo electrónico').fill(marta.email);
  await page.getByLabel('Contraseña').fill(marta.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trámites' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Talleres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Talleres' })).toBeVisible();
  const site = page.getByLabel('Centro del taller');
  await expect(site).toHaveValue('');
  // Chosen by keyboard: the URL keeps the site, and the focus stays on the choice (no new page).
  await site.focus();
  await site.selectOption(demoAccounts.site.id);
  await expect(page).toHaveURL(new RegExp(`#/workshops/${demoAccounts.site.id}$`));
  await expect(site).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: `Talleres en ${demoAccounts.site.name}` })).toBeAttached();

  // The volunteer console's start: the lessons as tick boxes, then "Empezar el taller".
  await page.getByRole('checkbox', { name: lesson }).click();
  await page.getByRole('button', { name: 'Empezar el taller' }).click();
  await expect(page.getByRole('heading', { name: 'Taller de Marta' })).toBeFocused();
  const digits = page.locator('.join-code-digits');
  const code = ((await digits.textContent()) ?? '').replace(/^.*Código: /, '').replace(/\D/g, '');
  expect(code).toMatch(/^\d{4,6}$/);
  await expect(page.getByRole('img', { name: `Código QR con el código ${code.split('').join(' ')}` })).toBeVisible();

  // A kiosk of the site joins by code with a first name and opens the lesson.
  const kioskContext = await browser.newContext({ baseURL: hub.url, viewport: desk });
  const kiosk = await kioskContext.newPage();
  try {
    await kiosk.goto(kioskUrl);
    await toWorkshopCode(kiosk);
    await typeOnKeys(kiosk, code);
    await kiosk.getByRole('button', { name: 'Seguir', exact: true }).click();
    await kiosk.getByLabel('Su nombre').fill('Maruja');
    await kiosk.getByRole('button', { name: 'Seguir', exact: true }).click();
    await kiosk.getByRole('button', { name: /Practicar con el código de Cl@ve/ }).click();
    await expect(kiosk.locator('main[data-step-id="bienvenida"]')).toBeVisible();

    // The staff grid shows the seat and where it is, pushed live.
    const card = page.getByRole('article', { name: 'Maruja', exact: true });
    await expect(page.getByRole('heading', { name: 'Participantes: 1' })).toBeVisible();
    await expect(card).toContainText(lesson);
    await expect(card).toContainText('Paso:');

    // The kiosk's help button raises a hand; "Voy" on the staff grid answers it; the kiosk names Marta.
    await kiosk.getByRole('button', { name: 'Llamar a un voluntario' }).click();
    await expect(card).toContainText('Levanta la mano');
    // The page as a desk shows it, from its top: the code beside the grid with the hand waiting.
    await mkdir(screenshots, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshots}/staff-workshop.png` });
    expect(await axeAA(page)).toEqual([]);
    await card.getByRole('button', { name: 'Voy' }).click();
    await expect(card).toContainText('Marta va para allá');
    await expect(kiosk.locator('[data-workshop-hand="answered"]')).toContainText('Marta viene');

    // The end, confirmed: the kiosk hears it, the page says what it left.
    await page.getByRole('button', { name: 'Terminar el taller' }).click();
    await page.getByRole('button', { name: 'Sí, terminar el taller' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Taller terminado: 1 participante' })).toBeVisible();
    await expect(kiosk.getByRole('heading', { name: 'El taller ha terminado' })).toBeVisible();
  } finally {
    await kioskContext.close();
  }
});
