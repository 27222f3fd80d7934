/**
 * Writing procedures in the staff console, in Chromium against a real hub: start a new
 * procedure from the list (a badly written or taken id explained next to the field), throw a
 * draft away and get the published text back (and a discard refused in words when someone saved
 * in between), and the audit trail: every change in words in both languages, older pages, the
 * filter by kind of record, axe (WCAG 2 A/AA) and a screenshot.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { auditQuerySchema, auditResponseSchema } from '../../core/protocol/staff-console.js';
import type { RunningHub } from '../../hub/server.js';
import { expect, test } from './fixtures/hub.js';
import { axeAA, signIn, staffApiAs } from './support/staff-console.js';
import { openYaml, yamlText } from './support/yaml-editor.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

const procedureId = 'certificado-empadronamiento';
const firstStepText = 'Vamos a pedir su certificado de empadronamiento. Es gratis. Esto es un ejemplo para practicar.';
// More saves than the hub's default page of the audit trail.
const manySaves = auditQuerySchema.parse({}).limit + 5;

/**
 * `copies` more entries like the trail's one `action` entry, each a millisecond older than the
 * one before, written in one go to the hub's own store: one save through the API took about
 * 0.15 s (the checker reads each draft), and the trail's paging needs over a hundred.
 */
async function copyAuditEntry(hub: RunningHub, action: string, copies: number): Promise<void> {
  const { db } = hub.database;
  const [entry, ...others] = await db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
  expect(entry, `one "${action}" entry to copy`).toBeDefined();
  expect(others).toEqual([]);
  if (!entry) return;
  const rows = Array.from({ length: copies }, (_, index) => ({ ...entry, id: randomUUID(), at: entry.at - copies + index }));
  await db.insertInto('audit_log').values(rows).execute();
}

test.use({ viewport: { width: 1600, height: 1000 } });
// Each test signs in and changes procedures through a real hub on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

// One hub and one sign-in for two walks that touch different procedures (each cost seconds).
test('a new procedure from the list, and a draft thrown away', async ({ page, hub }) => {
  test.setTimeout(2 * 120_000);
  const api = await staffApiAs(hub.url);
  await signIn(page);

  await test.step(
    'a new procedure starts from a draft without problems; a badly written or taken id is explained next to the field',
    async () => {
      await page.getByRole('button', { name: 'Nuevo trámite' }).click();
      const idField = page.getByLabel('Identificador del trámite');
      await expect(idField).toBeFocused();

      await idField.fill('Pedir Cita');
      await page.getByRole('button', { name: 'Crear el borrador' }).click();
      await expect(page.getByText('Escriba el identificador solo con letras minúsculas sin tildes, cifras y guiones')).toBeVisible();
      await expect(idField).toHaveAttribute('aria-invalid', 'true');

      // The hub's refusal: the id is already a procedure's.
      await idField.fill('cita-previa');
      await page.getByRole('button', { name: 'Crear el borrador' }).click();
      await expect(page.getByText('Ya hay un trámite con el identificador «cita-previa». Ábralo desde la lista o elija otro identificador.')).toBeVisible();
      await expect(idField).toHaveAccessibleDescription(/Ya hay un trámite con el identificador «cita-previa»/);

      await idField.fill('tramite-de-prueba');
      await page.getByRole('button', { name: 'Crear el borrador' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Editando: Nuevo trámite' })).toBeVisible();
      expect(new URL(page.url()).hash).toBe('#/procedures/tramite-de-prueba');
      await expect(page.getByText('Sin problemas.')).toBeVisible();
      // Never published: there is nothing to go back to, so no "discard".
      await expect(page.getByRole('button', { name: 'Descartar el borrador' })).toHaveCount(0);

      await page.getByRole('link', { name: /Volver a los trámites/ }).click();
      await expect(page.locator('tr[data-procedure="tramite-de-prueba"]')).toContainText('Borrador');
    },
    { timeout: 120_000 },
  );

  await test.step(
    'discarding a draft brings the published text back; a discard after someone else saved is refused in words',
    async () => {
      await page.getByRole('link', { name: 'Editar Certificado de empadronamiento' }).click();
      const spanishText = page.getByLabel('Texto en pantalla, Español');
      await expect(spanishText).toHaveValue(firstStepText);
      await expect(page.getByRole('button', { name: 'Descartar el borrador' })).toHaveCount(0);

      await spanishText.fill('Un texto provisional que no debe quedarse.');
      await page.getByRole('button', { name: 'Guardar borrador' }).click();
      await expect(page.getByText('Borrador guardado.')).toBeVisible();
      const prompts: string[] = [];
      page.once('dialog', (dialog) => {
        prompts.push(dialog.message());
        void dialog.accept();
      });
      await page.getByRole('button', { name: 'Descartar el borrador' }).click();
      // The outcome is shown where the person is: the focus moves to it from the button that went away.
      await expect(page.getByRole('status').filter({ hasText: 'Borrador descartado. El editor muestra otra vez la versión publicada 1.' })).toBeFocused();
      expect(prompts[0]).toContain('¿Descartar el borrador?');
      await expect(spanishText).toHaveValue(firstStepText);
      await openYaml(page);
      await expect.poll(() => yamlText(page)).not.toMatch(/texto provisional/);
      await expect(page.getByRole('button', { name: 'Descartar el borrador' })).toHaveCount(0);
      expect((await api.detail(procedureId)).draft).toBeNull();

      // A new draft, then someone saves another one before this editor discards.
      await spanishText.fill('Otro texto provisional.');
      await page.getByRole('button', { name: 'Guardar borrador' }).click();
      await expect(page.getByText('Borrador guardado.')).toBeVisible();
      const now = await api.detail(procedureId);
      expect(
        (
          await api.send('PUT', fillPath('staffDraft', { id: procedureId }), {
            source: `${now.draft?.source ?? ''}\n# otro cambio\n`,
            baseRevision: now.revision,
          })
        ).status,
      ).toBe(200);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Descartar el borrador' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Staff (demo) ha guardado este trámite el ' })).toBeFocused();
      // Nothing was thrown away: their draft is still there.
      expect((await api.detail(procedureId)).draft?.source).toContain('# otro cambio');
    },
    { timeout: 120_000 },
  );
});

test('the audit trail shows every change in words, newest first, pages through older ones, filters by kind and passes axe', async ({ page, hub }) => {
  const api = await staffApiAs(hub.url);
  const start = await api.detail('cita-previa');
  const published = start.published?.source ?? '';
  const saved = await api.send('PUT', fillPath('staffDraft', { id: 'cita-previa' }), { source: `${published}\n# cambio\n`, baseRevision: start.revision });
  expect(saved.status).toBe(200);
  await copyAuditEntry(hub, 'procedure.save-draft', manySaves - 1);
  expect(
    (
      await api.send('POST', apiRoutes.staffSites.path, {
        name: 'Centro de mayores de prueba',
        location: 'Calle Mayor 1',
        inPersonHelp: 'Pregunte en la recepción.',
      })
    ).status,
  ).toBe(201);
  expect((await api.send('POST', apiRoutes.staffProcedures.path, { id: 'tramite-auditado', source: 'id: tramite-auditado\n' })).status).toBe(201);
  const beforeDiscard = await api.detail('cita-previa');
  expect((await api.send('POST', fillPath('staffDiscardDraft', { id: 'cita-previa' }), { baseRevision: beforeDiscard.revision })).status).toBe(200);
  const everything = auditResponseSchema.parse((await api.send('GET', `${apiRoutes.staffAudit.path}?limit=500`)).body).entries;
  expect(everything.length).toBe(manySaves + 3);

  await signIn(page);
  await page.getByRole('navigation', { name: 'Secciones' }).getByRole('link', { name: 'Registro de cambios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro de cambios' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Registro de cambios' })).toHaveAttribute('aria-current', 'page');
  const rows = page.locator('.audit-table tbody tr');
  await expect(rows.first()).toContainText('Descartó un borrador');
  await expect(rows.first()).toContainText('Staff (demo)');
  // The record by its name and kind (issue 16); its id only in the cell's tooltip.
  await expect(rows.first()).toContainText('Cita previa con Línea Madrid');
  await expect(rows.first()).toContainText('Trámite');
  await expect(rows.first()).not.toContainText('(cita-previa)');
  await expect(rows.nth(1)).toContainText('Creó un trámite');
  await expect(rows.nth(2)).toContainText('Añadió un centro');
  await expect(rows.nth(3)).toContainText('Guardó un borrador');
  const firstPage = await rows.count();
  expect(firstPage).toBeGreaterThanOrEqual(100);
  expect(firstPage).toBeLessThan(everything.length);
  // The codes stay in the data, never in what staff read.
  await expect(page.locator('main')).not.toContainText('procedure.save-draft');

  expect(await axeAA(page)).toEqual([]);
  await mkdir('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/staff-audit.png' });

  await page.getByRole('button', { name: 'Ver más antiguos' }).click();
  await expect(page.getByText('No hay cambios más antiguos.')).toBeFocused();
  await expect(rows).toHaveCount(everything.length);
  await expect(page.getByText(`Se muestran ${everything.length} cambios.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ver más antiguos' })).toHaveCount(0);

  await page.getByLabel('Tipo de registro').selectOption({ label: 'Centro' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Añadió un centro');
  await page.getByLabel('Tipo de registro').selectOption({ label: 'Voluntario' });
  await expect(page.getByText('Todavía no hay cambios de este tipo.')).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Kind of record').selectOption({ label: 'Procedure' });
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(rows.first()).toContainText('Discarded a draft');
  await expect(rows.nth(1)).toContainText('Created a procedure');
  await expect(rows.nth(2)).toContainText('Saved a draft');
  await expect(page.getByRole('button', { name: 'Older entries' })).toBeVisible();
  expect(await axeAA(page)).toEqual([]);
});
