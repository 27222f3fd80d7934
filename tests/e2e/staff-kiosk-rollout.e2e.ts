/**
 * What staff see of a publication reaching the kiosks, in Chromium against a real hub with real
 * kiosk pages (issue 16): Enter in the changelog publishes; the publish panel says what really
 * happens and counts, live, the connected kiosks that hold the new version; the fleet page is
 * pushed live, shows a closed kiosk offline within 30 s without a reload, and says in words which
 * version each kiosk holds and which app it runs.
 */
import type { Browser, Page } from '@playwright/test';
import WebSocket from 'ws';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { fleetResponseSchema, kioskTokenResponseSchema } from '../../core/protocol/staff-console.js';
import { websocketPath } from '../../core/protocol/ws.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { expect, test } from './fixtures/hub.js';
import { signIn, staffApiAs } from './support/staff-console.js';
import { startSimulatedKiosk } from '../support/simulated-kiosk.js';

/** Opens a kiosk page with `token` in a context of its own (a kiosk wipes its storage) and waits for its catalogue. */
async function openKiosk(browser: Browser, hubUrl: string, token: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: hubUrl });
  const page = await context.newPage();
  await page.goto(`/kiosk/#token=${token}&settle=0`);
  await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
  return page;
}

/** A kiosk that stays on an old catalogue: it says hello with `version` and never downloads. */
function staleKiosk(hubUrl: string, token: string, version: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(hubUrl.replace(/^http/, 'ws') + websocketPath);
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'hello', token, proceduresVersion: version }));
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

/** Creates a kiosk at the demo site; its device token. */
async function newKioskToken(api: Awaited<ReturnType<typeof staffApiAs>>, name: string): Promise<string> {
  const created = await api.send('POST', apiRoutes.createKiosk.path, { siteId: demoAccounts.site.id, name, location: 'Sala de lectura' });
  expect(created.status).toBe(201);
  return kioskTokenResponseSchema.parse(created.body).deviceToken;
}

/** Saves a draft of `id` with a changed first-step text, as someone else did; the published version. */
async function saveDraft(api: Awaited<ReturnType<typeof staffApiAs>>, id: string, from: string, to: string): Promise<number> {
  const detail = await api.detail(id);
  const source = (detail.published?.source ?? '').replace(from, to);
  expect(source).toContain(to);
  expect((await api.send('PUT', fillPath('staffDraft', { id }), { source, baseRevision: detail.revision })).status).toBe(200);
  return detail.published?.version ?? 0;
}

test('Enter in the changelog publishes, and the panel counts live the connected kiosks that hold the new version', async ({ page, browser, hub }) => {
  test.setTimeout(90_000);
  const api = await staffApiAs(hub.url);
  const stale = await newKioskToken(api, 'Kiosco sin descargas');
  const catalogue = (await (await fetch(hub.url + apiRoutes.procedures.path, { headers: { authorization: `Bearer ${stale}` } })).json()) as { version: number };
  const staleSocket = await staleKiosk(hub.url, stale, catalogue.version);
  const published = await saveDraft(api, 'cita-previa', 'es: Cita previa con Línea Madrid', 'es: Cita previa en Línea Madrid');
  // A real kiosk page (a few seconds to load) while the clerk signs in.
  const [kiosk] = await Promise.all([openKiosk(browser, hub.url, demoAccounts.kioskToken), signIn(page)]);
  await page.goto('/staff/#/procedures/cita-previa');
  const panel = page.getByRole('region', { name: 'Publicar' });
  // Before: both kiosks hold the published version (the second one says so in its hello).
  await expect(panel.getByRole('status')).toHaveText(`Versión ${published} recibida por 2 de 2 kioscos conectados.`, { timeout: 15_000 });
  await expect(panel).toContainText('Quien esté a mitad del trámite sigue con el texto anterior hasta terminarlo.');

  const changelog = panel.getByLabel('Qué ha cambiado (una línea, obligatorio)');
  await changelog.fill('Título más claro');
  await changelog.press('Enter');
  const next = published + 1;
  const notice = page.getByRole('status').filter({ hasText: `La versión ${next} está publicada.` });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).not.toContainText('ya la muestran');
  await expect(notice).toContainText('en unos segundos');
  // The kiosk page downloads the new version once its speech is rendered, and confirms it: the
  // count follows without a reload; the other kiosk, which never downloads, is counted as
  // connected, not as having it.
  const publishedAt = Date.now();
  await expect(panel.getByRole('status')).toHaveText(`Versión ${next} recibida por 1 de 2 kioscos conectados.`, { timeout: 45_000 });
  console.info(`the kiosk page confirmed version ${next} ${Date.now() - publishedAt} ms after the publish notice`);

  staleSocket.close();
  await kiosk.context().close();
});

test('the fleet page is live: versions and app in words, a closed kiosk offline within 30 s without a reload', async ({ page, browser, hub }) => {
  test.setTimeout(90_000);
  const api = await staffApiAs(hub.url);
  const stale = await newKioskToken(api, 'Kiosco sin descargas');
  await signIn(page);
  await page.goto('/staff/#/fleet');
  await expect(page.getByRole('heading', { level: 1, name: 'Kioscos' })).toBeVisible();
  // Marks this very document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  const demo = row(demoAccounts.kiosk.name);
  await expect(demo).toContainText('Sin conexión');

  // A kiosk page opens: the row changes by itself.
  const kiosk = await openKiosk(browser, hub.url, demoAccounts.kioskToken);
  await expect(demo).toContainText('Conectado', { timeout: 10_000 });
  await expect(demo).toContainText('Navegador (sin instalar)');
  await expect(demo).toContainText('Al día');
  await expect(demo).not.toContainText('browser');

  // A kiosk left on an older catalogue says, in words, which procedure it holds an older version of.
  const catalogue = (await (await fetch(hub.url + apiRoutes.procedures.path, { headers: { authorization: `Bearer ${stale}` } })).json()) as { version: number };
  const staleSocket = await staleKiosk(hub.url, stale, catalogue.version);
  const published = await saveDraft(api, 'cita-previa', 'es: Cita previa con Línea Madrid', 'es: Cita previa en Línea Madrid');
  expect(
    (await api.send('POST', fillPath('staffPublish', { id: 'cita-previa' }), { baseRevision: (await api.detail('cita-previa')).revision, changelog: 'Título' }))
      .status,
  ).toBe(200);
  await expect(row('Kiosco sin descargas')).toContainText(`Versión anterior de Cita previa en Línea Madrid (v${published}; la actual es v${published + 1})`, {
    timeout: 15_000,
  });
  await expect(demo).toContainText('Al día', { timeout: 45_000 });

  // The kiosk page closes: offline within 30 s, on the same document.
  const closedAt = Date.now();
  await kiosk.context().close();
  await expect(demo).toContainText('Sin conexión', { timeout: 30_000 });
  console.info(`a closed kiosk page showed "Sin conexión" ${Date.now() - closedAt} ms after it closed`);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  staleSocket.close();
});

test('quick publications one after another: two kiosk pages and four kiosks without a screen all confirm the last one', async ({ browser, hub }) => {
  test.setTimeout(90_000);
  const api = await staffApiAs(hub.url);
  const tokens = [await newKioskToken(api, 'Kiosco de la entrada')];
  for (let index = 1; index <= 4; index += 1) tokens.push(await newKioskToken(api, `Kiosco sin pantalla ${index}`));
  const [second, ...screenless] = tokens;
  const pages = await Promise.all([openKiosk(browser, hub.url, demoAccounts.kioskToken), openKiosk(browser, hub.url, second ?? '')]);
  const simulated = screenless.map((token) => startSimulatedKiosk(hub.url, token));

  // Twenty publications of comment lines, back to back: nothing to render, so each is announced
  // at once, while the kiosks are still downloading the one before.
  for (let round = 1; round <= 20; round += 1) {
    const detail = await api.detail('teleasistencia');
    const source = `${detail.draft?.source ?? detail.published?.source ?? ''}# ronda ${round}\n`;
    expect((await api.send('PUT', fillPath('staffDraft', { id: 'teleasistencia' }), { source, baseRevision: detail.revision })).status).toBe(200);
    expect(
      (await api.send('POST', fillPath('staffPublish', { id: 'teleasistencia' }), { baseRevision: detail.revision + 1, changelog: `Ronda ${round}` })).status,
    ).toBe(200);
  }
  const publishedAt = Date.now();
  const fleet = async () => fleetResponseSchema.parse((await api.send('GET', apiRoutes.staffFleet.path)).body);
  const last = (await fleet()).catalogVersion;
  await expect.poll(async () => (await fleet()).kiosks.filter((kiosk) => kiosk.online && kiosk.proceduresVersion === last).length, { timeout: 30_000 }).toBe(6);
  console.info(`6 kiosks (2 pages) confirmed the 20th quick publication ${Date.now() - publishedAt} ms after it`);
  for (const kiosk of simulated) kiosk.stop();
  for (const page of pages) await page.context().close();
});
