/**
 * A kiosk that typed too many wrong workshop codes (hub/workshops/join-code-lock.ts), against a
 * real hub: after the fifth, the code screen says kindly to ask the volunteer and wait, with the
 * hub's minutes ("espere 5 minutos"), and the kiosk says it aloud from the build
 * (`ui/workshop.codeLocked.5`); the screen still fits. Screenshots in /tmp/paso-join-lock.
 */
import type { Page } from '@playwright/test';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { fitProblems } from './support/fit-scan.js';
import { kioskUrl } from './support/kiosk-screens.js';
import { recordSpeech } from './support/speech-log.js';
import { readTestAudio } from './support/speech-audio.js';
import { SpokenListener } from './support/spoken-listener.js';

const codeHeading = 'Escriba el código del taller';

/** From the attract screen to the code screen, through whichever choices come first (the language, the text size). */
async function toCodeScreen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Unirme a un taller' }).click();
  const code = page.getByRole('heading', { name: codeHeading });
  const language = page.getByRole('heading', { name: 'Elija su idioma' });
  const comfort = page.getByRole('heading', { name: '¿Cómo lo ve mejor?' });
  await expect(code.or(language).or(comfort)).toBeVisible();
  if (await language.isVisible()) await page.getByRole('button', { name: 'Español', exact: true }).click();
  if (await comfort.isVisible({ timeout: 2000 }).catch(() => false)) await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(code).toBeVisible();
}

/** Types a code on the on-screen keys and sends it; "Borrar" empties the field after. */
async function sendCode(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.locator('.keyboard').getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
}

test('after five wrong codes the kiosk asks kindly for the volunteer and a wait, on screen and aloud', async ({ page, hub }) => {
  test.setTimeout(90_000);
  // A kiosk of its own, so no other test's wrong codes count for it.
  const staff = await fetch(hub.url + apiRoutes.staffLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
  });
  const staffToken = ((await staff.json()) as { token?: string }).token ?? '';
  const created = await fetch(hub.url + apiRoutes.createKiosk.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
    body: JSON.stringify({ siteId: demoAccounts.site.id, name: 'Kiosco del cerrojo', location: 'Aula' }),
  });
  expect(created.status).toBe(201);
  const { deviceToken } = (await created.json()) as { deviceToken: string };

  await recordSpeech(page);
  const listener = new SpokenListener(page, await readTestAudio());
  await page.goto(kioskUrl.replace(/token=[^&]+/, `token=${encodeURIComponent(deviceToken)}`));
  await toCodeScreen(page);
  const codes = ['1111', '2222', '3333', '4444', '5555'];
  for (const code of codes.slice(0, -1)) {
    await sendCode(page, code);
    await expect(page.getByRole('alert')).toHaveText('Ese código no es de ningún taller abierto. Mírelo otra vez.');
    for (let index = 0; index < code.length; index++) await page.getByRole('button', { name: 'Borrar', exact: true }).click();
  }
  const since = await listener.now();
  await sendCode(page, codes.at(-1) ?? '');
  await expect(page.getByRole('alert')).toHaveText('Ha probado muchos números. Pida el número al voluntario y espere 5 minutos.');
  await listener.hear('ui/workshop.codeLocked.5', since, 'es');

  for (const [width, height] of [
    [1366, 768],
    [1080, 1920],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await fitProblems(page), `${width}×${height}`).toEqual([]);
    await page.screenshot({ path: `/tmp/paso-join-lock/code-locked-${width}x${height}.png` });
  }
});
