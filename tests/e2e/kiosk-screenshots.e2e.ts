/**
 * Writes the kiosk's screenshots to docs/screenshots: every screen at each text size (32, 48,
 * 64 px) in Spanish with normal colours on each supported screen (1920×1080, 1366×768,
 * 1280×1024, 1080×1920), some screens in high contrast and in Arabic, and the take-home sheet as
 * printed. Named kiosk-<screen>-<size>[-contrast][-ar][-<width>x<height>].png (no screen in the
 * name: 1920×1080). Not part of a normal test run: it rewrites committed files. Run
 * `npm run screenshots` (UPDATE_SCREENSHOTS=1).
 */
import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures/hub.js';
import { supportedScreens, walkEveryScreen, type Combination } from './support/kiosk-screens.js';

const folder = 'docs/screenshots';

/** Short file names for the screens the walk visits. */
const names: Record<string, string> = {
  attract: 'attract',
  language: 'language',
  comfort: 'comfort',
  catalogue: 'catalogue',
  'idle warning': 'idle-warning',
  'help calling': 'help-calling',
  'help unreachable': 'help-unreachable',
  'help queued': 'help-queued',
  'help coming': 'help-coming',
  'requirements question': 'requirements',
  'missing sheet': 'missing-sheet',
  'step info': 'info',
  glossary: 'glossary',
  'step question': 'question',
  'step handoff': 'handoff',
  'step input, letters keyboard, picture': 'keyboard-letters',
  'step input with an error': 'input-error',
  'step input, digits keyboard': 'keyboard-digits',
  'step review': 'review',
  'volunteer sign-in': 'volunteer-sign-in',
  'volunteer panel': 'volunteer-panel',
  'step done, take-home sheet with QR code': 'done',
  'step checklist': 'checklist',
  'confirm before sending': 'confirm-send',
  'confirm before erasing': 'confirm-erase',
};

/** In high contrast and in Arabic, the screens that show the most of the design. */
const sampleScreens = new Set(['comfort', 'catalogue', 'keyboard-letters', 'input-error', 'review', 'done', 'help-coming', 'glossary']);

/** The supported screens besides Playwright's 1920×1080 (issue 12). */
const otherScreens = supportedScreens.slice(1);

type Shot = Combination & { every: boolean; screen?: { width: number; height: number } };

const combinations: Shot[] = [
  { language: 'es', size: 32, theme: 'normal', every: true },
  { language: 'es', size: 48, theme: 'normal', every: true },
  { language: 'es', size: 64, theme: 'normal', every: true },
  { language: 'es', size: 64, theme: 'contrast', every: false },
  { language: 'ar', size: 32, theme: 'normal', every: false },
  { language: 'ar', size: 48, theme: 'contrast', every: false },
  ...otherScreens.flatMap((screen) => ([32, 48, 64] as const).map((size): Shot => ({ language: 'es', size, theme: 'normal', every: true, screen }))),
];

test.describe('kiosk screenshots', () => {
  test.skip(process.env['UPDATE_SCREENSHOTS'] !== '1', 'rewrites docs/screenshots: run "npm run screenshots" (UPDATE_SCREENSHOTS=1) to refresh them');

  for (const combination of combinations) {
    const { screen } = combination;
    const suffix = `${combination.size}${combination.theme === 'contrast' ? '-contrast' : ''}${combination.language === 'ar' ? '-ar' : ''}${screen ? `-${screen.width}x${screen.height}` : ''}`;
    test(`every screen at ${suffix}`, async ({ page, hub }) => {
      test.setTimeout(300_000);
      if (screen) await page.setViewportSize(screen);
      await mkdir(folder, { recursive: true });
      const written: string[] = [];
      const first = combination.language === 'es' && combination.size === 32 && combination.theme === 'normal';
      await walkEveryScreen(
        page,
        hub.url,
        combination,
        async (screen) => {
          const name = names[screen];
          expect(name, `a file name for "${screen}"`).toBeDefined();
          if (!combination.every && !sampleScreens.has(name ?? '')) return;
          await page.screenshot({ path: `${folder}/kiosk-${name}-${suffix}.png` });
          written.push(name ?? '');
          if (name === 'done') {
            // The take-home sheet in the print styles, the whole page as it goes to the printer.
            await page.emulateMedia({ media: 'print' });
            await page.screenshot({ path: `${folder}/kiosk-done-print-${suffix}.png`, fullPage: true });
            await page.emulateMedia({ media: 'screen' });
          }
        },
        first,
      );
      expect(written.length).toBeGreaterThan(combination.every ? 20 : 5);
    });
  }
});
