/**
 * The trainer's side of a workshop (issue 18) on a phone, in Chromium against a real hub, with
 * three kiosks taking part over real sockets and HTTP: starting with two lessons, the join code
 * (large, and as a QR code), the participants' steps on the live grid, "Miren todos aquí"
 * reaching every kiosk, a raised hand announced and answered with "Voy", "Lleva 4 min en este
 * paso", pause and resume, and the end with its confirmation. axe and the geometry scan on the
 * grid; the screenshot for the README.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/hub.js';
import { axeViolations, layoutProblems } from './support/accessibility.js';
import { alertLog, recordAlerts, screenshots, secondPhone, signIn, volunteers } from './support/volunteer-console.js';
import { workshopKiosks, type WorkshopKiosk } from './support/workshop-kiosks.js';

const phone = { width: 360, height: 740 };
test.use({ viewport: phone });

const sms = { id: 'leccion-sms-falso', title: '¿Este SMS es de verdad?' };
const pin = { id: 'leccion-pin-clave', title: 'Su PIN de Cl@ve no se lo dice a nadie, tampoco a un voluntario' };

/** The seat's card on the grid, by the name it shows ("Puesto 2", or the first name typed). */
function seatCard(page: Page, name: string) {
  return page.getByRole('article', { name, exact: true });
}

test('a trainer on a phone starts a workshop, follows three kiosks on the grid, brings them to one step, answers a hand, pauses and ends', async ({
  page,
  hub,
}) => {
  test.setTimeout(120_000);
  // Installed before the page loads, so the grid's "stuck" clock can be moved on later; time runs as usual until then.
  await page.clock.install();
  const kiosks: WorkshopKiosk[] = await workshopKiosks(hub.url, 3);
  try {
    await signIn(page, volunteers.ana);
    await page.getByRole('button', { name: 'Ir al taller' }).click();
    await expect(page.getByRole('heading', { name: 'Taller', level: 2 })).toBeVisible();

    // Start: nothing ticked is refused in words; the ticks number the workshop's order.
    await page.getByRole('button', { name: 'Empezar el taller' }).click();
    await expect(page.getByRole('alert')).toHaveText('Marque al menos una lección.');
    await page.getByRole('checkbox', { name: sms.title }).click();
    await page.getByRole('checkbox', { name: pin.title }).click();
    await expect(page.getByRole('checkbox', { name: sms.title })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('checkbox', { name: 'Practicar con el código de Cl@ve' })).toHaveAttribute('aria-checked', 'false');
    await page.getByRole('button', { name: 'Empezar el taller' }).click();

    // The code: large, in groups, spelled digit by digit for a screen reader, and as a QR code.
    await expect(page.getByRole('heading', { name: 'Taller de Ana' })).toBeFocused();
    const digits = page.locator('.join-code-digits');
    await expect(digits).toContainText(/Código: \d( \d){3,5}/);
    const code = ((await digits.textContent()) ?? '').replace(/^.*Código: /, '').replace(/\D/g, '');
    expect(code).toMatch(/^\d{4,6}$/);
    const fontSize = await digits.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(60);
    await expect(page.getByRole('img', { name: `Código QR con el código ${code.split('').join(' ')}` })).toBeVisible();
    await expect(page.getByText('Todavía no se ha unido nadie.')).toBeVisible();

    // Three kiosks join (one types a first name) and report their steps: each one shows on the grid.
    const [first, second, third] = kiosks;
    if (!first || !second || !third) throw new Error('three kiosks were started');
    const firstSeat = await first.join(code);
    const secondSeat = await second.join(code);
    const thirdSeat = await third.join(code, 'Carmen');
    const firstName = `Puesto ${firstSeat}`;
    const secondName = `Puesto ${secondSeat}`;
    await expect(page.getByRole('heading', { name: 'Participantes: 3' })).toBeVisible();
    await expect(seatCard(page, 'Carmen')).toContainText(`Puesto ${thirdSeat}`);
    await expect(seatCard(page, firstName)).toContainText('Aún no ha empezado ninguna lección.');
    await first.progress({ lessonId: sms.id, stepId: 'que-buscan', finishedLessons: [] });
    await second.progress({ lessonId: sms.id, stepId: 'bienvenida', finishedLessons: [] });
    await third.progress({ lessonId: pin.id, stepId: 'como-una-llave', finishedLessons: [sms.id] });
    await expect(seatCard(page, firstName)).toContainText(sms.title);
    await expect(seatCard(page, firstName)).toContainText('Paso: Qué busca un SMS falso');
    await expect(seatCard(page, secondName)).toContainText('Paso: Esto es una práctica');
    await expect(seatCard(page, 'Carmen')).toContainText(pin.title);
    await expect(seatCard(page, 'Carmen')).toContainText('Paso: Su PIN es como una llave');
    // The grid keeps the room's order while nobody asks.
    await expect(page.locator('.seat-name')).toHaveText([firstName, secondName, 'Carmen']);

    // "Miren todos aquí": the trainer picks a lesson and a step; every kiosk is told to go there.
    await expect(page.getByText('Cada persona va a su ritmo.')).toBeVisible();
    await page.getByRole('button', { name: 'Miren todos aquí' }).click();
    await expect(page.getByRole('heading', { name: '¿A qué paso los lleva?' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByLabel('Lección', { exact: true }).selectOption({ label: sms.title });
    await page.getByLabel('Paso', { exact: true }).selectOption({ label: '3. Un SMS de su banco' });
    await page.getByRole('button', { name: 'Llevar a todos a este paso' }).click();
    await expect(page.getByText(`Todos miran aquí: ${sms.title} · Un SMS de su banco`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Llevarlos a otro paso' })).toBeFocused();
    for (const kiosk of kiosks) await kiosk.waitFor((workshop) => workshop?.follow?.lessonId === sms.id && workshop.follow.stepId === 'sms-banco');
    await page.getByRole('button', { name: 'A su ritmo' }).click();
    await expect(page.getByText('Cada persona va a su ritmo.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Miren todos aquí' })).toBeFocused();
    for (const kiosk of kiosks) await expect.poll(() => kiosk.heard.at(-1)?.follow).toBeNull();

    // A raised hand: announced, first on the grid, and "Voy" answers it (the kiosk then shows "Ana viene").
    await second.hand(true);
    const asking = seatCard(page, secondName);
    await expect(asking).toContainText('Levanta la mano');
    await expect(page.locator('.hands-announcer')).toHaveText(`${secondName} levanta la mano.`);
    await expect(page.locator('.seat-name').first()).toHaveText(secondName);
    // From the calls page too, the way back says a hand waits.
    await page.getByRole('button', { name: 'Ir a los avisos' }).click();
    await page.getByRole('button', { name: 'Ir al taller: 1 mano levantada' }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await mkdir(screenshots, { recursive: true });
    // From the top to the end of the grid: the code, its QR code and every seat (the controls follow below).
    const gridBottom = await page.locator('.seat-grid').evaluate((grid) => grid.getBoundingClientRect().bottom + window.scrollY);
    await page.screenshot({
      path: `${screenshots}/workshop-trainer-grid.png`,
      fullPage: true,
      clip: { x: 0, y: 0, width: phone.width, height: gridBottom + 16 },
    });
    await asking.getByRole('button', { name: 'Voy' }).click();
    await expect(asking).toContainText('Ana va para allá');
    await expect(asking.getByRole('heading', { name: secondName })).toBeFocused();
    await expect(asking.getByRole('button')).toHaveCount(0);
    const answered = await second.waitFor((workshop) => workshop?.hand === 'answered');
    expect(answered?.handAnsweredBy).toBe('Ana');

    // On a tablet the grid has columns, and still fits.
    await page.setViewportSize({ width: 800, height: 1280 });
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}/workshop-trainer-tablet.png`, fullPage: true });
    await page.setViewportSize(phone);

    // Four minutes on one step: the grid says so (the hub's clock is read through the phone's).
    await page.clock.fastForward('04:10');
    await expect(seatCard(page, firstName)).toContainText('Lleva 4 min en este paso');
    await expect(asking).not.toContainText('min en este paso');

    // Pause with the ready message, then resume.
    await page.getByRole('button', { name: 'Pausar a todos' }).click();
    await expect(page.getByText('En pausa. Las pantallas dicen: «Pausa: miren al voluntario»').first()).toBeVisible();
    for (const kiosk of kiosks) await kiosk.waitFor((workshop) => workshop?.state === 'paused' && workshop.pauseMessage === 'Pausa: miren al voluntario');
    await expect(page.getByRole('button', { name: 'Seguir' })).toBeFocused();
    await page.getByRole('button', { name: 'Seguir' }).click();
    await expect(page.getByRole('button', { name: 'Pausar a todos' })).toBeVisible();
    for (const kiosk of kiosks) await expect.poll(() => kiosk.heard.at(-1)?.state).toBe('running');

    // The end asks first; "No" keeps it going, "Sí" ends it for every kiosk.
    await page.getByRole('button', { name: 'Terminar el taller' }).click();
    await expect(page.getByText(/^¿Terminar el taller\?/)).toBeFocused();
    await page.getByRole('button', { name: 'No, seguir con el taller' }).click();
    await expect(page.getByRole('button', { name: 'Terminar el taller' })).toBeFocused();
    await page.getByRole('button', { name: 'Terminar el taller' }).click();
    await page.getByRole('button', { name: 'Sí, terminar el taller' }).click();
    await expect(page.getByText(/^Taller terminado: 3 participantes, \d+ lecciones completadas\.$/)).toBeFocused();
    for (const kiosk of kiosks) await expect.poll(() => kiosk.heard.at(-1)?.state ?? 'none').toMatch(/^(ended|none)$/);
    await expect(page.getByRole('button', { name: 'Empezar el taller' })).toBeVisible();
    await expect(page.locator('.join-code')).toHaveCount(0);
  } finally {
    for (const kiosk of kiosks) kiosk.stop();
  }
});

test('the workshop page in English, and back to the calls', async ({ page }) => {
  await signIn(page, volunteers.ana);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Go to the workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Workshop', level: 2 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Is this text message real?' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await layoutProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Go to the calls' }).click();
  await expect(page.getByRole('switch', { name: 'Available' })).toBeVisible();
});

test('a co-trainer on another phone hears a raised hand from the calls page, and sees who went; a private step shows only as private', async ({
  page: ana,
  browser,
  hub,
}) => {
  const luis = await secondPhone(browser, hub.url);
  await luis.setViewportSize(phone);
  await recordAlerts(luis);
  const [kiosk] = await workshopKiosks(hub.url, 1);
  try {
    await signIn(ana, volunteers.ana);
    await signIn(luis, volunteers.luis);
    await ana.getByRole('button', { name: 'Ir al taller' }).click();
    await ana.getByRole('checkbox', { name: pin.title }).click();
    await ana.getByRole('button', { name: 'Empezar el taller' }).click();
    await expect(ana.getByRole('heading', { name: 'Taller de Ana' })).toBeFocused();
    const code = ((await ana.locator('.join-code-digits').textContent()) ?? '').replace(/^.*Código: /, '').replace(/\D/g, '');
    const seat = await kiosk?.join(code);
    // A private step (the senior types their PIN) is named only as private, never by its title.
    await kiosk?.progress({ lessonId: pin.id, stepId: 'escribir-pin', finishedLessons: [] });
    await expect(seatCard(ana, `Puesto ${seat}`)).toContainText('Paso: Paso privado');
    await expect(seatCard(ana, `Puesto ${seat}`)).not.toContainText('Escriba usted el PIN');
    await kiosk?.hand(true);

    // Luis stays on the calls page: his phone rings, and the way to the workshop says a hand waits.
    await luis.getByRole('button', { name: 'Ir al taller: 1 mano levantada' }).click();
    await expect.poll(async () => (await alertLog(luis)).vibrations).toBe(1);
    const card = seatCard(luis, `Puesto ${seat}`);
    await expect(card).toContainText('Levanta la mano');
    await seatCard(ana, `Puesto ${seat}`).getByRole('button', { name: 'Voy' }).click();
    await expect(card).toContainText('Ana va para allá');
    await expect(card.getByRole('button')).toHaveCount(0);
    expect((await alertLog(luis)).vibrations).toBe(1);
  } finally {
    kiosk?.stop();
    await luis.context().close();
  }
});
