/**
 * A kiosk the hub does not admit says so at once (issue 13): with a wrong device token from the
 * start, or a token revoked while a senior is at the screen, the kiosk gives way to a screen for
 * staff ("Este quiosco no está autorizado: avise al personal"), in the session's language, with
 * where the senior can ask in person; it is not the "no connection" message.
 */
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { axeViolations } from './support/accessibility.js';
import { fitProblems, reveal } from './support/fit-scan.js';
import { kioskWords } from './support/kiosk-locale.js';
import { kioskUrl, supportedScreens } from './support/kiosk-screens.js';
import { readTestAudio } from './support/speech-audio.js';
import { recordSpeech } from './support/speech-log.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

const screenshots = 'docs/screenshots';
const es = kioskWords('es');
const ar = kioskWords('ar');
/** The demo site's "where to ask in person", as staff wrote it. */
const demoPlace = 'Pregunte en el mostrador de información de la planta baja.';
/** A token the hub never gave out, of the right form. */
const wrongToken = 'w'.repeat(43);

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}/${name}.png` });
}

async function staffToken(hubUrl: string): Promise<string> {
  const response = await fetch(hubUrl + apiRoutes.staffLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
  });
  return ((await response.json()) as { token: string }).token;
}

test.describe('a kiosk the hub does not admit', () => {
  test('with a wrong token it says so at once, on every screen, with no way to start a session', async ({ page }) => {
    const refused = page.waitForResponse((response) => response.url().endsWith(apiRoutes.kioskMe.path) && response.status() === 401);
    await page.goto(`/kiosk/#token=${wrongToken}`);
    await refused;
    // At once: with no tap at all, as the hub's refusal of the kiosk's first request comes in
    // (expect's own 5 s bound), long before a senior could reach the catalogue.
    await expect(page.getByRole('heading', { name: es('unauthorised.heading') })).toBeVisible();
    await expect(page.getByText(es('unauthorised.seniorLead'))).toBeVisible();
    // A kiosk that was never admitted here knows no site: it sends the senior to the staff.
    await expect(page.getByText(es('unauthorised.placeUnknown'))).toBeVisible();
    await expect(page.getByText(es('unauthorised.forStaff'))).toBeVisible();
    // Not the outage message, and nothing a senior could start.
    await expect(page.getByText(es('app.hubDown'))).toHaveCount(0);
    await expect(page.getByRole('button')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'kiosk-unauthorised');
    for (const screen of supportedScreens) {
      await page.setViewportSize(screen);
      expect(await fitProblems(page), `${screen.width}×${screen.height}`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), `no scrolling at ${screen.width}×${screen.height}`).toBe(
        true,
      );
    }

    // Without any token (an empty configuration), the same.
    await page.goto('about:blank');
    await page.goto('/kiosk/');
    await expect(page.getByRole('heading', { name: es('unauthorised.heading') })).toBeVisible();
  });

  test('the screen is said for the senior in front of it: its sentence and where to ask', async ({ page }) => {
    const manifest = await readTestAudio();
    const fileOf = (id: string): string => {
      const audio = manifest.prompts[id]?.['es'];
      if (!audio) throw new Error(`the test audio has no ${id}`);
      return `/audio/${audio.speeds.slow.ogg}`;
    };
    // The page's test-only log of what the real player played (support/speech-log.ts).
    await recordSpeech(page);
    await page.goto(`/kiosk/#token=${wrongToken}`);
    await expect(page.getByRole('heading', { name: es('unauthorised.heading') })).toBeVisible();
    const played = async (): Promise<string[]> =>
      page.evaluate(() =>
        ((window as unknown as { __pasoSpeech?: { events: { type: string; url: string }[] } }).__pasoSpeech?.events ?? [])
          .filter((event) => event.type === 'play')
          .map((event) => event.url),
      );
    const expected = ['ui/unauthorised.heading', 'ui/unauthorised.seniorLead', 'ui/unauthorised.placeUnknown'].map(fileOf);
    await expect.poll(async () => (await played()).filter((url) => expected.includes(url)), { timeout: 30_000 }).toEqual(expected);
  });

  test('after a reload with a token that no longer works, it shows where to ask in person, as the hub last said; a hub that is away is still "no connection"', async ({
    page,
  }) => {
    // A kiosk that worked: the hub told it its site's place.
    const me = page.waitForResponse((response) => response.url().endsWith(apiRoutes.kioskMe.path) && response.status() === 200);
    await page.goto(kioskUrl);
    await me;
    await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();

    // A reload (not a change of the fragment alone, which the page reads only as it loads).
    await page.goto('about:blank');
    await page.goto(`/kiosk/#token=${wrongToken}`);
    await expect(page.getByRole('heading', { name: es('unauthorised.heading') })).toBeVisible();
    await expect(page.getByText(demoPlace)).toBeVisible();
    await expect(page.getByText(es('unauthorised.placeUnknown'))).toHaveCount(0);
    await shoot(page, 'kiosk-unauthorised-place');

    // The same kiosk with its right token while the hub cannot be reached: the outage message, not this screen.
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto('about:blank');
    await page.goto(kioskUrl);
    await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: 'Seguir', exact: true }).click();
    await expect(page.getByText(es('app.hubDown'))).toBeVisible();
    await expect(page.getByRole('heading', { name: es('unauthorised.heading') })).toHaveCount(0);
  });

  test("a token revoked mid-session takes the kiosk to the screen at once, in the session's language, and the senior's answers go", async ({ page, hub }) => {
    const staff = await staffToken(hub.url);
    const created = await fetch(hub.url + apiRoutes.staffKiosks.path, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({ siteId: demoAccounts.site.id, name: 'Kiosco a revocar' }),
    });
    expect(created.status).toBe(201);
    const kiosk = (await created.json()) as { kiosk: { id: string }; deviceToken: string };
    const me = page.waitForResponse((response) => response.url().endsWith(apiRoutes.kioskMe.path) && response.status() === 200);
    await page.goto(`/kiosk/#token=${kiosk.deviceToken}&settle=0&at=certificado-empadronamiento/escribir-dni&lang=ar`);
    await me;
    await expect(page.locator('main[data-step-id="escribir-dni"][data-packed]')).toBeVisible();
    const field = page.locator('#step-input');
    await reveal(page, field, ar('fit.nextPart'));
    await field.fill('12345678Z');

    expect(
      (await fetch(hub.url + fillPath('staffRevokeKiosk', { id: kiosk.kiosk.id }), { method: 'POST', headers: { authorization: `Bearer ${staff}` } })).status,
    ).toBe(204);
    // The hub closes the kiosk's socket: no request of the senior's is needed to find out.
    // Within expect's 5 s, with nothing touched.
    await expect(page.getByRole('heading', { name: ar('unauthorised.heading') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByText(ar('unauthorised.seniorLead'))).toBeVisible();
    // The site's own sentence, as the hub gave it in this session.
    await expect(page.getByText(demoPlace)).toBeVisible();
    await expect(page.getByText(ar('app.hubDown'))).toHaveCount(0);
    expect(await page.content()).not.toContain('12345678Z');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fitProblems(page)).toEqual([]);
    await shoot(page, 'kiosk-unauthorised-ar');
  });
});
