/**
 * A running kiosk receives a new publication without a restart, in Chromium against a real hub:
 * on the catalogue the new title shows within seconds; a senior inside a procedure keeps the
 * version they started, and the next session gets the new one.
 */
import type { Page } from '@playwright/test';
import { procedureDetailResponseSchema } from '../../core/protocol/staff-console.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0';
const id = 'certificado-empadronamiento';

/** Signs the demo staff in, edits the certificate's YAML with `edit` and publishes it. */
async function publish(hubUrl: string, edit: (source: string) => string, changelog: string): Promise<void> {
  const post = (path: string, method: string, body: unknown, token?: string) =>
    fetch(hubUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = (await (await post(apiRoutes.staffLogin.path, 'POST', { email: demoAccounts.staff.email, password: demoAccounts.staff.password })).json()) as {
    token: string;
  };
  const detail = procedureDetailResponseSchema.parse(
    await (await fetch(hubUrl + fillPath('staffProcedure', { id: id }), { headers: { authorization: `Bearer ${login.token}` } })).json(),
  );
  const source = edit(detail.published?.source ?? '');
  expect((await post(fillPath('staffDraft', { id: id }), 'PUT', { source, baseRevision: detail.revision }, login.token)).status).toBe(200);
  expect((await post(fillPath('staffPublish', { id: id }), 'POST', { baseRevision: detail.revision + 1, changelog }, login.token)).status).toBe(200);
}

/** Attract → Español → comfort: a new session on the catalogue. */
async function startSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
}

test('a publication reaches the running kiosk, but never under a senior inside a procedure', async ({ page, hub }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(kioskUrl);
  await startSession(page);
  await expect(page.getByRole('button', { name: /^Certificado de empadronamiento/ })).toBeVisible();
  // The catalogue version the kiosk reports holding at first (one publication per imported script).
  const reportedVersion = async () =>
    (await hub.database.db.selectFrom('kiosks').select('procedures_version').where('id', '=', 'demo-kiosk-1').executeTakeFirst())?.procedures_version;
  await expect.poll(reportedVersion).toBeGreaterThan(0);
  const firstVersion = Number(await reportedVersion());

  // On the catalogue: the new title appears without reloading, within the minute (the
  // hub first renders the new title's audio, a few seconds on a busy machine).
  await publish(
    hub.url,
    (source) => source.replace('title:\n  es: Certificado de empadronamiento\n', 'title:\n  es: Certificado de padrón\n'),
    'Título más corto',
  );
  await expect(page.getByRole('button', { name: /^Certificado de padrón/ })).toBeVisible({ timeout: 60_000 });

  // Inside the procedure: the first step's new text does not replace what the senior reads.
  await page.getByRole('button', { name: /^Certificado de padrón/ }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await expect(page.getByText('Paso 1 de')).toBeVisible();
  const oldText = 'Vamos a pedir su certificado de empadronamiento.';
  await expect(page.getByText(oldText)).toBeVisible();
  // The kiosk downloads the new set when the hub tells it (after rendering the new text's audio).
  const downloaded = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/procedures' && response.ok(), { timeout: 60_000 });
  await publish(hub.url, (source) => source.replace(oldText, 'Vamos a pedir su certificado (texto nuevo).'), 'Texto nuevo del primer paso');
  await downloaded;
  await expect(page.getByText(oldText)).toBeVisible();

  // The next session gets the new version.
  await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
  await startSession(page);
  await page.getByRole('button', { name: /^Certificado de padrón/ }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  await expect(page.getByText('Vamos a pedir su certificado (texto nuevo).')).toBeVisible();

  // The fleet page's facts: the kiosk reported the catalogue it runs.
  await expect.poll(reportedVersion).toBe(firstVersion + 2);
  expect(errors).toEqual([]);
});

test('a kiosk that cannot download the new set keeps the one it has', async ({ page, hub }) => {
  // The same budget as the test above: the hub renders the new title's audio before it tells the
  // kiosks, which took over 25 s in CI while another worker's browser held both cores.
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(kioskUrl);
  await startSession(page);
  await expect(page.getByRole('button', { name: /^Certificado de empadronamiento/ })).toBeVisible();
  // The hub is reachable for the socket but the download fails (a proxy, a full disk…).
  let refused = 0;
  await page.route('**/api/procedures', async (route) => {
    refused += 1;
    await route.fulfill({ status: 503, body: '{"error":"down"}', contentType: 'application/json' });
  });
  await publish(
    hub.url,
    (source) => source.replace('title:\n  es: Certificado de empadronamiento\n', 'title:\n  es: Certificado de padrón\n'),
    'Título más corto',
  );
  // The hub tells the kiosk once it has rendered the new title's audio: seconds on a busy machine.
  await expect.poll(() => refused, { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^Certificado de empadronamiento/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cita previa/ })).toBeVisible();
  expect(errors).toEqual([]);
});
