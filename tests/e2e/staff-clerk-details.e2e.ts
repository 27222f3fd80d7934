/**
 * The staff console's small things a municipal clerk meets (issue 16): the analytics CSV saved
 * with its byte-order mark, so a spreadsheet reads its accents; the device token with a "Copiar"
 * button and no "Creado." left beside it; the audit trail naming records, not showing ids.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/hub.js';
import { signIn } from './support/staff-console.js';

test.use({ viewport: { width: 1600, height: 1000 } });

// One test, one hub and one sign-in for the three details (a hub and a sign-in cost seconds on a
// shared two-core machine); each is a step of its own.
test('staff console details for a clerk: the CSV keeps its byte-order mark, a new token is copied or selected, the audit names the kiosk', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);

  await test.step('a new kiosk token: no "Creado." beside it, and "Copiar" puts it on the clipboard or selects it', async () => {
    await page.getByRole('link', { name: 'Personas' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Personas' })).toBeVisible();
    await page.getByLabel('Nombre del kiosco nuevo').fill(`Kiosco copia ${Date.now()}`);
    await page.getByRole('button', { name: 'Añadir un kiosco y emitir su clave' }).click();
    const token = page.getByLabel('Clave de dispositivo');
    await expect(token).toHaveValue(/^[A-Za-z0-9_-]{32,}$/);
    await expect(page.getByText('Creado.', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Copiar', exact: true }).click();
    await expect(page.getByText('Copiada', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await token.inputValue());
    await page.screenshot({ path: '/tmp/h16-people.png', fullPage: true });

    // When the browser refuses the clipboard, the token is selected for Ctrl+C instead.
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new Error('refused')) });
    });
    await page.getByRole('button', { name: 'Copiar', exact: true }).click();
    await expect(page.getByText('Seleccionada: pulse Ctrl+C para copiarla.')).toBeVisible();
    expect(await page.evaluate(() => window.getSelection()?.toString() || (document.activeElement as HTMLInputElement | null)?.value)).toBe(
      await token.inputValue(),
    );
  });

  await test.step('the analytics CSV download keeps its byte-order mark, so Excel reads "Certificado de empadronamiento" accents', async () => {
    await page.getByRole('link', { name: 'Analítica' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Analítica' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Descargar CSV' }).click();
    const saved = await (await download).path();
    const bytes = await readFile(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await page.screenshot({ path: '/tmp/h16-analytics.png', fullPage: true });
  });

  await test.step('the audit "Registro" column names the kiosk just added, with its id only in the tooltip', async () => {
    // From another page (the analytics), so that "Personas" opens afresh, without the token shown above.
    await page.getByRole('link', { name: 'Personas' }).click();
    await expect(page.getByLabel('Clave de dispositivo')).toHaveCount(0);
    const name = `Kiosco registro ${Date.now()}`;
    await page.getByLabel('Nombre del kiosco nuevo').fill(name);
    await page.getByRole('button', { name: 'Añadir un kiosco y emitir su clave' }).click();
    await expect(page.getByLabel('Clave de dispositivo')).toBeVisible();
    await page.getByRole('link', { name: 'Registro de cambios' }).click();
    const row = page.locator('tr[data-action="kiosk.create"]').first();
    const target = row.locator('td').last();
    await expect(target).toContainText(name);
    // The id (a slug of the name with a random end) is in the cell's title, never in sight.
    const id = /^Kiosco (kiosco-registro-\S+)$/.exec((await target.getAttribute('title')) ?? '')?.[1];
    expect(id).toBeTruthy();
    expect(await target.innerText()).not.toContain(id);
    await page.screenshot({ path: '/tmp/h16-audit.png', fullPage: true });
  });
});
