/**
 * Every branch of every sample procedure, walked through the kiosk in Chromium against a real
 * hub: each choice of each question and each way on is taken at least once, each walk to its
 * end (tests/e2e/support/branch-walks.ts works them out from the script). Answers go in through
 * the screen, as a senior gives them. On every screen the heading is the script's step,
 * "Paso N de M" counts up by one with N never past M and N = M at the end, the review lists
 * exactly the answers of the way taken, and a done step's QR code encodes the script's own
 * address, never an answer. One page per procedure; "Terminar" / "Empezar de nuevo" between walks.
 */
import type { Locator, Page } from '@playwright/test';
import { create } from 'qrcode';
import { qrPath, takeHomeAddress } from '../../core/kiosk/take-home.js';
import { buildStepGraph, reachableFrom } from '../../core/procedure/graph.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { branchWalks, everyLink, linksTaken, sampleAnswer, type WalkStep, walkLabel } from './support/branch-walks.js';
import { openTile } from './support/catalogue.js';
import { reveal } from './support/fit-scan.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0';
const es = (text: Record<string, string> | undefined): string => text?.['es'] ?? '';

/** Attract → Español → Seguir → the procedure's tile (a page or more on if need be) → "Sí, lo tengo" to each requirement. */
async function openProcedure(page: Page, procedure: Procedure): Promise<void> {
  await page.getByRole('button', { name: 'Toque la pantalla para empezar' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByRole('heading', { name: '¿Qué quiere hacer hoy?' })).toBeVisible();
  await openTile(page, es(procedure.title));
  for (const requirement of procedure.requirements) {
    await expect(page.getByText(es(requirement.question))).toBeVisible();
    await page.getByRole('button', { name: 'Sí, lo tengo' }).click();
  }
}

/** The lines the review should show after `trail`: each answered step once, where last answered. */
function expectedReview(trail: WalkStep[], typed: ReadonlyMap<string, string>): Array<[string, string]> {
  const last = new Map(trail.map((at, index) => [at.step.id, index]));
  const lines: Array<[string, string]> = [];
  trail.forEach((at, index) => {
    if (last.get(at.step.id) !== index) return;
    const { step } = at;
    if (step.kind === 'question') lines.push([es(step.title), es(step.choices.find((choice) => choice.id === at.choiceId)?.label)]);
    if (step.kind === 'input') lines.push([es(step.label), typed.get(step.id) ?? '']);
    if (step.kind === 'checklist') lines.push([es(step.title), step.items.map((item) => es(item.label)).join(', ')]);
  });
  return lines;
}

async function progressOf(page: Page): Promise<{ position: number; total: number }> {
  const text = (await page.locator('.step-progress').textContent()) ?? '';
  // A step split into parts adds " · Parte 1 de 2" (issue 12).
  const match = /^Paso (\d+) de (\d+)(?: · Parte \d+ de \d+)?$/.exec(text.trim());
  expect(match, `"${text}" reads "Paso N de M"`).not.toBeNull();
  return { position: Number(match?.[1]), total: Number(match?.[2]) };
}

/** Walks one branch from its first step to its end, checking each screen on the way. */
async function walk(page: Page, procedure: Procedure, steps: WalkStep[]): Promise<void> {
  const graph = buildStepGraph(procedure);
  const typed = new Map<string, string>();
  let previousTotal = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (const [index, at] of steps.entries()) {
    const { step } = at;
    const where = walkLabel(procedure, steps, index);
    await expect(page.locator('h1'), where).toHaveAttribute('data-step', step.id);
    await expect(page.locator('h1'), where).toHaveText(es(step.title));
    const { position, total } = await progressOf(page);
    expect(position, `${where}: the step number`).toBe(index + 1);
    expect(position, `${where}: Paso ${position} de ${total}`).toBeLessThanOrEqual(total);
    // Leaving branches behind, the count of steps can only shrink; it may grow only on a step
    // from which the way leads back to a step already passed (a loop: those steps come again).
    const loopsBack = [...reachableFrom(graph, step.id)].some((id) => seen.has(id));
    if (!loopsBack) expect(total, `${where}: the total grew`).toBeLessThanOrEqual(previousTotal);
    previousTotal = total;
    seen.add(step.id);
    const next = page.getByRole('button', { name: 'Siguiente', exact: true });
    // A step split into parts to fit shows its later answers and "Siguiente" after "Seguir leyendo".
    const press = async (target: Locator): Promise<void> => {
      await reveal(page, target, 'Seguir leyendo');
      await target.click();
    };
    // Going on from a step that sends: the kiosk asks "¿Lo envía ya?" first (issue 13).
    const forward = async (target: Locator): Promise<void> => {
      await press(target);
      if (step.submits === true) await page.getByRole('alertdialog', { name: '¿Lo envía ya?' }).getByRole('button', { name: 'Sí, enviar' }).click();
    };
    switch (step.kind) {
      case 'question': {
        const choice = step.choices.find((c) => c.id === at.choiceId);
        await forward(page.locator('main .fit-block-choice').getByRole('button', { name: es(choice?.label), exact: true }));
        break;
      }
      case 'input': {
        const answer = sampleAnswer(step);
        await reveal(page, page.getByLabel(es(step.label), { exact: true }), 'Seguir leyendo');
        await page.getByLabel(es(step.label), { exact: true }).fill(answer);
        typed.set(step.id, answer);
        await forward(next);
        break;
      }
      case 'checklist':
        for (const item of step.items) {
          const box = page.getByRole('checkbox', { name: es(item.label) });
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
      case 'done': {
        expect(position, `${where}: the end is "Paso ${total} de ${total}"`).toBe(total);
        await expect(next).toHaveCount(0);
        // The whole screen, the sheet's every sentence with it.
        const sheet = page.locator('main.step');
        for (const answer of typed.values()) await expect(sheet, `${where}: the take-home sheet never carries an answer`).not.toContainText(answer);
        const address = takeHomeAddress(procedure, step);
        const code = page.locator('.take-home-qr-code path');
        if (address) {
          await expect(code).toHaveAttribute('d', qrPath(create(address, { errorCorrectionLevel: 'M' }).modules).d);
          await expect(page.locator('.take-home-address')).toHaveText(address);
        } else {
          await expect(code).toHaveCount(0);
        }
        break;
      }
      default:
        if (index < steps.length - 1) await forward(next);
    }
  }
}

test.describe('every branch of every sample procedure, through the kiosk', () => {
  for (const procedure of sampleProcedures()) {
    test(`${procedure.id}: each choice and each end`, async ({ page }) => {
      // Up to seven walks of up to seventeen screens each, on a machine shared with other work.
      test.setTimeout(180_000);
      const walks = branchWalks(procedure);
      // The walks take every link of the script: nothing of it is left untried.
      expect(new Set(walks.flatMap(linksTaken))).toEqual(new Set(everyLink(procedure)));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(kioskUrl);
      for (const steps of walks) {
        await openProcedure(page, procedure);
        await walk(page, procedure, steps);
        const end = steps[steps.length - 1]?.step;
        // At a done step the nav bar's "Terminar" ends the session; elsewhere "Empezar de nuevo".
        if (end?.kind === 'done') {
          // A long done step (the take-home sheet) may be in parts: "Terminar" is on the last.
          const finish = page.getByRole('button', { name: 'Terminar' }).last();
          await reveal(page, finish, 'Seguir leyendo');
          await finish.click();
        } else {
          await page.getByRole('button', { name: 'Empezar de nuevo' }).click();
          // With answers given, the kiosk asks before it erases them (issue 13).
          const answered = steps.some(({ step }) => step.kind === 'question' || step.kind === 'input' || step.kind === 'checklist');
          if (answered) await page.getByRole('alertdialog', { name: '¿Borrar lo que ha escrito?' }).getByRole('button', { name: 'Sí, borrar' }).click();
        }
        await expect(page.getByRole('button', { name: 'Toque la pantalla para empezar' })).toBeVisible();
      }
      expect(errors).toEqual([]);
    });
  }
});
