/**
 * A walk through every kiosk screen for one text size, theme and language, calling `visit` on
 * each: the accessibility matrix checks each screen there, the screenshot run photographs it.
 * The walk needs Playwright's clock installed before the page loads (for the idle warning);
 * after the idle warning the clock's time stands still, so no warning interrupts a visit.
 */
import { expect, type Locator, type Page, type Route } from '@playwright/test';
import { helpStatusInButton } from '../../../core/kiosk/help-call-status.js';
import type { LocalizedText } from '../../../core/procedure/schema.js';
import { sampleProcedures } from '../../support/procedures.js';
import { openTile } from './catalogue.js';
import { reveal } from './fit-scan.js';
import { kioskWords } from './kiosk-locale.js';
import { loginToken, volunteers } from './volunteer-console.js';
import { apiRoutes, fillPath } from '../../../core/protocol/api-routes.js';

/** The supported kiosk screens (issue 12), Playwright's default 1920×1080 first. */
export const supportedScreens = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
  { width: 1080, height: 1920 },
] as const;

/** The comfort screen's text sizes, px. */
export const textSizes = [32, 48, 64] as const;

/** The kiosk's URL with the demo device token. */
export const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0';

/** A fresh kiosk page, then attract → Español → comfort → the catalogue. */
export async function toCatalogue(page: Page): Promise<void> {
  await page.goto(kioskUrl);
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('heading', { name: '¿Qué quiere hacer hoy?' })).toBeVisible();
}

/**
 * A sample script's words as the kiosk shows them to a senior who chose `language`: the script's
 * own text in that language when it is written in it (the samples have Arabic), else Spanish.
 */
function scriptWords(
  procedureId: string,
  language: string,
): { title: string; term: (entryId: string) => string; choice: (stepId: string, choiceId: string) => string } {
  const procedure = sampleProcedures().find((candidate) => candidate.id === procedureId);
  if (!procedure) throw new Error(`no sample procedure "${procedureId}"`);
  const shown = procedure.languages.includes(language) ? language : 'es';
  const pick = (text: LocalizedText | undefined, what: string): string => {
    const value = text?.[shown];
    if (value === undefined) throw new Error(`${procedureId}: no ${shown} text for ${what}`);
    return value;
  };
  return {
    title: pick(procedure.title, 'the title'),
    term: (entryId) => pick(procedure.glossary.find((entry) => entry.id === entryId)?.term, `glossary entry ${entryId}`),
    choice: (stepId, choiceId) => {
      const step = procedure.steps.find((candidate) => candidate.id === stepId);
      return pick(step?.kind === 'question' ? step.choices.find((choice) => choice.id === choiceId)?.label : undefined, `choice ${stepId}/${choiceId}`);
    },
  };
}

/** One text size, theme and language. */
export interface Combination {
  language: 'es' | 'ar';
  size: 32 | 48 | 64;
  theme: 'normal' | 'contrast';
}

/** What is done on each screen; its name says which screen and state it is. */
export type Visit = (screen: string) => Promise<void>;

type Words = ReturnType<typeof kioskWords>;

/** Language, then the text size and theme of the combination, then "Seguir" to the catalogue. */
async function begin(page: Page, t: Words, combination: Combination, visit?: Visit, visitLanguageScreen = false): Promise<void> {
  const { language, size, theme } = combination;
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  if (visit && visitLanguageScreen) await visit('language');
  await page.getByRole('button', { name: language === 'ar' ? 'العربية' : 'Español' }).click();
  await page
    .getByRole('group', { name: t('comfort.textSize') })
    .getByRole('button', { name: t(`comfort.size${size}`), exact: true })
    .click();
  // On a smaller screen the colours may be on the comfort screen's second part.
  const themeButton = page
    .getByRole('group', { name: t('comfort.theme') })
    .getByRole('button', { name: t(theme === 'contrast' ? 'comfort.themeContrast' : 'comfort.themeNormal'), exact: true });
  await reveal(page, themeButton, t('fit.nextPart'));
  await themeButton.click();
  // The size applies (the heading is the screen's own on its first part; on a later part it is compact).
  await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', String(size));
  await expect(page.locator('.kiosk')).toHaveCSS('--text-heading', `${Math.round(size * 1.25)}px`);
  if (visit) await visit('comfort');
  // At the larger sizes the choices may come in parts: "Seguir" is on the last.
  const continueButton = page.getByRole('button', { name: t('comfort.continue'), exact: true });
  await reveal(page, continueButton, t('fit.nextPart'));
  await continueButton.click();
  await expect(page.getByRole('heading', { name: t('catalogue.heading') })).toBeVisible();
}

async function openProcedure(page: Page, t: Words, title: string, requirements: number): Promise<void> {
  await openTile(page, title, t('catalogue.more'));
  for (let i = 0; i < requirements; i += 1) await page.getByRole('button', { name: t('requirements.yes') }).click();
}

/**
 * The help call's status as it shows: the sentence in the panel above the help button, or on a
 * short screen the few words in the help button's own box (core's helpStatusInButton says where).
 */
export function helpStatusShown(
  page: Page,
  t: Words,
  size: number,
): {
  status: Locator;
  says: (key: 'calling' | 'unreachable' | 'queuedSoon' | 'coming', values?: Record<string, string | number>) => string;
  cancel: () => Promise<void>;
} {
  const short = helpStatusInButton(page.viewportSize()?.height ?? 1080, size);
  const full = { calling: 'help.calling', unreachable: 'help.stillTrying', queuedSoon: 'help.queuedSoon', coming: 'help.coming' } as const;
  return {
    status: page.locator('.help-dock [data-help-call-status]'),
    // The full "queued" sentence's first half ("Usted es el número 1 en la lista") or the short form's ("Número 1"): the wait depends on the hub's estimate.
    says: (key, values) => (short ? t(`help.short.${key}`, values).split(' · ')[0] : t(full[key], values).split('.')[0]) ?? '',
    // On a short screen the call opens in full first: cancelling takes two taps there.
    cancel: async () => {
      if (short) await page.locator('.help-dock .help-button').click();
      await page.getByRole('button', { name: t('help.cancel') }).click();
    },
  };
}

/**
 * Presses one of the bar's controls: in its row, or in "Más opciones" where the row had no room
 * for it at this screen and text size (app/session-bar.tsx).
 */
export async function pressBarControl(page: Page, t: Words, key: string): Promise<void> {
  const bar = page.locator('header.session-bar');
  const control = bar.getByRole('button', { name: t(key), exact: true });
  if ((await control.count()) === 0) await bar.getByRole('button', { name: t('bar.more'), exact: true }).click();
  await control.click();
}

/** The help call's states: calling, hub unreachable, queued, a volunteer coming. */
async function helpStates(page: Page, t: Words, visit: Visit, hubUrl: string, size: number): Promise<void> {
  const help = page.getByRole('button', { name: t('help.call'), exact: true });
  const { status: panel, says, cancel } = helpStatusShown(page, t, size);
  // "Calling…" lasts until the hub answers or 2 s pass: hold the request and stop the clock's
  // time (its timers still run: axe needs them). The kiosk tries again every 5 s, and a slow
  // visit lets a retry come in while the first is held: every one is held, then refused, and
  // any later one refused at once, so none reaches the hub after "Cancelar".
  const held: Route[] = [];
  let refusing = false;
  await page.route(`**${apiRoutes.kioskCalls.path}`, (route) => {
    if (refusing) void route.abort('connectionrefused');
    else held.push(route);
  });
  await page.clock.setFixedTime(await page.evaluate(() => Date.now()));
  await help.click();
  await expect(panel).toContainText(says('calling'));
  await expect.poll(() => held.length > 0).toBe(true);
  await visit('help calling');
  refusing = true;
  for (const route of held.splice(0)) await route.abort('connectionrefused');
  await expect(panel).toContainText(says('unreachable'));
  await visit('help unreachable');
  await cancel();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await expect(panel).toBeHidden();

  await help.click();
  // "You are number 1 on the list." and then a wait that depends on the hub's estimate.
  await expect(panel).toContainText(says('queuedSoon', { position: 1 }));
  await visit('help queued');
  const token = await loginToken(hubUrl, volunteers.ana);
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  expect((await fetch(hubUrl + apiRoutes.volunteerAvailability.path, { method: 'PUT', headers: auth, body: JSON.stringify({ available: true }) })).ok).toBe(
    true,
  );
  // The list may also hold the call of the held request, created late and cancelled by the kiosk.
  const list = (await (await fetch(hubUrl + apiRoutes.volunteerCalls.path, { headers: auth })).json()) as { calls: { id: string; state: string }[] };
  const open = list.calls.find((call) => call.state === 'waiting' || call.state === 'offered');
  const accepted = await fetch(hubUrl + fillPath('volunteerAccept', { id: open?.id ?? '' }), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  expect(accepted.status).toBe(200);
  await expect(panel).toContainText(says('coming', { name: volunteers.ana.name }));
  await visit('help coming');
  await cancel();
  await expect(panel).toBeHidden();
}

/**
 * A help call, accepted by Ana, who takes control of the kiosk from her phone (over HTTP, as her
 * console does): the kiosk then asks for her PIN (issue 13).
 */
async function takeOverFromPhone(page: Page, t: Words, hubUrl: string, size: number): Promise<void> {
  const { status, says } = helpStatusShown(page, t, size);
  await page.getByRole('button', { name: t('help.call'), exact: true }).click();
  await expect(status).toContainText(says('queuedSoon', { position: 1 }));
  const token = await loginToken(hubUrl, volunteers.ana);
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  expect((await fetch(hubUrl + apiRoutes.volunteerAvailability.path, { method: 'PUT', headers: auth, body: JSON.stringify({ available: true }) })).ok).toBe(
    true,
  );
  const list = (await (await fetch(hubUrl + apiRoutes.volunteerCalls.path, { headers: auth })).json()) as { calls: { id: string; state: string }[] };
  const open = list.calls.find((call) => call.state === 'waiting' || call.state === 'offered');
  expect((await fetch(hubUrl + fillPath('volunteerAccept', { id: open?.id ?? '' }), { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
  await expect(status).toContainText(says('coming', { name: volunteers.ana.name }));
  expect((await fetch(hubUrl + fillPath('volunteerTakeOver', { id: open?.id ?? '' }), { method: 'POST', headers: auth, body: '{}' })).status).toBe(200);
}

/**
 * From a fresh page: installs the clock, opens the kiosk and visits every screen: comfort,
 * catalogue, idle warning, the help panel's states, the requirements question and the "vuelva
 * con…" sheet, each kind of step (info, glossary, question, handoff, input with letters and
 * with digits, an input error, review, done), volunteer sign-in and panel, and a checklist;
 * with `withStartScreens`, the attract and language screens first.
 */
export async function walkEveryScreen(page: Page, hubUrl: string, combination: Combination, visit: Visit, withStartScreens: boolean): Promise<void> {
  const { language } = combination;
  const t = kioskWords(language);
  const next = page.getByRole('button', { name: t('step.next'), exact: true });
  // A step split into parts shows its later answers and "Siguiente" after "Seguir leyendo".
  const press = async (target: Locator): Promise<void> => {
    await reveal(page, target, t('fit.nextPart'));
    await target.click();
  };
  await page.clock.install();
  await page.goto(kioskUrl);
  // The attract and language screens come before any choice of size, colours or language.
  if (withStartScreens) await visit('attract');
  await begin(page, t, combination, visit, withStartScreens);
  await visit('catalogue');

  await page.clock.runFor(121_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await visit('idle warning');
  await page.getByRole('button', { name: t('idle.more') }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();

  // From here on the clock's time stands still (no idle warning in the middle of a check).
  await helpStates(page, t, visit, hubUrl, combination.size);

  // The census certificate: requirements, the "vuelva con…" sheet, then each kind of step.
  const census = scriptWords('certificado-empadronamiento', language);
  await openTile(page, census.title, t('catalogue.more'));
  await visit('requirements question');
  await page.getByRole('button', { name: t('requirements.no') }).click();
  await page.getByRole('button', { name: t('requirements.yes') }).click();
  await expect(page.getByRole('heading', { name: t('requirements.missingHeading') })).toBeVisible();
  await visit('missing sheet');
  await press(page.getByRole('button', { name: t('requirements.goOn') }));
  await expect(page.locator('h1')).toHaveAttribute('data-step', 'bienvenida');
  await visit('step info');
  const hardWord = census.term('empadronamiento');
  await press(page.locator('.step-text').getByRole('button', { name: hardWord }));
  await expect(page.getByRole('dialog', { name: hardWord })).toBeVisible();
  await visit('glossary');
  await page
    .getByRole('dialog', { name: hardWord })
    .getByRole('button', { name: t('glossary.close') })
    .click();
  await press(next);
  await visit('step question');
  await press(page.getByRole('button', { name: census.choice('lo-necesita', 'si'), exact: true }));
  await press(page.getByRole('button', { name: census.choice('tiene-clave', 'si'), exact: true }));
  await press(page.getByRole('button', { name: census.choice('datos-antiguos', 'no'), exact: true }));
  await expect(page.locator('h1')).toHaveAttribute('data-step', 'entrar-con-clave');
  await visit('step handoff');
  await page.getByRole('button', { name: t('step.back') }).click();
  await page.getByRole('button', { name: t('step.back') }).click();
  await press(page.getByRole('button', { name: census.choice('tiene-clave', 'no'), exact: true }));
  const dni = page.locator('#step-input');
  await expect(page.locator('h1')).toHaveAttribute('data-step', 'escribir-dni');
  await expect(page.locator('.step-picture img')).toHaveJSProperty('complete', true);
  await visit('step input, letters keyboard, picture');
  await reveal(page, dni, t('fit.nextPart'));
  await dni.fill('12345678A');
  await press(next);
  await expect(page.getByRole('alert')).toBeVisible();
  await visit('step input with an error');
  await dni.fill('12345678Z');
  await press(next);
  await expect(page.locator('h1')).toHaveAttribute('data-step', 'escribir-telefono');
  await visit('step input, digits keyboard');
  await reveal(page, page.locator('#step-input'), t('fit.nextPart'));
  await page.locator('#step-input').fill('612345678');
  await press(next);
  await expect(page.locator('main[data-step-kind="review"]')).toBeVisible();
  await visit('step review');

  // Volunteer mode, from the phone of the volunteer who accepted the call (issue 13).
  await takeOverFromPhone(page, t, hubUrl, combination.size);
  const pinDialog = page.getByRole('dialog', { name: t('volunteer.pinHeading', { name: volunteers.ana.name }) });
  await expect(pinDialog).toBeVisible();
  await visit('volunteer sign-in');
  await pinDialog.getByLabel(t('volunteer.pinHeading', { name: volunteers.ana.name })).fill(volunteers.ana.pin);
  await pinDialog.getByRole('button', { name: t('volunteer.signIn') }).click();
  const panel = page.getByRole('dialog', { name: t('volunteer.panelHeading', { name: volunteers.ana.name }) });
  await expect(panel).toBeVisible();
  await visit('volunteer panel');
  // Closed from the panel, the call leaves the dock as it was for the rest of the walk.
  await panel.getByRole('button', { name: t('volunteer.closeCall') }).click();
  await expect(panel.getByRole('status')).toHaveText(t('volunteer.callClosed'));
  await panel.getByRole('button', { name: t('volunteer.exit') }).click();
  await expect(panel).toBeHidden();

  await press(next);
  await press(next);
  // Sending is final: the kiosk asks first, away from the tap (issue 13).
  const sendQuestion = page.getByRole('alertdialog', { name: t('confirm.sendHeading') });
  await expect(sendQuestion).toBeVisible();
  await visit('confirm before sending');
  await sendQuestion.getByRole('button', { name: t('confirm.send') }).click();
  await reveal(page, page.locator('.take-home-qr-code'), t('fit.nextPart'));
  await visit('step done, take-home sheet with QR code');
  // "Terminar" ends the done step's last part (its print button may be on a part of its own).
  await press(page.locator('.step-nav').getByRole('button', { name: t('session.end'), exact: true }));

  // The tax payment has the checklist.
  await begin(page, t, combination);
  const tax = scriptWords('pago-impuesto', language);
  await openProcedure(page, t, tax.title, 3);
  await press(next);
  await press(page.getByRole('button', { name: tax.choice('que-quiere', 'pagar'), exact: true }));
  // The checklist on screen (its items may be on a later part on a small screen).
  await expect(page.locator('main[data-step-kind="checklist"]')).toBeAttached();
  await press(page.getByRole('checkbox').first());
  await visit('step checklist');
  // With an answer given, "Empezar de nuevo" asks before it erases (issue 13).
  await pressBarControl(page, t, 'session.restart');
  const eraseQuestion = page.getByRole('alertdialog', { name: t('confirm.eraseHeading') });
  await expect(eraseQuestion).toBeVisible();
  await visit('confirm before erasing');
  await eraseQuestion.getByRole('button', { name: t('confirm.keep') }).click();
  await expect(eraseQuestion).toBeHidden();
}
