/**
 * The privacy search after a session or a workshop ends: where in the kiosk page any of the
 * senior's words still stand. Looked in: the page's HTML, localStorage and sessionStorage (keys
 * and values) and readable cookies; and the kiosk keeps no IndexedDB database at all, so any one
 * counts. Callers also check the context's cookies (HTTP-only ones are not readable here).
 */
import type { Page } from '@playwright/test';

/** Each place that still holds one of `needles`, as "DOM: …", "localStorage: …", …; empty when none. */
export function placesHolding(page: Page, needles: readonly string[]): Promise<string[]> {
  return page.evaluate(async (words) => {
    const places: string[] = [];
    const html = document.documentElement.outerHTML;
    for (const word of words) if (html.includes(word)) places.push(`DOM: ${word}`);
    for (const [name, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i) ?? '';
        const entry = `${key}=${storage.getItem(key) ?? ''}`;
        for (const word of words) if (entry.includes(word)) places.push(`${name}: ${word}`);
      }
    }
    for (const word of words) if (document.cookie.includes(word)) places.push(`cookies: ${word}`);
    const databases = await indexedDB.databases();
    if (databases.length > 0) places.push(`indexedDB: ${databases.map((db) => db.name).join(', ')}`);
    return places;
  }, needles);
}
