/** What the staff console's browser tests share: signing in as the demo staff account and axe at AA. */
import { expect, type Page } from '@playwright/test';
import { demoAccounts } from '../../../hub/demo/seed.js';
import { axeRun } from './accessibility.js';

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules: the staff console is a desktop tool held to AA. */
export function axeAA(page: Page): Promise<string[]> {
  return axeRun(page, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
}

/** Signs the demo staff account in through the console's own form and waits for the procedures list. */
export async function signIn(page: Page): Promise<void> {
  await page.goto('/staff/');
  await page.getByLabel('Correo electrónico').fill(demoAccounts.staff.email);
  await page.getByLabel('Contraseña').fill(demoAccounts.staff.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trámites' })).toBeVisible();
}
