/**
 * A participant joins a workshop (issue 18) in their own language and text size, on the
 * session's own language and comfort screens: in Arabic at 64 px the page is mirrored, the code,
 * name and lessons screens speak Arabic at that size, a lesson written in Arabic shows in Arabic
 * and one that is not shows in Spanish (marked so), as the catalogue shows any procedure; every
 * screen of the way in fits with nothing scrolled on the short and the tall screen. The hub hears
 * the code only, never the language. Leaving (or the idle wipe) puts Spanish at 32 px back, with
 * nothing of the participant left.
 */
import type { Page, TestInfo } from '@playwright/test';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { workshopProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { openTile } from './support/catalogue.js';
import { fitProblems, reveal } from './support/fit-scan.js';
import { kioskUrl, pressBarControl } from './support/kiosk-screens.js';
import { kioskWords } from './support/kiosk-locale.js';
import { placesHolding } from './support/privacy-search.js';
import { toWorkshopCode, typeOnKeys } from './support/workshop-kiosks.js';
import { startWorkshopAsAna } from './support/workshop-trainer.js';

/** A safety lesson written in Spanish and English only, and a practice twin written in Arabic too. */
const lessonIds = ['leccion-sms-falso', 'practica-cita-previa'] as const;
const titleOf = (id: string, language: string): string => {
  const title = workshopProcedures().find((procedure) => procedure.id === id)?.title[language];
  if (title === undefined) throw new Error(`${id} has no ${language} title`);
  return title;
};

/** The join requests' bodies, as the hub receives them. */
function joinBodies(page: Page): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(apiRoutes.kioskJoinWorkshop.path)) bodies.push(request.postDataJSON());
  });
  return bodies;
}

/** Fit scan of the screen on show, and (when asked) a screenshot of it to look at. */
function looker(page: Page, testInfo: TestInfo, problems: string[], shots: boolean) {
  return async (screen: string): Promise<void> => {
    // The screen laid out and packed: its parts counted, the dock measured.
    await expect(page.locator('main').first()).toBeVisible();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    for (const problem of await fitProblems(page)) problems.push(`${screen}: ${problem}`);
    if (shots) {
      const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
      const size = await page.locator('.kiosk').getAttribute('data-text-size');
      await page.screenshot({ path: testInfo.outputPath(`workshop-join-${screen}-${width}x${height}-${size}px.png`) });
    }
  };
}

const joins = [
  { language: 'ar', size: 64, viewport: { width: 1366, height: 768 }, shots: true },
  { language: 'ar', size: 64, viewport: { width: 1080, height: 1920 }, shots: false },
  { language: 'en', size: 32, viewport: { width: 1920, height: 1080 }, shots: true },
] as const;

for (const { language, size, viewport, shots } of joins) {
  test(`a participant joins in ${language} at ${size} px on ${viewport.width}×${viewport.height}: the lessons in that language and size, every screen in sight, and leaving puts Spanish at 32 px back`, async ({
    page,
    hub,
  }, testInfo) => {
    test.setTimeout(120_000);
    const ana = await startWorkshopAsAna(hub.url, lessonIds);
    const t = kioskWords(language);
    const bodies = joinBodies(page);
    const problems: string[] = [];
    const look = looker(page, testInfo, problems, shots);
    await page.setViewportSize(viewport);
    await page.goto(kioskUrl);

    // The way in: the session's language and comfort screens, already in the PRÁCTICA look.
    await toWorkshopCode(page, {
      language,
      size,
      visit: async (screen) => {
        await expect(page.locator('.session-bar [data-practice-banner]')).toBeVisible();
        await look(screen);
      },
    });
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    // The heading at 1.25 times the text, or at the text's own size on a screen up to 800 px tall (workshop.css, as a step's).
    const heading = viewport.height <= 800 ? size : Math.round(size * 1.25);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('font-size', `${heading}px`);
    await look('code');

    // "Atrás" on the code screen: the comfort settings again, the size kept; "Seguir" back to the code.
    await page.getByRole('button', { name: t('step.back'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('comfort.heading') })).toBeVisible();
    await expect(page.getByRole('group', { name: t('comfort.textSize') }).getByRole('button', { name: t(`comfort.size${size}`) })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const again = page.getByRole('button', { name: t('comfort.continue'), exact: true });
    await reveal(page, again, t('fit.nextPart'));
    await again.click();
    await expect(page.getByRole('heading', { name: t('workshop.codeHeading') })).toBeVisible();

    await typeOnKeys(page, ana.code);
    await page.getByRole('button', { name: t('workshop.continue'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('workshop.nameHeading') })).toBeVisible();
    await look('name');
    await page.getByRole('button', { name: t('workshop.nameSkip'), exact: true }).click();

    // The lessons in the chosen language; one not written in it shows in Spanish, marked so.
    await expect(page.getByRole('heading', { name: t('workshop.lessonsHeading') })).toBeVisible();
    await look('lessons');
    const twin = page.locator('.catalogue-tile').filter({ hasText: titleOf('practica-cita-previa', language) });
    await expect(twin).toHaveAttribute('lang', language);
    const sms = page.locator('.catalogue-tile').filter({ hasText: titleOf('leccion-sms-falso', language === 'ar' ? 'es' : language) });
    await expect(sms).toHaveAttribute('lang', language === 'ar' ? 'es' : language);
    await expect(sms).toHaveCount(1);
    await openTile(page, titleOf('practica-cita-previa', language), t('catalogue.more'));
    await expect(page.locator('main[data-step-id]')).toBeVisible();
    await expect(page.locator('main[data-step-id] h1')).toHaveAttribute('lang', language);
    await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', String(size));
    await look('lesson');
    await expect.poll(async () => (await ana.grid()).seats.map((seat) => seat.lessonId)).toEqual(['practica-cita-previa']);

    // The hub heard the code and nothing else: no language, no size.
    expect(bodies).toEqual([{ code: ana.code }]);
    for (const seat of (await ana.grid()).seats) for (const field of ['language', 'textSize', 'comfort']) expect(seat).not.toHaveProperty(field);

    // Leaving: Spanish at 32 px again, the seat freed, nothing of the lesson left in the page.
    await pressBarControl(page, t, 'workshop.leave');
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', '32');
    await expect(page.locator('.kiosk-practice')).toHaveCount(0);
    await expect.poll(async () => (await ana.grid()).seats.length).toBe(0);
    expect(await placesHolding(page, [titleOf('practica-cita-previa', language)])).toEqual([]);
    // The next senior starts from the defaults: "Normal" text size on the comfort screen.
    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await expect(page.getByRole('group', { name: 'Tamaño de la letra' }).getByRole('button', { name: 'Normal' })).toHaveAttribute('aria-pressed', 'true');

    expect(problems).toEqual([]);
  });
}

test('the idle wipe in a workshop joined in English at 64 px puts the text size back, and the next senior starts in Spanish', async ({ page, hub }) => {
  const ana = await startWorkshopAsAna(hub.url, lessonIds);
  const t = kioskWords('en');
  await page.clock.install();
  await page.goto(kioskUrl);
  await toWorkshopCode(page, { language: 'en', size: 64 });
  await typeOnKeys(page, ana.code);
  await page.getByRole('button', { name: t('workshop.continue'), exact: true }).click();
  await page.getByRole('button', { name: t('workshop.nameSkip'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('workshop.lessonsHeading') })).toBeVisible();
  await expect.poll(async () => (await ana.grid()).seats.length).toBe(1);

  await page.clock.runFor(121_000);
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.clock.runFor(61_000);
  // As at a session's wipe: the message in the language of the senior who may come back to read it, at 32 px.
  await expect(page.getByText(t('attract.wiped'))).toBeVisible();
  await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', '32');
  await expect(page.locator('.kiosk-practice')).toHaveCount(0);
  await expect.poll(async () => (await ana.grid()).seats.length).toBe(0);
  await page.getByRole('button', { name: t('attract.start') }).click();
  await expect(page.getByRole('heading', { name: 'Elija su idioma' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});

test('before a seat is taken (the way in: language, comfort, code) "Llamar a un voluntario" calls the site\'s volunteers, as in any session; once joined it raises a hand', async ({
  page,
  hub,
}) => {
  const ana = await startWorkshopAsAna(hub.url, lessonIds);
  await page.goto(kioskUrl);
  await page.getByRole('button', { name: 'Unirme a un taller' }).click();
  await expect(page.getByRole('heading', { name: 'Elija su idioma' })).toBeVisible();
  // No trainer to raise a hand to yet: the press is a help call, with its status where it always is.
  await page.getByRole('button', { name: 'Llamar a un voluntario' }).click();
  await expect.poll(async () => (await hub.database.db.selectFrom('calls').select(['id']).execute()).length).toBe(1);
  await expect(page.locator('.help-dock')).toContainText(/Llamando a un voluntario|Usted es el número 1/);
  await page.getByRole('button', { name: 'Cancelar llamada' }).click();
  await expect(page.getByRole('button', { name: 'Cancelar llamada' })).toHaveCount(0);

  // Joined: the same button raises a hand to the trainer, and no new call is made.
  await page.getByRole('button', { name: 'Español', exact: true }).click();
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await typeOnKeys(page, ana.code);
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await page.getByRole('button', { name: 'Prefiero no decirlo' }).click();
  await expect(page.getByRole('heading', { name: 'Las lecciones del taller' })).toBeVisible();
  await page.getByRole('button', { name: 'Llamar a un voluntario' }).click();
  await expect(page.locator('[data-workshop-hand="raised"]')).toBeVisible();
  await expect.poll(async () => (await ana.grid()).seats[0]?.hand).toBe('raised');
  expect(await hub.database.db.selectFrom('calls').select(['id']).execute()).toHaveLength(1);
});
