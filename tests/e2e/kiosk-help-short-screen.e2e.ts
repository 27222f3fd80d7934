/**
 * A help call on a short screen (1366×768, issue 12): the status is not a panel above the help
 * button (it took 130 of the step's 500 px, and the DNI field, its error and its keys no longer
 * fitted) but the help button's own box, in a few words; a tap opens the call in full, where
 * "Seguir esperando" keeps it and "Cancelar llamada" ends it on the hub. The step keeps all its
 * room, the help button its box, and with the call open everything is in sight.
 */
import { expect, test } from './fixtures/hub.js';
import { layoutProblems } from './support/accessibility.js';
import { fitProblems } from './support/fit-scan.js';
import { kioskWords } from './support/kiosk-locale.js';
import { kioskUrl } from './support/kiosk-screens.js';
import { loginToken, volunteers } from './support/volunteer-console.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

const t = kioskWords('es');

test('on a 768 px screen a help call shows in the help button, and opens in full to keep or cancel it', async ({ page, hub }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${kioskUrl}&at=certificado-empadronamiento/escribir-dni`);
  const step = page.locator('main[data-step-id="escribir-dni"][data-packed]');
  await expect(step).toBeVisible();
  const help = page.locator('.help-dock .help-button');
  await expect(help).toHaveText(t('help.call'));
  const roomBefore = await step.evaluate((main) => main.clientHeight);
  const boxBefore = await help.boundingBox();

  await help.click();
  // Nobody is available on a fresh hub: the senior is number 1 on the list.
  await expect(help).toContainText(t('help.short.queuedSoon', { position: 1 }).split(' · ')[0] ?? '');
  await expect(help).toContainText(t('help.seeCall'));
  await expect(page.locator('.help-panel')).toHaveCount(0);
  // The same box, and the step keeps its room: nothing was pushed out of sight.
  expect(await help.boundingBox()).toEqual(boxBefore);
  await expect.poll(() => step.evaluate((main) => main.clientHeight)).toBe(roomBefore);
  expect([...(await fitProblems(page)), ...(await layoutProblems(page))]).toEqual([]);

  // The call in full, over the step and clear of the help button.
  await help.click();
  const sheet = page.getByRole('dialog');
  await expect(sheet).toContainText(/Usted es el número 1 en la lista/);
  await expect(sheet.getByRole('button', { name: t('help.keepWaiting') })).toBeFocused();
  expect([...(await fitProblems(page)), ...(await layoutProblems(page))]).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/kiosk-help-sheet-32-1366x768.png' });

  // "Seguir esperando": the sheet goes, the call stays.
  await sheet.getByRole('button', { name: t('help.keepWaiting') }).click();
  await expect(sheet).toBeHidden();
  await expect(help).toContainText(t('help.seeCall'));

  // "Cancelar llamada": two taps, and the call is over on the hub too.
  await help.click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('help.cancel') })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(help).toHaveText(t('help.call'));
  const token = await loginToken(hub.url, volunteers.ana);
  await expect
    .poll(async () => {
      const list = (await (await fetch(hub.url + apiRoutes.volunteerCalls.path, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        calls: { state: string }[];
      };
      return list.calls.filter((call) => call.state === 'waiting' || call.state === 'offered').length;
    })
    .toBe(0);

  // A new call starts with its sheet closed.
  await help.click();
  await expect(help).toContainText(t('help.seeCall'));
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
