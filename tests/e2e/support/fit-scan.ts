/**
 * The fit scan (issue 12): on the screen as it is, with nothing scrolled, everything a senior
 * needs is inside the window, inside the step's area, and not covered by anything, and the page
 * itself does not scroll. Each problem names the element and by how many px it is out.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Runs in the page: what is out of sight there now, empty when everything fits. Self-contained
 * (Playwright sends its source to the page), so an in-page loop can call it too (fit-matrix.ts).
 */
export function scanFit(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollHeight > window.innerHeight + 1) problems.push(`the page scrolls: ${root.scrollHeight - window.innerHeight} px taller than the screen`);
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth - root.clientWidth} px wider than the screen`);
  const name = (element: Element): string => {
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${text}"`;
  };
  const kinds = 'button, input, h1, h2, p, label, dt, dd, li, img, legend';
  // A dialog over the screen (the glossary, "¿Sigue ahí?", volunteer mode) is what the senior
  // has to deal with while it is open: the screen under it is meant to be covered, the dialog
  // and the help dock are not.
  const overlay = Array.from(document.querySelectorAll('.kiosk [role="dialog"], .kiosk [role="alertdialog"]')).find(
    (dialog) => dialog.getBoundingClientRect().height > 0,
  );
  const needed = overlay
    ? [...overlay.querySelectorAll(kinds), ...document.querySelectorAll(`.help-dock :is(${kinds})`)]
    : Array.from(document.querySelectorAll(`.kiosk :is(${kinds})`));
  for (const element of needed) {
    if (element.closest('.print-only, [hidden]')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const outs: string[] = [];
    if (box.bottom > window.innerHeight + 1) outs.push(`${Math.ceil(box.bottom - window.innerHeight)} px below the screen`);
    if (box.top < -1) outs.push(`${Math.ceil(-box.top)} px above the screen`);
    if (box.right > root.clientWidth + 1) outs.push(`${Math.ceil(box.right - root.clientWidth)} px off the right edge`);
    if (box.left < -1) outs.push(`${Math.ceil(-box.left)} px off the left edge`);
    // Clipped by the step's area (it pages, never scrolls): out of sight though inside the window.
    const area = element.closest('.fit-area');
    if (area && outs.length === 0) {
      const room = area.getBoundingClientRect();
      if (box.bottom > room.bottom + 1) outs.push(`${Math.ceil(box.bottom - room.bottom)} px below the step's area`);
    }
    if (outs.length === 0) {
      // Covered: at the centre and four corners (6 px in), the topmost element must be this one,
      // inside it or around it; two buttons squeezed over each other show up here.
      const inset = Math.min(6, box.width / 2, box.height / 2);
      const points = [
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.left + inset, box.top + inset],
        [box.right - inset, box.top + inset],
        [box.left + inset, box.bottom - inset],
        [box.right - inset, box.bottom - inset],
      ] as const;
      for (const [x, y] of points) {
        const top = document.elementFromPoint(Math.min(x, root.clientWidth - 1), Math.min(y, window.innerHeight - 1));
        if (top && top !== element && !element.contains(top) && !top.contains(element)) {
          outs.push(`covered by ${name(top)}`);
          break;
        }
      }
    }
    if (outs.length > 0) problems.push(`${name(element)}: ${outs.join(', ')}`);
  }
  return problems;
}

/** What is out of sight on the page now; empty when everything fits. */
export async function fitProblems(page: Page): Promise<string[]> {
  return page.evaluate(scanFit);
}

/** Presses "Seguir leyendo" until `target` is on screen (at most 5 parts): how a senior gets to it. */
export async function reveal(page: Page, target: Locator, nextPart: string): Promise<void> {
  for (let i = 0; i < 5 && !(await target.isVisible()); i++) {
    const more = page.getByRole('button', { name: nextPart, exact: true });
    if (!(await more.isVisible())) break;
    // The step may re-pack between the look and the tap (a picture or the QR code loading): the
    // button can go, its part shown already. Then the loop looks again rather than wait on it.
    await more.click({ timeout: 5_000 }).catch(() => undefined);
  }
  await expect(target).toBeVisible();
}
