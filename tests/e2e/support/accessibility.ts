/**
 * The accessibility checks every console screen must pass: axe with the project's strict
 * options (ACCESSIBILITY.md: targets of 88 px, text contrast 7:1 even for large text), and a
 * geometry scan of what axe does not measure (overflow, target heights, gaps, font sizes).
 */
import type AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The WCAG and best-practice tags ACCESSIBILITY.md asks for. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa', 'best-practice'];

/** axe's run options, as AxeBuilder takes them. */
type RunOptions = Parameters<AxeBuilder['options']>[0];

// axe reads per-check options at run time (get-check-option.js), though its RunOptions type
// does not list them; they are typed here and handed over as RunOptions.
const strictOptions: RunOptions & { checks: Record<string, { options: unknown }> } = {
  runOnly: { type: 'tag', values: axeTags },
  checks: {
    'target-size': { options: { minSize: 88 } },
    'target-offset': { options: { minOffset: 88 } },
    // axe counts our 28 px text as "large" and would accept 4.5:1; the project asks 7:1 of all text.
    'color-contrast-enhanced': {
      options: {
        ignoreUnicode: true,
        ignoreLength: false,
        ignorePseudo: false,
        boldValue: 700,
        boldTextPt: 14,
        largeTextPt: 18,
        pseudoSizeThreshold: 0.25,
        shadowOutlineEmMax: 0.1,
        textStrokeEmMin: 0.03,
        contrastRatio: { normal: { expected: 7 }, large: { expected: 7 } },
      },
    },
  },
};

// The axe-core that @axe-core/playwright itself depends on, so the rules are the same ones.
const requireHere = createRequire(import.meta.url);
const axeSource = readFileSync(requireHere.resolve('axe-core/axe.min.js', { paths: [path.dirname(requireHere.resolve('@axe-core/playwright'))] }), 'utf8');

/** Puts axe into a frame unless it is there already (a navigation or a new frame drops it). */
async function ensureAxe(frame: Frame): Promise<void> {
  try {
    const present = await frame.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
    if (!present) await frame.evaluate(axeSource);
  } catch {
    // A frame that went away between listing and injecting has nothing left to check.
  }
}

/**
 * axe's violations on the page, under the given run options, as "rule: help (targets)"; an
 * empty list when there are none.
 *
 * Why not `new AxeBuilder({ page }).analyze()`: it injects all of axe-core into every frame on
 * every call and then opens a blank page to assemble the results, about 1 s per call against
 * 0.1 s for the rules themselves (measured on a kiosk screen, 2 cores). The accessibility
 * matrix calls it 250 times. Here axe goes into each frame once and runs in place with
 * `axe.run`, which reaches same-origin frames (the staff preview) itself: the same rules, the
 * same options, a tenth of the time.
 */
export async function axeRun(page: Page, options: RunOptions): Promise<string[]> {
  for (const frame of page.frames()) await ensureAxe(frame);
  return page.evaluate(
    async (runOptions) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }>;
          };
        }
      ).axe;
      // Only violations are described in full: the passes would be thousands of nodes to carry back.
      const results = await axe.run(document, { ...runOptions, resultTypes: ['violations'] });
      return results.violations.map(
        (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.map(String).join(' ')).join(', ')})`,
      );
    },
    options as Record<string, unknown>,
  );
}

/** axe's violations on the page under the kiosk's strict options (AAA contrast, 88 px targets). */
export function axeViolations(page: Page): Promise<string[]> {
  return axeRun(page, strictOptions);
}

/** The numbers the geometry scan holds every screen to. */
export const layoutRules = { minTextPx: 28, minTargetPx: 88, minGapPx: 32 };

/**
 * Everything on the page that breaks the layout rules: a page wider than the screen, text under
 * 28 px, a control under 88 px tall, two controls closer than 32 px. Empty when all is well.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(scanLayout, layoutRules);
}

/**
 * Runs in the page: {@link layoutProblems}' scan. Self-contained (Playwright sends its source to
 * the page), so the fit matrix's in-page loop calls it too (fit-matrix.ts).
 */
export function scanLayout(rules: typeof layoutRules): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`the page is ${root.scrollWidth} px wide on a ${root.clientWidth} px screen`);
  const visible = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const describe = (element: Element): string =>
    `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40) || element.getAttribute('aria-label') || element.id}"`;
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    if (!visible(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.right > root.clientWidth + 0.5) problems.push(`${describe(element)} reaches ${Math.round(box.right)} px, past the screen's edge`);
    const hasText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (hasText && size < rules.minTextPx) problems.push(`${describe(element)} has ${size} px text`);
  }
  const targets = Array.from(document.querySelectorAll('button, input, select, textarea, a[href], [role="button"], [role="switch"]')).filter(visible);
  for (const target of targets) {
    const box = target.getBoundingClientRect();
    if (box.height < rules.minTargetPx - 0.5) problems.push(`${describe(target)} is ${box.height.toFixed(1)} px tall`);
    if (box.width < rules.minTargetPx - 0.5) problems.push(`${describe(target)} is ${box.width.toFixed(1)} px wide`);
  }
  // The help dock is fixed over the scrolling page, and a dialog (glossary, volunteer mode, the
  // idle warning) opens above it: their controls and the page's are in different layers, and
  // whether a layer hides a control of the page is coveredControls' question. Gaps are
  // measured between controls of the same layer.
  const layerOf = (element: Element): Element | null => element.closest('.help-dock, [role="dialog"], [role="alertdialog"]');
  for (let i = 0; i < targets.length; i += 1) {
    for (let j = i + 1; j < targets.length; j += 1) {
      if (layerOf(targets[i] as Element) !== layerOf(targets[j] as Element)) continue;
      const a = (targets[i] as Element).getBoundingClientRect();
      const b = (targets[j] as Element).getBoundingClientRect();
      const gapX = Math.max(b.left - a.right, a.left - b.right);
      const gapY = Math.max(b.top - a.bottom, a.top - b.bottom);
      const gap = Math.max(gapX, gapY);
      if (gap < rules.minGapPx - 0.5) problems.push(`${describe(targets[i] as Element)} and ${describe(targets[j] as Element)} are ${gap.toFixed(1)} px apart`);
    }
  }
  return problems;
}

/**
 * Every control on the page that can never be seen whole and uncovered: the page is scrolled
 * from top to bottom and, at each position, each control not yet seen is checked in the
 * viewport, with the topmost element at its centre and four corners (6 px in) being the control
 * or something inside it. Anything fixed on top (the step bar, the help dock) that covers a
 * control at every scroll position shows up here. Empty when all is well; the page is left
 * scrolled to its top.
 */
export async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const selector = 'button, input, select, textarea, a[href], [role="button"], [role="checkbox"]';
    const fixed = (element: Element): boolean => element.closest('.help-dock') !== null;
    const controls = Array.from(document.querySelectorAll(selector)).filter((element) => {
      const box = element.getBoundingClientRect();
      // Not drawn and not reachable (the bar's hidden row it measures its controls on): no control.
      const hidden = getComputedStyle(element).visibility === 'hidden' || element.closest('[inert]') !== null;
      return box.width > 0 && box.height > 0 && !fixed(element) && !hidden;
    });
    const seen = new Set<Element>();
    const uncovered = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > root.clientWidth) return false;
      const points: Array<[number, number]> = [
        [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
        [box.left + 6, box.top + 6],
        [box.right - 6, box.top + 6],
        [box.left + 6, box.bottom - 6],
        [box.right - 6, box.bottom - 6],
      ];
      return points.every(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === element || element.contains(hit));
      });
    };
    const max = root.scrollHeight - window.innerHeight;
    for (let y = 0; ; y = Math.min(max, y + 20)) {
      window.scrollTo(0, y);
      for (const control of controls) if (!seen.has(control) && uncovered(control)) seen.add(control);
      if (y >= max) break;
    }
    window.scrollTo(0, 0);
    return controls
      .filter((control) => !seen.has(control))
      .map(
        (control) =>
          `${control.tagName.toLowerCase()} "${(control.textContent ?? '').trim().slice(0, 40) || control.getAttribute('aria-label') || control.id}" is never fully in sight`,
      );
  });
}
