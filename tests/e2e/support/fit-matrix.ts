/**
 * The fit matrix's loop, run inside the kiosk's page (issue 12): thousands of step states a
 * screen, so one Playwright round trip per state rather than dozens. Each state is opened with
 * `#at=<procedure>/<step>&size=…&theme=…&lang=…` (renderer/kiosk/session/open-at.ts), waited
 * for until packed and still, then scanned with the fit scan and the geometry scan (text, target
 * sizes and gaps: accessibility.ts) through every part; an input step
 * also on its keyboard's other page and with a wrong answer's error shown.
 *
 * Each part is scanned in both themes without opening it twice: the high-contrast theme is the
 * same `.kiosk` with the class `theme-contrast`, which sets colours only, so the part is scanned
 * again with the class on, and the blocks' heights (what the pager packs by) are checked to be
 * the same in both. Should the theme ever change a size, that check fails and names it.
 */
import type { Page } from '@playwright/test';
import { layoutRules, scanLayout } from './accessibility.js';
import { scanFit } from './fit-scan.js';

declare global {
  interface Window {
    __scanFit?: () => string[];
    __scanLayout?: (rules: typeof layoutRules) => string[];
  }
}

/** One state of the matrix: a step at a text size and in a language (in both themes). */
export interface StepState {
  procedureId: string;
  stepId: string;
  size: 32 | 48 | 64;
  language: 'es' | 'en' | 'ar';
  /** For an input step, an answer its format refuses: typed in and sent, its error is scanned too. */
  wrongAnswer?: string;
}

/** What the scan of one state found. */
export interface StepScan {
  /** How many parts the step took (first packing). */
  parts: number;
  /** Each problem, with the part (and keyboard page or error) it was seen on. */
  problems: string[];
  /** Whether a wrong answer was sent and its error shown. */
  errorShown: boolean;
  /** The step's area, px high, as first packed: the room the bar and the dock leave it. */
  areaHeight: number;
}

/** Makes the fit scan and the geometry scan callable from the in-page loop; once per page load. */
export async function installFitScan(page: Page): Promise<void> {
  await page.evaluate(`window.__scanFit = ${scanFit.toString()}; window.__scanLayout = ${scanLayout.toString()}`);
}

/** Opens one state in the kiosk's page and scans it: see the file's comment. */
export async function scanStepState(page: Page, state: StepState): Promise<StepScan> {
  return page.evaluate(
    async ({ procedureId, stepId, size, language, wrongAnswer, rules }) => {
      const fitScan = window.__scanFit;
      const layoutScan = window.__scanLayout;
      if (!fitScan || !layoutScan) throw new Error('installFitScan(page) first');
      // In sight and uncovered (the fit scan), then text ≥ 28 px, targets ≥ 88 px and 32 px apart (the geometry scan).
      const scan = (): string[] => [...fitScan(), ...layoutScan(rules)];
      const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const stepMain = (): HTMLElement | null => document.querySelector<HTMLElement>(`main[data-procedure-id="${procedureId}"][data-step-id="${stepId}"]`);
      const dock = document.querySelector<HTMLElement>('.help-dock');
      // Packed, its pictures loaded, the dock's measured height passed on to the step's area, and
      // nothing moving for two frames: what a senior would be looking at.
      const still = async (ready: (main: HTMLElement) => boolean, what: string): Promise<HTMLElement> => {
        let last = '';
        for (let tick = 0; tick < 600; tick++) {
          await frame();
          const main = stepMain();
          const kiosk = document.querySelector<HTMLElement>('.kiosk');
          const dockHeight = `${Math.ceil(dock?.getBoundingClientRect().height ?? 0)}px`;
          const ok =
            main !== null &&
            main.hasAttribute('data-packed') &&
            kiosk?.dataset['textSize'] === String(size) &&
            document.documentElement.lang === language &&
            document.documentElement.style.getPropertyValue('--dock-height') === dockHeight &&
            Array.from(document.images).every((image) => image.complete) &&
            ready(main);
          const signature = ok ? `${main.dataset['part']}/${main.dataset['parts']}/${main.clientHeight}/${main.scrollHeight}/${dockHeight}` : '';
          if (ok && signature === last) return main;
          last = signature;
        }
        throw new Error(`${procedureId}/${stepId} at ${size} px (${language}): still not settled after 600 frames, waiting for ${what}`);
      };
      const problems: string[] = [];
      const blockHeights = (main: HTMLElement): string =>
        Array.from(main.querySelectorAll(':scope > [data-fit-header], :scope > [data-fit-block]:not([hidden])'))
          .map((block) => block.getBoundingClientRect().height.toFixed(1))
          .join(' ');
      const scanPart = (main: HTMLElement, where: string): void => {
        const at = `part ${main.dataset['part']} of ${main.dataset['parts']}${where}`;
        for (const problem of scan()) problems.push(`${at}: ${problem}`);
        const kiosk = main.closest('.kiosk');
        if (!kiosk) throw new Error('the step is not in the kiosk');
        const normal = blockHeights(main);
        kiosk.classList.add('theme-contrast');
        try {
          // Same sizes (checked next), so the geometry scan's answer cannot change: the fit scan again.
          for (const problem of fitScan()) problems.push(`${at}, high contrast: ${problem}`);
          const contrast = blockHeights(main);
          if (contrast !== normal)
            problems.push(
              `${at}: the high-contrast theme changes the blocks' heights (${normal} → ${contrast}): the pager would pack it otherwise, scan it in that theme`,
            );
        } finally {
          kiosk.classList.remove('theme-contrast');
        }
      };
      const press = (selector: string): void => {
        const button = document.querySelector<HTMLButtonElement>(selector);
        if (!button) throw new Error(`${procedureId}/${stepId}: no ${selector} to press`);
        button.click();
      };
      // The idle rule counts taps and keys; the loop makes neither, so it says it is still here.
      window.dispatchEvent(new KeyboardEvent('keydown'));
      window.location.hash = `at=${procedureId}/${stepId}&size=${size}&lang=${language}`;
      let main = await still(() => true, 'the step');
      const parts = Number(main.dataset['parts'] ?? '1');
      const areaHeight = main.clientHeight;
      for (let part = 1; part <= parts; part++) {
        scanPart(main, '');
        if (part < parts) {
          press('.help-dock [data-part-nav="next"]');
          main = await still((shown) => shown.dataset['part'] === String(part + 1), `part ${part + 1}`);
        }
      }
      // The keyboard's other pages (the letters after the digits; "A–N" and "Ñ–Z" on a 768 px
      // screen): each a block of another height, packed again. Its first page key leads round them all.
      const keysShown = (): string => Array.from(document.querySelectorAll('.keyboard-key'), (key) => key.textContent).join(' ');
      const seenPages = new Set([keysShown()]);
      for (let turn = 0; turn < 4 && document.querySelector('.keyboard-key-page'); turn++) {
        const before = keysShown();
        press('.keyboard-key-page');
        main = await still(() => keysShown() !== before, "the keyboard's next page");
        if (seenPages.has(keysShown())) break;
        seenPages.add(keysShown());
        scanPart(main, `, the keyboard's page ${seenPages.size}`);
      }
      let errorShown = false;
      if (wrongAnswer !== undefined) {
        const field = document.querySelector<HTMLInputElement>('#step-input');
        const form = document.querySelector<HTMLFormElement>('#step-input-form');
        if (!field || !form) throw new Error(`${procedureId}/${stepId}: no field to type into`);
        // As typing would: React hears the native value setter's input event.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, wrongAnswer);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        form.requestSubmit();
        main = await still((shown) => shown.querySelector('[role="alert"]') !== null, 'the error');
        errorShown = true;
        scanPart(main, `, with the error for "${wrongAnswer}"`);
      }
      return { parts, problems, errorShown, areaHeight };
    },
    { ...state, rules: layoutRules },
  );
}
