/**
 * Every sample procedure walked in Arabic through the kiosk in Chromium against a real hub: the
 * senior picks العربية on the language screen and goes from the catalogue tile to a done step,
 * answering through the screen. On every screen the page is right-to-left, and what the step
 * shows is the script's Arabic text (never the Spanish fallback): the heading, each sentence of
 * the text, the choices, the field's label, the checklist's items, the review's lines, the
 * requirements' questions, each marked `lang="ar"` so speech and hyphenation follow it.
 *
 * One walk a procedure, the one that takes the most of its links (support/branch-walks.ts), to
 * keep `npm test` fast: kiosk-branches.e2e.ts walks every branch, in Spanish.
 */
import type { Locator, Page } from '@playwright/test';
import type { LocalizedText, Procedure } from '../../core/procedure/schema.js';
import { sentencesOf } from '../../core/text/sentences.js';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { branchWalks, sampleAnswer, type WalkStep } from './support/branch-walks.js';
import { openTile } from './support/catalogue.js';
import { reveal } from './support/fit-scan.js';
import { kioskWords } from './support/kiosk-locale.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0';
const t = kioskWords('ar');
// The attract screen speaks the kiosk's first language; after a session it may speak the last one.
const attract = new RegExp(`^(${kioskWords('es')('attract.start')}|${t('attract.start')})$`);
const ar = (text: LocalizedText | undefined): string => {
  const arabic = text?.['ar'];
  if (arabic === undefined) throw new Error(`no Arabic for ${JSON.stringify(text)}`);
  return arabic;
};

/** Checks that the page is laid out right to left, in Arabic. */
async function expectArabicPage(page: Page, where: string): Promise<void> {
  await expect(page.locator('html'), where).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html'), where).toHaveAttribute('lang', 'ar');
}

/** Attract → العربية → متابعة → the procedure's Arabic tile → "نعم، معي" to each requirement, each asked in Arabic. */
async function openInArabic(page: Page, procedure: Procedure): Promise<void> {
  await page.getByRole('button', { name: attract }).click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await expectArabicPage(page, 'comfort');
  const continueButton = page.getByRole('button', { name: t('comfort.continue'), exact: true });
  await reveal(page, continueButton, t('fit.nextPart'));
  await continueButton.click();
  await expect(page.getByRole('heading', { name: t('catalogue.heading') })).toBeVisible();
  // The tile is found by the script's Arabic title: the catalogue shows it in Arabic.
  await openTile(page, ar(procedure.title), t('catalogue.more'));
  for (const requirement of procedure.requirements) {
    const question = page.getByText(ar(requirement.question), { exact: true });
    await expect(question, `${procedure.id}: requirement "${requirement.id}"`).toBeVisible();
    await expect(question).toHaveAttribute('lang', 'ar');
    await expectArabicPage(page, `${procedure.id}: requirement "${requirement.id}"`);
    await page.getByRole('button', { name: t('requirements.yes') }).click();
  }
}

/** What the review should list after `trail`, in Arabic: each answered step once, where last answered. */
function expectedReview(trail: WalkStep[], typed: ReadonlyMap<string, string>): Array<[string, string]> {
  const last = new Map(trail.map((at, index) => [at.step.id, index]));
  const lines: Array<[string, string]> = [];
  trail.forEach((at, index) => {
    if (last.get(at.step.id) !== index) return;
    const { step } = at;
    if (step.kind === 'question') lines.push([ar(step.title), ar(step.choices.find((choice) => choice.id === at.choiceId)?.label)]);
    if (step.kind === 'input') lines.push([ar(step.label), typed.get(step.id) ?? '']);
    // Ticked items joined with the Arabic comma "، ", as Arabic writes lists.
    if (step.kind === 'checklist') lines.push([ar(step.title), step.items.map((item) => ar(item.label)).join('، ')]);
  });
  return lines;
}

/** Walks one way through the procedure in Arabic, checking each screen's words against the script's Arabic. */
async function walkInArabic(page: Page, procedure: Procedure, steps: WalkStep[]): Promise<void> {
  const typed = new Map<string, string>();
  const next = page.getByRole('button', { name: t('step.next'), exact: true });
  for (const [index, at] of steps.entries()) {
    const { step } = at;
    const where = `${procedure.id} › ${step.id}`;
    const heading = page.locator('h1');
    await expect(heading, where).toHaveAttribute('data-step', step.id);
    await expect(heading, where).toHaveText(ar(step.title));
    await expect(heading, where).toHaveAttribute('lang', 'ar');
    await expectArabicPage(page, where);
    // Every sentence of the text, on whichever part of the step it is packed (hidden parts are in the page too).
    const sentences = page.locator('main .step-text');
    await expect(sentences, where).toHaveText(sentencesOf(ar(step.text)));
    for (const sentence of await sentences.all()) await expect(sentence, where).toHaveAttribute('lang', 'ar');
    const press = async (target: Locator): Promise<void> => {
      await reveal(page, target, t('fit.nextPart'));
      await target.click();
    };
    // A step that sends asks first, in Arabic too.
    const forward = async (target: Locator): Promise<void> => {
      await press(target);
      if (step.submits === true)
        await page
          .getByRole('alertdialog', { name: t('confirm.sendHeading') })
          .getByRole('button', { name: t('confirm.send') })
          .click();
    };
    switch (step.kind) {
      case 'question': {
        const choices = page.locator('main .fit-block-choice button');
        await expect(choices, `${where}: the choices`).toHaveText(step.choices.map((choice) => ar(choice.label)));
        const choice = step.choices.find((c) => c.id === at.choiceId);
        await forward(page.locator('main .fit-block-choice').getByRole('button', { name: ar(choice?.label), exact: true }));
        break;
      }
      case 'input': {
        const field = page.getByLabel(ar(step.label), { exact: true });
        await reveal(page, field, t('fit.nextPart'));
        const answer = sampleAnswer(step);
        await field.fill(answer);
        typed.set(step.id, answer);
        await forward(next);
        break;
      }
      case 'checklist':
        for (const item of step.items) {
          const box = page.getByRole('checkbox', { name: ar(item.label) });
          await press(box);
          await expect(box).toHaveAttribute('aria-checked', 'true');
        }
        await forward(next);
        break;
      case 'review': {
        const lines = expectedReview(steps.slice(0, index), typed);
        const shown = page.locator('.review-line');
        await expect(shown, `${where}: one review line per answer`).toHaveCount(lines.length);
        for (const [i, [label, value]] of lines.entries()) {
          await expect(shown.nth(i).locator('dt')).toHaveText(label);
          await expect(shown.nth(i).locator('dd').first()).toHaveText(value);
        }
        await forward(next);
        break;
      }
      case 'done':
        await expect(next).toHaveCount(0);
        // What happens next and the take-home sheet, a block a sentence.
        for (const sentence of [step.whatNext, step.takeHome].flatMap((text) => (text ? sentencesOf(ar(text)) : []))) {
          await expect(page.locator('main.step'), `${where}: what happens next`).toContainText(sentence);
        }
        break;
      default:
        if (index < steps.length - 1) await forward(next);
    }
  }
}

test.describe('every sample procedure, walked in Arabic', () => {
  const procedures = sampleProcedures();

  test('every sample is written in Arabic', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(8);
    expect(procedures.filter((procedure) => !procedure.languages.includes('ar')).map((procedure) => procedure.id)).toEqual([]);
  });

  for (const procedure of procedures) {
    test(`${procedure.id}: the step texts are the script's Arabic, right to left, to the end`, async ({ page }) => {
      // About twenty screens in Chromium against a real hub, on a machine shared with other work.
      test.setTimeout(120_000);
      const [steps] = branchWalks(procedure);
      if (!steps) throw new Error(`${procedure.id} has no walk`);
      expect(steps.at(-1)?.step.kind, `${procedure.id}: the walk ends at a done step`).toBe('done');
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(kioskUrl);
      await openInArabic(page, procedure);
      await walkInArabic(page, procedure, steps);
      const finish = page.getByRole('button', { name: t('session.end') }).last();
      await reveal(page, finish, t('fit.nextPart'));
      await finish.click();
      await expect(page.getByRole('button', { name: attract })).toBeVisible();
      expect(errors).toEqual([]);
    });
  }
});
