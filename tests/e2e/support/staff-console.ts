/** What the staff console's browser tests share: signing in as the demo staff account, axe at AA, and the hub's API as that account. */
import { expect, type Page } from '@playwright/test';
import { apiRoutes, fillPath } from '../../../core/protocol/api-routes.js';
import { procedureDetailResponseSchema, type ProcedureDetailResponse } from '../../../core/protocol/staff-console.js';
import { demoAccounts } from '../../../hub/demo/seed.js';
import { axeRun } from './accessibility.js';

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules: the staff console is a desktop tool held to AA. */
export async function axeAA(page: Page): Promise<string[]> {
  await skipHiddenFrames(page);
  return axeRun(page, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
}

/**
 * axe never tests a frame hidden from screen readers (axe-core's Context leaves it out), and the
 * editor's fit survey draws the kiosk in a few dozen aria-hidden frames: axeRun would put all of
 * axe into each one (about half a second a frame on a loaded two-core machine) for nothing. Such
 * a frame gets a stand-in that axeRun takes for axe already there and that axe itself never calls.
 */
async function skipHiddenFrames(page: Page): Promise<void> {
  await Promise.all(
    page.frames().map(async (frame) => {
      // The page's own frame has no element, and a frame may go away meanwhile: neither is skipped.
      const owner = await frame.frameElement().catch(() => null);
      if (!owner || !(await owner.evaluate((element) => (element as Element).closest('[aria-hidden="true"]') !== null).catch(() => false))) return;
      await frame
        .evaluate(() => {
          const scope = window as { axe?: unknown };
          scope.axe ??= {};
        })
        .catch(() => undefined);
    }),
  );
}

/** Signs the demo staff account in through the console's own form and waits for the procedures list. */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/staff/');
  await page.getByLabel('Correo electrónico').fill(demoAccounts.staff.email);
  await page.getByLabel('Contraseña').fill(demoAccounts.staff.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trámites' })).toBeVisible();
}

/** The hub's HTTP API as the demo staff account, for changes made "by someone else" or in bulk. */
export async function staffApiAs(hubUrl: string) {
  const login = await fetch(hubUrl + apiRoutes.staffLogin.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const send = async (method: string, route: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(hubUrl + route, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  const detail = async (id: string): Promise<ProcedureDetailResponse> =>
    procedureDetailResponseSchema.parse((await send('GET', fillPath('staffProcedure', { id }))).body);
  return { send, detail };
}
