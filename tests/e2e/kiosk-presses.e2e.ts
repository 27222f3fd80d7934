/**
 * Every tap means what the senior meant (issue 13), with the kiosk's real settle time (400 ms,
 * core/kiosk/settle.ts) and a touchscreen: a double tap cannot cross the final confirmation,
 * a question comes before sending or erasing, and its "Sí" is never under the finger that led to
 * it; the idle warning is modal and any touch or key on it means "still here"; a press shows
 * around the finger and sliding off cancels.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/hub.js';
import { kioskWords } from './support/kiosk-locale.js';

const t = kioskWords('es');
const kiosk = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret';
const noSettle = `${kiosk}&settle=0`;
/**
 * The double-tap tests give the settle time 1 s, not the 400 ms a kiosk has: on a loaded two-core
 * machine the second of two taps meant 120 ms apart sometimes reached the page 450 ms later, a
 * tap the kiosk rightly takes as deliberate. The 400 ms rule itself is unit-tested
 * (tests/core/kiosk/press-gate.test.ts); here the browser proves the mechanism.
 */
const withSettle = `${kiosk}&settle=1000`;

test.use({ hasTouch: true });

/** Waits out the settle time of the screen on show (the `data-settling` mark on <html>). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-settling'));
}

/** The centre of a control, in viewport px. */
async function centreOf(target: Locator): Promise<{ x: number; y: number }> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the control is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A finger's tap once the screen has settled. */
async function tap(page: Page, target: Locator): Promise<void> {
  await settled(page);
  const { x, y } = await centreOf(target);
  await page.touchscreen.tap(x, y);
}

/**
 * Two taps `gapMs` apart on the same spot, the way a shaking or hurried finger lands twice; the
 * gap as the page saw it (between the two fingers' lifts, ms).
 */
async function doubleTap(page: Page, at: { x: number; y: number }, gapMs: number): Promise<number> {
  await page.evaluate(() => {
    const taps: number[] = [];
    (window as unknown as { __taps: number[] }).__taps = taps;
    window.addEventListener('pointerup', () => taps.push(performance.now()), { capture: true });
  });
  await page.touchscreen.tap(at.x, at.y);
  await page.waitForTimeout(gapMs);
  await page.touchscreen.tap(at.x, at.y);
  const taps = await page.evaluate(() => (window as unknown as { __taps: number[] }).__taps);
  return (taps[taps.length - 1] ?? 0) - (taps[taps.length - 2] ?? 0);
}

const heading = (page: Page, name: string): Locator => page.getByRole('heading', { name, level: 1 });
const sendQuestion = (page: Page): Locator => page.getByRole('alertdialog', { name: t('confirm.sendHeading') });
const eraseQuestion = (page: Page): Locator => page.getByRole('alertdialog', { name: t('confirm.eraseHeading') });

/** From the review of the census certificate: the double tap, then the question, then the send. */
async function doubleTapFromReview(page: Page): Promise<void> {
  const next = page.getByRole('button', { name: t('step.next'), exact: true });
  // A review in parts shows "Siguiente" on its last.
  const readOn = page.getByRole('button', { name: t('fit.nextPart'), exact: true });
  await expect(page.locator('main[data-step-kind="review"][data-packed]')).toBeVisible();
  while (await readOn.isVisible()) await tap(page, readOn);
  await settled(page);
  const spot = await centreOf(next);
  // Two taps 120 ms apart at "Revise sus datos": the second lands on the next screen while it settles.
  await doubleTap(page, spot, 120);
  await expect(heading(page, 'Enviar la petición')).toBeVisible();
  await page.waitForTimeout(600);
  await expect(heading(page, 'Enviar la petición')).toBeVisible();
  await expect(sendQuestion(page)).toHaveCount(0);

  // The same on "Enviar la petición": the first tap asks, the second lands nowhere near "Sí".
  await settled(page);
  await doubleTap(page, spot, 120);
  const question = sendQuestion(page);
  await expect(question).toBeVisible();
  const yes = question.getByRole('button', { name: t('confirm.send') });
  const yesBox = await yes.boundingBox();
  expect(yesBox).not.toBeNull();
  if (yesBox)
    expect(
      spot.x >= yesBox.x && spot.x <= yesBox.x + yesBox.width && spot.y >= yesBox.y && spot.y <= yesBox.y + yesBox.height,
      '"Sí, enviar" is where the tap landed',
    ).toBe(false);
  // "No" is the large default.
  const no = question.getByRole('button', { name: t('confirm.notYet') });
  const noBox = await no.boundingBox();
  expect((noBox?.width ?? 0) * (noBox?.height ?? 0)).toBeGreaterThan((yesBox?.width ?? 0) * (yesBox?.height ?? 0));
  await page.waitForTimeout(600);
  await expect(heading(page, 'Enviar la petición')).toBeVisible();

  // "No, todavía no" keeps the step; asked again, "Sí, enviar" sends.
  await tap(page, no);
  await expect(question).toHaveCount(0);
  await expect(heading(page, 'Enviar la petición')).toBeVisible();
  await tap(page, page.getByRole('button', { name: t('step.next'), exact: true }));
  await tap(page, sendQuestion(page).getByRole('button', { name: t('confirm.send') }));
  await expect(heading(page, 'Petición enviada')).toBeVisible();
}

test.describe('taps that mean what the senior meant', () => {
  test('two taps 120 ms apart at the review do not send: a new screen settles, sending asks, and "Sí" is elsewhere', async ({ page }) => {
    await page.goto(`${withSettle}&at=certificado-empadronamiento/revisar`);
    await expect(heading(page, 'Revise sus datos')).toBeVisible();
    await doubleTapFromReview(page);
  });

  test('the same with "No repetir la misma tecla" on, after a whole walk at the real settle time', async ({ page }) => {
    test.slow();
    await page.goto(withSettle);
    await tap(page, page.getByRole('button', { name: t('attract.start') }));
    await tap(page, page.getByRole('button', { name: 'Español' }));
    await tap(page, page.getByRole('button', { name: t('comfort.repeatsOn') }));
    await tap(page, page.getByRole('button', { name: t('comfort.continue'), exact: true }));
    await tap(page, page.getByRole('button', { name: /^Certificado de empadronamiento/ }));
    await tap(page, page.getByRole('button', { name: t('requirements.yes') }));
    await tap(page, page.getByRole('button', { name: t('requirements.yes') }));
    await expect(page.getByText('Paso 1 de')).toBeVisible();
    await tap(page, page.getByRole('button', { name: t('step.next'), exact: true }));
    await tap(page, page.getByRole('button', { name: 'Sí, me lo han pedido' }));
    await tap(page, page.getByRole('button', { name: 'No tengo Cl@ve' }));
    // The DNI on the keys, whatever part of the step they are on.
    const readOn = page.getByRole('button', { name: t('fit.nextPart'), exact: true });
    while (!(await page.getByLabel('DNI o NIE').isVisible())) await tap(page, readOn);
    // With the tremor option, the same key twice within 500 ms types once; apart, twice.
    const keys = page.getByRole('group', { name: t('keyboard.label') });
    const one = await centreOf(keys.getByRole('button', { name: '1', exact: true }));
    await settled(page);
    const gap = await doubleTap(page, one, 150);
    // Within 500 ms the second is the tremor's; a loaded machine may deliver it later, and then it counts.
    await expect(page.getByLabel('DNI o NIE')).toHaveValue(gap < 500 ? '1' : '11');
    await page.getByLabel('DNI o NIE').fill('1');
    await page.waitForTimeout(550);
    await page.touchscreen.tap(one.x, one.y);
    await expect(page.getByLabel('DNI o NIE')).toHaveValue('11');
    await page.getByLabel('DNI o NIE').fill('12345678Z');
    await tap(page, page.getByRole('button', { name: t('step.next'), exact: true }));
    await page.getByLabel('Teléfono').fill('600123456');
    await tap(page, page.getByRole('button', { name: t('step.next'), exact: true }));
    await expect(heading(page, 'Revise sus datos')).toBeVisible();
    await doubleTapFromReview(page);
  });

  test('"Empezar de nuevo" and "Terminar" ask before erasing answers, "No, seguir" keeps them, and nothing is asked when there is nothing to lose', async ({
    page,
  }) => {
    await page.goto(`${noSettle}&at=certificado-empadronamiento/escribir-dni`);
    const field = page.getByLabel('DNI o NIE');
    await expect(page.locator('main[data-step-id="escribir-dni"][data-packed]')).toBeVisible();
    while (!(await field.isVisible())) await page.getByRole('button', { name: t('fit.nextPart'), exact: true }).click();
    // Typed, not yet answered: that is something to lose too.
    await page
      .getByRole('group', { name: t('keyboard.label') })
      .getByRole('button', { name: '1', exact: true })
      .click();
    await expect(field).toHaveValue('1');
    const restart = page.locator('header.session-bar').getByRole('button', { name: t('session.restart') });
    await restart.click();
    const question = eraseQuestion(page);
    await expect(question).toBeVisible();
    await expect(question).toContainText(t('confirm.eraseText'));
    // "No, seguir" is the default: focused as the question opens, for a keyboard or a switch.
    await expect(question.getByRole('button', { name: t('confirm.keep') })).toBeFocused();
    // Beneath the question nothing can be touched or typed into.
    expect(await page.locator('.kiosk-beneath').evaluate((element) => (element as HTMLElement).inert)).toBe(true);
    // The question sits away from the bar's button that opened it.
    const restartBox = await restart.boundingBox();
    const yesBox = await question.getByRole('button', { name: t('confirm.erase') }).boundingBox();
    expect(yesBox?.y ?? 0).toBeGreaterThan((restartBox?.y ?? 0) + (restartBox?.height ?? 0));
    await question.getByRole('button', { name: t('confirm.keep') }).click();
    await expect(question).toHaveCount(0);
    await expect(field).toHaveValue('1');

    // Answered: the same question; "Sí, borrar" ends the session.
    await field.fill('12345678Z');
    await page.getByRole('button', { name: t('step.next'), exact: true }).click();
    await expect(page.getByLabel('Teléfono')).toBeVisible();
    await restart.click();
    await eraseQuestion(page)
      .getByRole('button', { name: t('confirm.erase') })
      .click();
    await expect(page.getByRole('button', { name: t('attract.start') })).toBeVisible();

    // Nothing answered (the catalogue): "Terminar" ends at once.
    await page.goto(`${noSettle}&at=certificado-empadronamiento/bienvenida`);
    await expect(heading(page, 'Certificado de empadronamiento')).toBeVisible();
    await page
      .locator('header.session-bar')
      .getByRole('button', { name: t('session.restart') })
      .click();
    await expect(eraseQuestion(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: t('attract.start') })).toBeVisible();
  });

  test('during "¿Sigue ahí?" the screen beneath is inert, and a touch or a key anywhere keeps the session', async ({ page }) => {
    await page.clock.install();
    await page.goto(`${noSettle}&at=certificado-empadronamiento/escribir-dni`);
    const field = page.getByLabel('DNI o NIE');
    await expect(page.locator('main[data-step-id="escribir-dni"][data-packed]')).toBeVisible();
    while (!(await field.isVisible())) await page.getByRole('button', { name: t('fit.nextPart'), exact: true }).click();
    const keys = page.getByRole('group', { name: t('keyboard.label') });
    await keys.getByRole('button', { name: '1', exact: true }).click();
    await keys.getByRole('button', { name: '2', exact: true }).click();
    const warning = page.getByRole('alertdialog', { name: t('idle.heading') });
    const key3 = await centreOf(keys.getByRole('button', { name: '3', exact: true }));
    const next = await centreOf(page.getByRole('button', { name: t('step.next'), exact: true }));

    // A touch on a key beneath the warning: the warning goes, nothing is typed.
    await page.clock.runFor(121_000);
    await expect(warning).toBeVisible();
    expect(await page.locator('.kiosk-beneath').evaluate((element) => (element as HTMLElement).inert)).toBe(true);
    await page.touchscreen.tap(key3.x, key3.y);
    await expect(warning).toHaveCount(0);
    await expect(field).toHaveValue('12');

    // A key on a keyboard: the same.
    await page.clock.runFor(121_000);
    await expect(warning).toBeVisible();
    await page.keyboard.type('9');
    await expect(warning).toHaveCount(0);
    await expect(field).toHaveValue('12');

    // A touch where "Siguiente" is: the warning goes, the step stays.
    await page.clock.runFor(121_000);
    await expect(warning).toBeVisible();
    await page.touchscreen.tap(next.x, next.y);
    await expect(warning).toHaveCount(0);
    await expect(page.locator('main[data-step-id="escribir-dni"]')).toBeVisible();

    // And a minute later nothing is wiped: the touch was the senior's answer.
    await page.clock.runFor(61_000);
    await expect(field).toHaveValue('12');
    await expect(page.getByRole('button', { name: t('attract.start') })).toHaveCount(0);
    await keys.getByRole('button', { name: '3', exact: true }).click();
    await expect(field).toHaveValue('123');
  });

  test('a press shows around the finger while it is down, acts on release, and sliding off cancels', async ({ page }) => {
    await page.goto(`${noSettle}&at=certificado-empadronamiento/bienvenida`);
    await expect(heading(page, 'Certificado de empadronamiento')).toBeVisible();
    const next = page.getByRole('button', { name: t('step.next'), exact: true });
    const { x, y } = await centreOf(next);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: { x: number; y: number }[]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at });

    await touch('touchStart', [{ x, y }]);
    await expect(next).toHaveAttribute('data-pressed');
    // The ring is outside the button, where the finger does not cover it.
    const ring = await next.evaluate((element) => {
      const style = getComputedStyle(element);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, offset: parseFloat(style.outlineOffset) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(8);
    expect(ring.offset).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: 'docs/screenshots/kiosk-pressed.png' });
    // Not released: nothing has happened yet.
    await expect(heading(page, 'Certificado de empadronamiento')).toBeVisible();
    // Sliding off before lifting: cancelled, the ring goes.
    await touch('touchMove', [{ x: x - 700, y: y - 400 }]);
    await expect(next).not.toHaveAttribute('data-pressed');
    await touch('touchEnd', []);
    await page.waitForTimeout(300);
    await expect(heading(page, 'Certificado de empadronamiento')).toBeVisible();
    // Pressed and released on the button: it goes on.
    await touch('touchStart', [{ x, y }]);
    await touch('touchEnd', []);
    await expect(page.locator('main[data-step-id="lo-necesita"]')).toBeVisible();
    // No text is selected by a long touch anywhere on the kiosk.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.kiosk') as Element).userSelect)).toBe('none');
  });
});
