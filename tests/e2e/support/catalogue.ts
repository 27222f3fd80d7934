/**
 * Picking a procedure in the kiosk's catalogue as a senior does: the catalogue shows as many
 * tiles as the screen holds whole, so a procedure may be a page or more on ("Ver más trámites").
 */
import { expect, type Page } from '@playwright/test';

/** How a generated practice twin's title begins (core/procedure/practice-twin.ts), in es, en and ar. */
const twinTitleStart = /Practicar: |Practise: |تدريب: /;

/**
 * The catalogue's tile for a procedure, by (part of) its title. A practice twin's title holds its
 * source's ("Practicar: Certificado de empadronamiento"), so its tile is left out unless the title
 * asked for is a twin's. Only the tile's title is looked at: the practice badge of any practice
 * tile says "تدريب: لا يُرسل شيء" in Arabic, which begins like an Arabic twin's title.
 */
const tileOf = (page: Page, title: string | RegExp) => {
  const tiles = page.locator('.catalogue-tile').filter({ hasText: title });
  if (twinTitleStart.test(typeof title === 'string' ? title : title.source)) return tiles;
  return tiles.filter({ hasNot: page.locator('.catalogue-tile-title', { hasText: twinTitleStart }) });
};

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
