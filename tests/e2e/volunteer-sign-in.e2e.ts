import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { axeViolations, layoutProblems } from './support/accessibility.js';
import { fillSignIn, phone, screenshots, volunteers } from './support/volunteer-console.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

test.use({ viewport: phone });

test.describe('signing in to the volunteer console', () => {
  test('a wrong PIN is refused in plain words, and five in a row lock the account for a while', async ({ page }) => {
    await fillSignIn(page, 'Ana', '1111');
    await expect(page.getByRole('alert')).toHaveText('El nombre o el PIN no son correctos.');
    await expect(page.getByLabel('Su PIN')).toHaveValue('');
    await expect(page.getByLabel('Su PIN')).toBeFocused();
    await page.screenshot({ path: `${screenshots}/volunteer-wrong-pin.png`, fullPage: true });

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await page.getByLabel('Su PIN').fill('1111');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await expect(page.getByRole('alert')).toContainText(attempt < 5 ? 'no son correctos' : 'demasiadas veces');
    }
    await expect(page.getByRole('alert')).toHaveText('Ha escrito mal el PIN demasiadas veces. Espere 15 minutos o pida al personal que le cambie el PIN.');
    // Even the right PIN waits now.
    await page.getByLabel('Su PIN').fill(volunteers.ana.pin);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page.getByRole('alert')).toContainText('demasiadas veces');
  });

  test('a PIN with letters or too few digits is explained next to the field, without asking the hub', async ({ page }) => {
    let logins = 0;
    page.on('request', (request) => {
      if (request.url().endsWith(apiRoutes.volunteerLogin.path)) logins += 1;
    });
    await fillSignIn(page, 'Ana', '12a');
    const pin = page.getByLabel('Su PIN');
    await expect(pin).toHaveAttribute('aria-invalid', 'true');
    await expect(pin).toHaveAttribute('inputmode', 'numeric');
    await expect(pin).toHaveAccessibleDescription(/De 4 a 8 números\. El PIN tiene de 4 a 8 números, sin letras ni espacios\./);
    await expect(pin).toBeFocused();
    expect(logins).toBe(0);
  });

  test('with more than one centre, the volunteer chooses theirs from a list', async ({ page, hub }) => {
    const staff = await fetch(hub.url + apiRoutes.staffLogin.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
    });
    const { token } = (await staff.json()) as { token: string };
    const created = await fetch(hub.url + apiRoutes.staffSites.path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'centro-mayores-prueba', name: 'Centro de Mayores (prueba)', inPersonHelp: 'Pregunte en recepción.' }),
    });
    expect(created.status).toBe(201);

    await page.goto('/volunteer/');
    const centre = page.getByLabel('Su centro');
    await expect(centre.getByRole('option')).toHaveText(['—', 'Biblioteca Eugenio Trías (demo)', 'Centro de Mayores (prueba)']);
    await page.getByLabel('Su nombre').fill('Ana');
    await page.getByLabel('Su PIN').fill(volunteers.ana.pin);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(centre).toBeFocused();
    await expect(centre).toHaveAccessibleDescription('Elija su centro.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);

    await centre.selectOption(demoAccounts.site.id);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page.getByText('Ha entrado como Ana')).toBeVisible();
  });

  test('speaks English after one tap on "English", and remembers it', async ({ page }) => {
    await page.goto('/volunteer/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel('Your PIN').fill('0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('The name or the PIN is not right.');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Español' })).toBeVisible();
    await expect(page.getByLabel('Your PIN')).toBeVisible();
  });
});
