import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures/hub.js';
import { openHubSocket } from './support/hub-socket.js';
import { createKioskCall, openKioskSocket } from './support/kiosk-socket.js';
import {
  alertLog,
  becomeAvailable,
  callCard,
  loginToken,
  phone,
  recordAlerts,
  screenshots,
  secondPhone,
  sessionToken,
  signIn,
  volunteers,
} from './support/volunteer-console.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

test.use({ viewport: phone });

test.describe('the volunteer console', () => {
  test('a call reaches both volunteers; Ana goes, Luis sees she took it, and the kiosk hears every step', async ({ page: ana, browser, hub }) => {
    const luis = await secondPhone(browser, hub.url);
    await recordAlerts(ana);
    await recordAlerts(luis);
    await signIn(ana, volunteers.ana);
    await signIn(luis, volunteers.luis);
    await becomeAvailable(ana);
    await becomeAvailable(luis);
    await expect(ana.getByText('DEMO', { exact: true })).toBeVisible();
    await expect(ana.getByText('Ahora nadie necesita ayuda.')).toBeVisible();

    const kiosk = openKioskSocket(hub.url);
    try {
      await kiosk.waitForCall((call) => call === null);
      await createKioskCall(hub.url, { procedureId: 'certificado-empadronamiento', stepId: 'entrar-con-clave', language: 'es' });

      for (const volunteer of [ana, luis]) {
        const card = callCard(volunteer);
        await expect(card).toBeVisible();
        await expect(card).toContainText('Necesita ayuda');
        await expect(card).toContainText('Planta baja, junto a la entrada');
        await expect(card).toContainText('Certificado de empadronamiento');
        await expect(card).toContainText('Entrar con Cl@ve');
        await expect(card).not.toContainText('modo hablado');
        await expect(card).toContainText(/Espera:\s*(Ahora mismo|\d+ segundos?)/);
        await expect(card.getByRole('listitem')).toHaveText([/El código SMS caduca/, /Cl@ve Permanente no sirve/]);
        await expect(card.getByRole('button')).toHaveText(['Voy para allá']);
        await expect.poll(async () => (await alertLog(volunteer)).vibrations).toBe(1);
        expect((await alertLog(volunteer)).beeps).toBeGreaterThan(0);
      }
      await mkdir(screenshots, { recursive: true });
      await ana.screenshot({ path: `${screenshots}/volunteer-call.png`, fullPage: true });

      await callCard(ana).getByRole('button', { name: 'Voy para allá' }).click();
      await expect(callCard(ana)).toContainText('Usted va para allá');
      await expect(callCard(luis)).toContainText('Ana va para allá');
      await expect(callCard(luis).getByRole('button')).toHaveCount(0);
      const accepted = await kiosk.waitForCall((call) => call?.state === 'accepted');
      expect(accepted?.volunteerName).toBe('Ana');
      await luis.screenshot({ path: `${screenshots}/volunteer-taken.png`, fullPage: true });

      await callCard(ana).getByRole('button', { name: 'He llegado' }).click();
      await expect(callCard(ana)).toContainText('Usted está con esta persona');
      await expect(callCard(luis)).toContainText('Ana está con esta persona');
      await kiosk.waitForCall((call) => call?.state === 'arrived');

      await callCard(ana).getByRole('button', { name: 'Resuelto' }).click();
      await expect(callCard(ana).getByText('¿Cómo ha terminado?')).toBeFocused();
      await expect(callCard(ana).getByRole('button')).toHaveText(['Solucionado', 'Necesita ir a una oficina', 'Necesita una cita', 'Volver']);
      await ana.screenshot({ path: `${screenshots}/volunteer-outcome.png`, fullPage: true });
      await callCard(ana).getByRole('button', { name: 'Solucionado' }).click();
      const resolved = await kiosk.waitForCall((call) => call?.state === 'resolved');
      expect(resolved?.outcome).toBe('solved');
      await expect(callCard(ana)).toContainText('Resuelto: Solucionado');
      await expect(callCard(ana).getByRole('button')).toHaveCount(0);
      await expect(callCard(luis)).toContainText('Resuelto: Solucionado');
    } finally {
      kiosk.stop();
      await luis.context().close();
    }
  });

  // @timing: the second tap must land within the card's 700 ms settling time, so it runs alone (playwright.config.ts).
  test('a shaky double tap on "Voy para allá" does not also say "He llegado"', { tag: '@timing' }, async ({ page, hub }) => {
    await signIn(page, volunteers.ana);
    await createKioskCall(hub.url);
    const go = callCard(page).getByRole('button', { name: 'Voy para allá' });
    await expect(go).toBeEnabled();
    const box = await go.boundingBox();
    if (!box) throw new Error('the button has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(callCard(page).getByRole('button', { name: 'He llegado' })).toBeVisible();
    // The second tap lands where the first did, on the button that has just changed.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(1_000);
    await expect(callCard(page)).toContainText('Usted va para allá');
    // Once settled, the new button works.
    await callCard(page).getByRole('button', { name: 'He llegado' }).click();
    await expect(callCard(page)).toContainText('Usted está con esta persona');
  });

  test('tapping a call someone else has just taken says plainly who took it', async ({ page: luis, hub }) => {
    // Luis's phone stops hearing the hub's pushes, so his screen still offers the call after Ana took it.
    let deaf = false;
    await luis.routeWebSocket('**/ws', (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        if (!deaf) socket.send(message);
      });
    });
    await signIn(luis, volunteers.luis);
    await becomeAvailable(luis);
    const callId = await createKioskCall(hub.url);
    await expect(callCard(luis).getByRole('button', { name: 'Voy para allá' })).toBeVisible();

    deaf = true;
    const anaToken = await loginToken(hub.url, volunteers.ana);
    const accepted = await fetch(hub.url + apiRoutes.volunteerAccept.path.replace(':id', callId), {
      method: 'POST',
      headers: { authorization: `Bearer ${anaToken}` },
    });
    expect(accepted.status).toBe(200);

    await callCard(luis).getByRole('button', { name: 'Voy para allá' }).click();
    await expect(callCard(luis).getByRole('alert')).toHaveText('Ana ya ha cogido este aviso.');
    // The console fetched the list again, so the card now says who went, and offers nothing.
    await expect(callCard(luis)).toContainText('Ana va para allá');
    await expect(callCard(luis).getByRole('button')).toHaveCount(0);
  });

  test('says "Reconectando…" while the live link is down, and catches up by itself', async ({ page, hub }) => {
    let down = false;
    const open: { close(options?: { code?: number; reason?: string }): Promise<void> }[] = [];
    await page.routeWebSocket('**/ws', (socket) => {
      if (down) {
        void socket.close({ code: 1001, reason: 'The hub is restarting; reconnect in a moment.' });
        return;
      }
      socket.connectToServer();
      open.push(socket);
    });
    await signIn(page, volunteers.ana);
    await becomeAvailable(page);
    await expect(page.getByText('Reconectando…')).toHaveCount(0);

    down = true;
    for (const socket of open) await socket.close({ code: 1001, reason: 'The hub is restarting; reconnect in a moment.' });
    await expect(page.getByRole('status')).toHaveText('Reconectando… Los avisos pueden llegar tarde.');
    // Not knowing is not the same as nobody needing help.
    await expect(page.getByText('Ahora nadie necesita ayuda.')).toHaveCount(0);
    await page.screenshot({ path: `${screenshots}/volunteer-reconnecting.png`, fullPage: true });
    await createKioskCall(hub.url);
    await expect(callCard(page)).toHaveCount(0);

    down = false;
    await expect(callCard(page)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('Reconectando…')).toHaveCount(0);
  });

  test('a reload keeps the volunteer signed in; "Salir" ends the session and stops the calls', async ({ page, hub }) => {
    await signIn(page, volunteers.ana);
    await becomeAvailable(page);
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Disponible' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByText('Ha entrado como Ana')).toBeVisible();

    const token = await sessionToken(page);
    await page.getByRole('button', { name: 'Salir' }).click();
    await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
    // The name is remembered on the phone; the PIN never is.
    await expect(page.getByLabel('Su nombre')).toHaveValue('Ana');
    await expect(page.getByLabel('Su PIN')).toHaveValue('');
    const after = await fetch(hub.url + apiRoutes.volunteerCalls.path, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    const luisToken = await loginToken(hub.url, volunteers.luis);
    await fetch(hub.url + apiRoutes.volunteerAvailability.path, {
      method: 'PUT',
      headers: { authorization: `Bearer ${luisToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ available: true }),
    });
    const created = await createKioskCall(hub.url);
    expect(created).toMatch(/^[0-9a-f-]{36}$/);
    const anaAgain = await loginToken(hub.url, volunteers.ana);
    const calls = (await (await fetch(hub.url + apiRoutes.volunteerCalls.path, { headers: { authorization: `Bearer ${anaAgain}` } })).json()) as {
      calls: { offeredToMe: boolean }[];
      available: boolean;
    };
    expect(calls.available).toBe(false);
    expect(calls.calls.map((call) => call.offeredToMe)).toEqual([false]);
  });

  test('after "Salir", a socket opened with that session hears no more calls', async ({ hub }) => {
    const token = await loginToken(hub.url, volunteers.ana);
    const socket = openHubSocket(hub.url, token);
    try {
      await socket.waitFor((message) => message.type === 'volunteer.calls');
      const out = await fetch(hub.url + apiRoutes.volunteerLogout.path, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(out.status).toBe(204);
      await createKioskCall(hub.url);
      // Give the hub time to push, as it does within milliseconds to signed-in volunteers.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(socket.messages.filter((message) => message.type === 'volunteer.call')).toEqual([]);
    } finally {
      socket.stop();
    }
  });

  test('a private step is shown only as "Paso privado", with none of its notes; the spoken mode is said in words', async ({ page, hub }) => {
    await signIn(page, volunteers.ana);
    // A senior in the spoken mode (issue 17), where a private step is spoken into the headphones.
    await createKioskCall(hub.url, { procedureId: 'pago-impuesto', stepId: 'pagar-tarjeta', mode: 'spoken' });
    const card = callCard(page);
    await expect(card.getByText('La persona usa el modo hablado: auriculares y teclado numérico.')).toBeVisible();
    await expect(card).toContainText('Paso privado');
    await expect(card).toContainText('No mire su pantalla');
    await expect(card).not.toContainText('tarjeta');
    await expect(card.getByRole('listitem')).toHaveCount(0);
  });

  test('the waiting time counts up by the hub clock', async ({ page, hub }) => {
    await page.clock.install();
    await signIn(page, volunteers.ana);
    await createKioskCall(hub.url);
    await expect(callCard(page)).toContainText('Espera: Ahora mismo');
    await page.clock.fastForward(42_000);
    await expect(callCard(page)).toContainText(/Espera: 4\d segundos/);
    await page.clock.fastForward(80_000);
    await expect(callCard(page)).toContainText(/Espera: 2 min \d+ s/);
  });
});
