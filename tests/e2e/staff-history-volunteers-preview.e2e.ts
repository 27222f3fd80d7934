/**
 * Three things a clerk does in the staff console, in Chromium against a real hub: page through a
 * long history twenty versions at a time by keyboard; add a volunteer who helps at two centres
 * (ticked like an existing volunteer's, at least one required); and see the kiosk screen at its
 * real size, 1:1, closing it with Escape.
 */
import type { Page } from '@playwright/test';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { rollbackChangelog } from '../../core/protocol/machine-changelogs.js';
import { versionsQuerySchema } from '../../core/protocol/staff-console.js';
import { staffVolunteersResponseSchema } from '../../core/protocol/staff-people.js';
import type { RunningHub } from '../../hub/server.js';
import { expect, test } from './fixtures/hub.js';
import { axeAA, signIn, staffApiAs } from './support/staff-console.js';

test.use({ viewport: { width: 1600, height: 1000 } });
// One test, one hub, one sign-in and one editor for the three (each took seconds on a shared two-core
// machine); each step keeps a time of its own, as the three tests had.
const stepTimeout = 60_000;
test.describe.configure({ timeout: 3 * stepTimeout });
// A missing control fails in seconds, not at the test's timeout.
test.use({ actionTimeout: 10_000 });

const procedureId = 'certificado-empadronamiento';

/** From the list, signed in: the census certificate's editor. */
async function openEditor(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Editar Certificado de empadronamiento' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Editando: Certificado de empadronamiento' })).toBeVisible({ timeout: 15_000 });
}

/**
 * Versions 3 to `last` of the census certificate, each bringing back the one before the last, as
 * rollbacks do. Version 3 goes through the hub's API like any rollback; the others are written
 * in one transaction to the hub's own store, copies of what the API wrote for version 3 (about
 * 0.4 s a rollback through the API: 17 s for the 43 the history needs).
 */
async function seedRollbacks(hub: RunningHub, api: Awaited<ReturnType<typeof staffApiAs>>, last: number): Promise<void> {
  const detail = await api.detail(procedureId);
  const third = await api.send('POST', fillPath('staffRollback', { id: procedureId }), { baseRevision: detail.revision, toVersion: 1 });
  expect(third.status, JSON.stringify(third.body)).toBe(200);
  expect((third.body as { version: number }).version).toBe(3);
  const { db } = hub.database;
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('procedure_versions').selectAll().where('procedure_id', '=', procedureId).orderBy('version').execute();
    const stored = rows.find((row) => row.version === 3);
    if (!stored) throw new Error('version 3 was not stored');
    for (let version = 4; version <= last; version += 1) {
      const from = rows[version - 3];
      if (!from) throw new Error(`no version ${version - 2} to bring back`);
      rows.push({
        ...stored,
        version,
        source: from.source,
        procedure_json: JSON.stringify({ ...(JSON.parse(from.procedure_json) as object), version }),
        changelog: rollbackChangelog(from.version),
        rolled_back_from: from.version,
      });
    }
    await trx.insertInto('procedure_versions').values(rows.slice(3)).execute();
    const updated = await trx
      .updateTable('procedures')
      .set((eb) => ({ published_version: last, revision: eb('revision', '+', 1) }))
      .where('id', '=', procedureId)
      .where('published_version', '=', 3)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
  });
}

test('a clerk pages through 45 versions, sees the kiosk screen at its real size, and adds a volunteer who helps at two centres', async ({ page, hub }) => {
  // The set-up of all three goes through the hub first; then the clerk signs in once.
  // The console asks for the hub's default page: the 45 versions below make three such pages.
  expect(versionsQuerySchema.parse({}).limit).toBe(20);
  const api = await staffApiAs(hub.url);
  const start = await api.detail(procedureId);
  // Version 2 adds a comment; versions 3 to 45 bring back the one before the last, in turn.
  const saved = await api.send('PUT', fillPath('staffDraft', { id: procedureId }), {
    source: `${start.published?.source ?? ''}\n# cambio\n`,
    baseRevision: start.revision,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const done = await api.send('POST', fillPath('staffPublish', { id: procedureId }), {
    baseRevision: (saved.body as { revision: number }).revision,
    changelog: 'Un comentario',
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  await seedRollbacks(hub, api, 45);
  expect((await api.detail(procedureId)).published?.version).toBe(45);

  const site = await api.send('POST', apiRoutes.staffSites.path, {
    name: 'Centro de mayores Norte',
    location: 'Calle Norte 2',
    inPersonHelp: 'En la recepción.',
  });
  expect(site.status).toBe(201);
  await signIn(page);
  await openEditor(page);

  await test.step(
    'history: 45 versions come twenty at a time, older and newer by keyboard, the focus on the page shown',
    async () => {
      const history = page.getByRole('region', { name: 'Historial' });
      const entries = history.locator('.version-list > li');
      await expect(entries).toHaveCount(20);
      await expect(entries.first()).toContainText('Versión 45');
      await expect(entries.first()).toContainText('publicada ahora');
      await expect(entries.last()).toContainText('Versión 26');
      await expect(history.getByText('Versiones 45 a 26 de 45')).toBeVisible();
      await expect(history.getByRole('button', { name: 'Versiones más recientes' })).toHaveCount(0);

      await history.getByRole('button', { name: 'Versiones más antiguas' }).focus();
      await page.keyboard.press('Enter');
      const range = history.getByText('Versiones 25 a 6 de 45');
      await expect(range).toBeFocused();
      await expect(entries).toHaveCount(20);
      await expect(entries.first()).toContainText('Versión 25');
      await expect(entries.last()).toContainText('Versión 6');
      await expect(entries.first()).not.toContainText('publicada ahora');
      // An older version can be brought back from any page.
      await expect(history.getByRole('button', { name: 'Volver a la versión 25' })).toBeVisible();
      expect(await axeAA(page)).toEqual([]);

      await page.keyboard.press('Tab');
      await expect(history.getByRole('button', { name: 'Versiones más recientes' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(history.getByRole('button', { name: 'Versiones más antiguas' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(history.getByText('Versiones 5 a 1 de 45')).toBeFocused();
      await expect(entries).toHaveCount(5);
      await expect(history.getByRole('button', { name: 'Versiones más antiguas' })).toHaveCount(0);

      await history.getByRole('button', { name: 'Versiones más recientes' }).click();
      await expect(history.getByText('Versiones 25 a 6 de 45')).toBeFocused();
      await history.getByRole('button', { name: 'Versiones más recientes' }).click();
      await expect(history.getByText('Versiones 45 a 26 de 45')).toBeFocused();
      await expect(entries.first()).toContainText('publicada ahora');

      // The hub checks the page it is asked for.
      expect((await api.send('GET', `${fillPath('staffVersions', { id: procedureId })}?limit=0`)).status).toBe(400);
      expect((await api.send('GET', `${fillPath('staffVersions', { id: procedureId })}?before=abc`)).status).toBe(400);
      const page2 = (await api.send('GET', `${fillPath('staffVersions', { id: procedureId })}?before=26&limit=3`)).body as { versions: { version: number }[] };
      expect(page2.versions.map((entry) => entry.version)).toEqual([25, 24, 23]);
    },
    { timeout: stepTimeout },
  );

  await test.step(
    'the preview shows the kiosk screen at its real size, 1:1, and Escape closes it with the focus back',
    async () => {
      const open = page.getByRole('button', { name: 'Ver a tamaño real' });
      await open.click();
      const dialog = page.getByRole('dialog', { name: /tamaño real/ });
      await expect(dialog).toBeVisible();
      const frame = dialog.locator('iframe');
      const frameBox = await frame.boundingBox();
      expect(frameBox?.width).toBe(1920);
      expect(frameBox?.height).toBe(1080);
      // An element of the kiosk measures on the console's page what it measures on a kiosk.
      const help = page.frameLocator('dialog iframe').getByRole('button', { name: 'Llamar a un voluntario' });
      await expect(help).toBeVisible();
      const shown = await help.boundingBox();
      const own = await help.evaluate((element) => ({ width: (element as HTMLElement).offsetWidth, height: (element as HTMLElement).offsetHeight }));
      expect(shown?.width).toBeCloseTo(own.width, 0);
      expect(shown?.height).toBeCloseTo(own.height, 0);

      // For the docs: the census certificate's first step as a senior sees it.
      await page.screenshot({ path: 'docs/screenshots/staff-preview-real-size.png' });

      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(open).toBeFocused();
    },
    { timeout: stepTimeout },
  );

  await test.step(
    'a new volunteer helps at two centres, ticked like an existing volunteer’s; none ticked is explained',
    async () => {
      await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Personas' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Personas' })).toBeVisible();

      const form = page.getByRole('form', { name: 'Añadir un voluntario' });
      const centres = form.getByRole('group', { name: 'Centros' });
      await form.getByLabel('Nombre del voluntario nuevo').fill('Rosa');
      await form.getByLabel('PIN (de 4 a 8 cifras)').fill('4826');
      // The first centre comes ticked, as the single choice used to; untick it to see the refusal.
      await expect(centres.getByRole('checkbox', { name: 'Biblioteca Eugenio Trías (demo)' })).toBeChecked();
      await centres.getByRole('checkbox', { name: 'Biblioteca Eugenio Trías (demo)' }).uncheck();
      await form.getByRole('button', { name: 'Añadir un voluntario' }).click();
      await expect(centres).toHaveAccessibleDescription(/Elija al menos un centro/);
      await expect(centres.getByRole('checkbox', { name: 'Biblioteca Eugenio Trías (demo)' })).toBeFocused();

      await centres.getByRole('checkbox', { name: 'Biblioteca Eugenio Trías (demo)' }).check();
      await centres.getByRole('checkbox', { name: 'Centro de mayores Norte' }).check();
      await form.getByRole('button', { name: 'Añadir un voluntario' }).click();
      const rosa = page.getByRole('listitem', { name: 'Rosa' });
      await expect(rosa).toBeVisible();
      await expect(rosa.getByRole('checkbox', { name: 'Biblioteca Eugenio Trías (demo)' })).toBeChecked();
      await expect(rosa.getByRole('checkbox', { name: 'Centro de mayores Norte' })).toBeChecked();
      const { volunteers } = staffVolunteersResponseSchema.parse((await api.send('GET', apiRoutes.staffVolunteers.path)).body);
      const created = volunteers.find((volunteer) => volunteer.name === 'Rosa');
      expect(created?.siteIds.length).toBe(2);
    },
    { timeout: stepTimeout },
  );
});
