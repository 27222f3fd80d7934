/**
 * The kiosk a senior touches, in Chromium against a real hub: a whole procedure through the
 * engine, the privacy search after the session ends, a help call answered by a volunteer, the
 * idle warning and wipe on Playwright's clock, axe on each kind of screen, and the help button
 * in the same place on every screen.
 */
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { hubRoutes, routeFor } from '../../core/protocol/http.js';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { axeViolations, layoutProblems } from './support/accessibility.js';
import { loginToken, volunteers } from './support/volunteer-console.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret';
const screenshots = 'docs/screenshots';

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/kiosk-${name}.png` });
}

function helpButton(page: Page) {
  return page.getByRole('button', { name: 'Llamar a un voluntario' });
}

async function helpBox(page: Page): Promise<string> {
  const box = await helpButton(page).boundingBox();
  expect(box).not.toBeNull();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(96);
  return JSON.stringify(box);
}

/** Attract → Español → comfort → catalogue. */
async function toCatalogue(page: Page): Promise<void> {
  await page.goto(kioskUrl);
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Seguir' }).click();
  await expect(page.getByRole('heading', { name: '¿Qué quiere hacer hoy?' })).toBeVisible();
}

/** From the catalogue to the DNI step of the census certificate, on the "no Cl@ve" branch. */
async function toDniStep(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Certificado de empadronamiento/ }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await expect(page.getByText('Paso 1 de')).toBeVisible();
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await page.getByRole('button', { name: 'Sí, me lo han pedido' }).click();
  await page.getByRole('button', { name: 'No tengo Cl@ve' }).click();
  await expect(page.getByLabel('DNI o NIE')).toBeVisible();
}

test.describe('the kiosk', () => {
  test('a senior asks for a census certificate without Cl@ve, from attract to done', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const boxes = new Set<string>();
    await page.goto(kioskUrl);
    await expect(page.getByText('DEMO', { exact: true })).toBeVisible();
    await expect(page.getByText(/Si deja de tocarla 2 minutos/)).toBeVisible();
    boxes.add(await helpBox(page));
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'attract');

    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await expect(page.getByRole('button', { name: 'العربية' })).toHaveAttribute('lang', 'ar');
    boxes.add(await helpBox(page));
    await shoot(page, 'language');
    await page.getByRole('button', { name: 'Español' }).click();
    boxes.add(await helpBox(page));
    await shoot(page, 'comfort');
    await page.getByRole('button', { name: 'Seguir' }).click();

    const titles = sampleProcedures().map((procedure) => procedure.title['es'] ?? '');
    await expect(page.getByRole('listitem')).toHaveCount(Math.min(6, titles.length));
    boxes.add(await helpBox(page));
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'catalogue');

    await toDniStep(page);
    await expect(page.locator('h1')).toHaveAttribute('lang', 'es');
    await page.getByLabel('DNI o NIE').fill('12345678A');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('alert')).toContainText(/letra/i);
    boxes.add(await helpBox(page));
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'input-error');
    await page.getByLabel('DNI o NIE').fill('12345678Z');
    await page.getByRole('button', { name: 'Siguiente' }).click();

    await page.getByLabel('Teléfono').fill('600123456');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { name: 'Revise sus datos' })).toBeVisible();
    await expect(page.locator('.review-list')).toContainText('12345678Z');
    await page.getByRole('button', { name: 'Corregir: Teléfono' }).click();
    await page.getByLabel('Teléfono').fill('600999888');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.locator('.review-list')).toContainText('600999888');
    boxes.add(await helpBox(page));
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'review');

    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { name: 'Enviar la petición' })).toBeVisible();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { name: 'Petición enviada' })).toBeVisible();
    await expect(page.getByText('Le llegará por correo a su casa')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Imprimir la hoja para llevar' })).toBeVisible();
    boxes.add(await helpBox(page));
    await shoot(page, 'done');
    await page.getByRole('button', { name: 'Terminar' }).last().click();
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();

    expect([...boxes]).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('nothing the senior typed is left anywhere once the session ends', async ({ page }) => {
    await toCatalogue(page);
    await toDniStep(page);
    await page.getByLabel('DNI o NIE').fill('12345678Z');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByLabel('Teléfono')).toBeVisible();
    await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();

    const found = await page.evaluate(async (needle) => {
      const places: string[] = [];
      if (document.documentElement.outerHTML.includes(needle)) places.push('DOM');
      const storages: [string, Storage][] = [
        ['localStorage', localStorage],
        ['sessionStorage', sessionStorage],
      ];
      for (const [name, storage] of storages) {
        for (let i = 0; i < storage.length; i += 1) {
          const key = storage.key(i) ?? '';
          if (key.includes(needle) || (storage.getItem(key) ?? '').includes(needle)) places.push(name);
        }
      }
      if (document.cookie.includes(needle)) places.push('cookies');
      const databases = await indexedDB.databases();
      if (databases.length > 0) places.push(`indexedDB: ${databases.map((db) => db.name).join(', ')}`);
      return places;
    }, '12345678Z');
    expect(found).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
  });

  test('the help button calls a volunteer and says who is coming', async ({ page, hub }) => {
    await toCatalogue(page);
    const before = await helpBox(page);
    await helpButton(page).click();
    await expect(page.getByText(/Usted es el número 1 en la lista/)).toBeVisible();
    expect(await helpBox(page)).toBe(before);

    const token = await loginToken(hub.url, volunteers.ana);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const available = await fetch(hub.url + hubRoutes.volunteerAvailability, { method: 'PUT', headers: auth, body: JSON.stringify({ available: true }) });
    expect(available.ok).toBe(true);
    const list = (await (await fetch(hub.url + hubRoutes.volunteerCalls, { headers: auth })).json()) as { calls: { id: string }[] };
    const callId = list.calls[0]?.id ?? '';
    const accepted = await fetch(hub.url + routeFor(hubRoutes.volunteerAccept, callId), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(accepted.status).toBe(200);

    await expect(page.getByText('Ana viene para ayudarle.')).toBeVisible();
    await shoot(page, 'help-coming');
    await page.getByRole('button', { name: 'Cancelar llamada' }).click();
    await expect(page.getByText('Ana viene para ayudarle.')).toBeHidden();
  });

  test('after two quiet minutes it warns, "Necesito más tiempo" extends, and a minute more wipes everything', async ({ page }) => {
    await page.clock.install();
    await toCatalogue(page);
    await page.clock.runFor(121_000);
    await expect(page.getByRole('alertdialog')).toContainText('¿Sigue ahí?');
    await expect(page.getByText(/todo se borrará en \d+ segundos/)).toBeVisible();
    await shoot(page, 'idle-warning');
    await page.getByRole('button', { name: 'Necesito más tiempo' }).click();
    await expect(page.getByRole('alertdialog')).toBeHidden();

    await page.clock.runFor(121_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await page.clock.runFor(61_000);
    await expect(page.getByText('Se borró todo lo que escribió')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  });

  test('Arabic mirrors the whole page', async ({ page }) => {
    await page.goto(kioskUrl);
    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'comfort-ar');
    await page.getByRole('button', { name: 'متابعة' }).click();
    // The scripts are not written in Arabic: their text falls back to Spanish, marked so.
    await expect(page.getByRole('button', { name: /Certificado de empadronamiento/ })).toHaveAttribute('lang', 'es');
    expect(await axeViolations(page)).toEqual([]);
    // Mirrored: the first tile starts at the right-hand side of the screen.
    const first = await page.locator('.catalogue-tile').first().boundingBox();
    const last = await page.locator('.catalogue-tile').nth(2).boundingBox();
    expect(first?.x ?? 0).toBeGreaterThan(last?.x ?? 0);
    await shoot(page, 'catalogue-ar');
  });

  test('says within two seconds that no volunteer can be called when the hub does not answer, and where to ask', async ({ page }) => {
    await toCatalogue(page);
    await page.route('**/api/kiosk/calls', (route) => route.abort('connectionrefused'));
    const pressed = Date.now();
    await helpButton(page).click();
    await expect(page.getByText(/No se puede llamar ahora\./)).toBeVisible({ timeout: 2000 });
    expect(Date.now() - pressed).toBeLessThan(2500);
    await expect(page.getByText('Seguimos intentándolo.')).toBeVisible();
    await shoot(page, 'help-unreachable');
  });

  test('a senior without their document gets a large-print "vuelva con…" sheet to print, and can stop', async ({ page }) => {
    await toCatalogue(page);
    await page.getByRole('button', { name: /Certificado de empadronamiento/ }).click();
    await expect(page.getByRole('heading', { name: 'Tenga a mano…' })).toBeVisible();
    await page.getByRole('button', { name: 'No lo tengo' }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await expect(page.getByRole('heading', { name: 'Vuelva con…' })).toBeVisible();
    await expect(page.getByText('Vuelva con su DNI, NIE o pasaporte.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'missing-sheet');
    await page.emulateMedia({ media: 'print' });
    await expect(helpButton(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Imprimir esta hoja' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Terminar' }).last().click();
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  });

  test('the largest text in high contrast still passes axe and keeps the help button where it was', async ({ page }) => {
    await page.goto(kioskUrl);
    const before = await helpBox(page);
    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: 'Muy grande' }).click();
    await page.getByRole('button', { name: 'Alto contraste' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('font-size', '80px');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'comfort-64-contrast');
    await page.getByRole('button', { name: 'Seguir' }).click();
    await page.getByRole('button', { name: /Certificado de empadronamiento/ }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await helpBox(page)).toBe(before);
    await shoot(page, 'question-64-contrast');
    // Ending the session puts the comfort settings back.
    await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('font-size', '40px');
  });

  test('the geometry scan finds nothing on the attract, catalogue and step screens', async ({ page }) => {
    await page.goto(kioskUrl);
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await page.getByRole('button', { name: 'Español' }).click();
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Seguir' }).click();
    expect(await layoutProblems(page)).toEqual([]);
    await toDniStep(page);
    expect(await layoutProblems(page)).toEqual([]);
  });

  test('the Cl@ve branch hands over to a volunteer, and "Atrás" goes back along the branch taken', async ({ page }) => {
    await toCatalogue(page);
    await page.getByRole('button', { name: /Certificado de empadronamiento/ }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByRole('button', { name: 'Sí, me lo han pedido' }).click();
    await page.getByRole('button', { name: 'Sí, tengo Cl@ve' }).click();
    await page.getByRole('button', { name: 'No, solo lo de ahora' }).click();
    await expect(page.getByRole('heading', { name: 'Entrar con Cl@ve' })).toBeVisible();
    await expect(page.getByText('Toque «Llamar a un voluntario»')).toBeVisible();
    await shoot(page, 'handoff');
    await page.getByRole('button', { name: 'Atrás' }).click();
    await expect(page.getByRole('heading', { name: '¿Necesita datos muy antiguos?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'No, solo lo de ahora' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'No, solo lo de ahora' }).click();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('heading', { name: 'Certificado descargado' })).toBeVisible();
    await expect(page.getByText('Lleve el papel a la oficina que se lo pidió.')).toBeVisible();
  });

  test('a checklist ticks and unticks each item with one tap', async ({ page }) => {
    await toCatalogue(page);
    await page.getByRole('button', { name: /Pagar un impuesto municipal/ }).click();
    for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.getByRole('button', { name: 'Pagar ahora' }).click();
    const letter = page.getByRole('checkbox', { name: /La carta de pago/ });
    await expect(letter).toHaveAttribute('aria-checked', 'false');
    await letter.click();
    await expect(letter).toHaveAttribute('aria-checked', 'true');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'checklist');
    await letter.click();
    await expect(letter).toHaveAttribute('aria-checked', 'false');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await expect(page.getByRole('button', { name: 'Sí, tengo la carta' })).toBeVisible();
  });
});
