/**
 * The staff editor's "Crear gemelo de práctica", in Chromium against a real hub: the button makes
 * the twin of the published procedure and opens its editor, a draft without problems; a practice
 * script has no such button; a twin that exists already is refused in words.
 */
import { expect, test } from './fixtures/hub.js';
import { routeHash } from '../../renderer/staff/app/routes.js';
import { signIn } from './support/staff-console.js';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

test('the editor makes a practice twin and opens it; practice scripts have no button; an existing twin is refused in words', async ({ page }) => {
  await signIn(page);

  await test.step('teleasistencia: the button makes practica-teleasistencia and opens its editor, without problems', async () => {
    await page.goto(`/staff/${routeHash({ page: 'editor', procedureId: 'teleasistencia' })}`);
    const button = page.getByRole('button', { name: 'Crear gemelo de práctica' });
    await expect(button).toHaveAccessibleDescription(/practica-teleasistencia/);
    await button.click();
    await expect(page.getByRole('heading', { level: 1, name: /^Editando: Practicar: / })).toBeVisible();
    // The heading can be drawn before the console writes the new address: wait for it, do not race it.
    await expect(page).toHaveURL(/#\/procedures\/practica-teleasistencia$/);
    await expect(page.getByText('Sin problemas.')).toBeVisible();
    // The twin is itself a practice script: it has no twin of its own.
    await expect(page.getByRole('button', { name: 'Crear gemelo de práctica' })).toHaveCount(0);
  });

  await test.step('cita-previa: its twin is already there (the workshop folder), so the console says so', async () => {
    await page.goto(`/staff/${routeHash({ page: 'editor', procedureId: 'cita-previa' })}`);
    await page.getByRole('button', { name: 'Crear gemelo de práctica' }).click();
    await expect(page.getByRole('alert')).toContainText('Ya existe un trámite con el id "practica-cita-previa"');
    await expect(page).toHaveURL(/#\/procedures\/cita-previa$/);
  });
});
