/**
 * A kiosk that typed too many wrong workshop codes (hub/workshops/join-code-lock.ts), against a
 * real hub: after the fifth, the code screen says kindly to ask the volunteer and wait, with the
 * hub's minutes ("espere 5 minutos"), and the kiosk says it aloud from the build
 * (`ui/workshop.codeLocked.5`); the screen still fits at every text size on the four supported
 * screens. Screenshots in /tmp/paso-join-lock.
 */
import type { Page } from '@playwright/test';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { fitProblems } from './support/fit-scan.js';
import { kioskUrl, supportedScreens, textSizes } from './support/kiosk-screens.js';
import { recordSpeech } from './support/speech-log.js';
import { readTestAudio } from './support/speech-audio.js';
import { SpokenListener } from './support/spoken-listener.js';
import { toWorkshopCode, typeOnKeys } from './support/workshop-kiosks.js';

const locked = 'Ha probado muchos números. Pida el número al voluntario y espere 5 minutos.';

/** A kiosk of the demo site of its own, so no other test's wrong codes count for it: its device token. */
async function newKiosk(hubUrl: string, name: string): Promise<string> {
  const signedIn = await fetch(hubUrl + apiRoutes.staffLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
  });
  const staffToken = ((await signedIn.json()) as { token?: string }).token ?? '';
  const created = await fetch(hubUrl + apiRoutes.createKiosk.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
    body: JSON.stringify({ siteId: demoAccounts.site.id, name, location: 'Aula' }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { deviceToken: string }).deviceToken;
}

/** Four wrong codes (each said to be wrong), then a fifth: the lock's sentence. */
async function typeWrongCodes(page: Page): Promise<void> {
  const codes = ['1111', '2222', '3333', '4444', '5555'];
  for (const [index, code] of codes.entries()) {
    await typeOnKeys(page, code);
    await page.getByRole('button', { name: 'Seguir', exact: true }).click();
    if (index === codes.length - 1) break;
    await expect(page.getByRole('alert')).toHaveText('Ese código no es de ningún taller abierto. Mírelo otra vez.');
    for (let typed = 0; typed < code.length; typed++) await page.getByRole('button', { name: 'Borrar', exact: true }).click();
  }
}

test('after five wrong codes the kiosk asks kindly for the volunteer and a wait, on screen and aloud, and it fits', async ({ page, hub }) => {
  test.setTimeout(180_000);
  await recordSpeech(page);
  const listener = new SpokenListener(page, await readTestAudio());
  for (const size of textSizes) {
    const token = await newKiosk(hub.url, `Kiosco del cerrojo ${size}`);
    await page.setViewportSize(supportedScreens[0]);
    await page.goto(kioskUrl.replace(/token=[^&]+/, `token=${encodeURIComponent(token)}`));
    await toWorkshopCode(page, { size });
    const since = await listener.now();
    await typeWrongCodes(page);
    await expect(page.getByRole('alert')).toHaveText(locked);
    await listener.hear('ui/workshop.codeLocked.5', since, 'es');
    for (const screen of supportedScreens) {
      await page.setViewportSize(screen);
      await expect(page.getByRole('alert')).toBeVisible();
      const where = `${screen.width}×${screen.height} at ${size} px`;
      // The kiosk packs the screen again after a resize: polled until it has. At 64 px on a 768 px
      // screen the sentence is a part of its own, the field and its keys the next (the pager).
      await expect.poll(() => fitProblems(page), { message: where, timeout: 5000 }).toEqual([]);
      await page.screenshot({ path: `/tmp/paso-join-lock/code-locked-${size}px-${screen.width}x${screen.height}.png` });
      // In parts: the field and its keys on the next part fit too, and "Volver a la parte 1" brings the sentence back.
      if ((await page.locator('main').getAttribute('data-parts')) !== '1') {
        await page.getByRole('button', { name: 'Seguir leyendo', exact: true }).click();
        await expect(page.getByRole('button', { name: '5', exact: true })).toBeVisible();
        await expect.poll(() => fitProblems(page), { message: `${where}, part 2`, timeout: 5000 }).toEqual([]);
        await page.screenshot({ path: `/tmp/paso-join-lock/code-locked-${size}px-${screen.width}x${screen.height}-part2.png` });
        await page.getByRole('button', { name: 'Volver a la parte 1', exact: true }).click();
        await expect(page.getByRole('alert')).toBeVisible();
      }
    }
    // A new page for the next size: the attract screen again.
    await page.goto('about:blank');
  }
});
