/**
 * Picking a procedure in the kiosk's catalogue as a senior does: the catalogue shows as many
 * tiles as the screen holds whole, so a procedure may be a page or more on ("Ver más trámites").
 */
import { expect, type Page } from '@playwright/test';

/** The catalogue's tile for a procedure, by (part of) its title. */
const tileOf = (page: Page, title: string | RegExp) => page.locator('.catalogue-tile').filter({ hasText: title });

/**
 * Pages on through the catalogue until the procedure's tile is on screen (at most 10 pages) and
 * taps it. `more` is the forward button's label in the kiosk's language.
 */
export async function openTile(page: Page, title: string | RegExp, more = 'Ver más trámites'): Promise<void> {
  const tile = tileOf(page, title);
  // The catalogue on screen and packed: some tile is showing.
  await expect(page.locator('.catalogue-tile:visible').first()).toBeVisible();
  for (let pages = 0; pages < 10 && !(await tile.isVisible()); pages += 1) {
    const forward = page.getByRole('button', { name: more, exact: true });
    if (!(await forward.isVisible())) break;
    await forward.click();
  }
  await tile.click();
}
