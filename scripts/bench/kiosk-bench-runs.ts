/**
 * The kiosk bench's browser runs: one whole procedure walked tap by tap in the kiosk and in the
 * SurveyJS peer, each tap measured the perf-anchors way (see kiosk-bench-page.ts), and 500
 * simulated kiosk sessions for memory. No tap lands while the kiosk's screen is settling (issue
 * 13: `data-settling` on `<html>`): each waits for it to go, so the settle time is never in a
 * measured tap → paint. A kiosk without the settle time never sets it, and then nothing waits.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import { sleep } from './bench-processes.js';

/** One measured tap, in ms from the release (the pointerup event's capture-phase timestamp). */
export interface TransitionSample {
  dom: number;
  raf: number;
  paint: number;
  presentAtTap: boolean;
  step: string | null;
}

/** What to do on a step to move on: tap Siguiente, tap choice `index`, or type then tap Siguiente. */
export type StepAction = { kind: 'next' } | { kind: 'choice'; index: number; choiceId: string } | { kind: 'input'; value: string };

/** One step of the walked branch, and how to leave it. */
export interface PlannedStep {
  id: string;
  action: StepAction;
  /** Leaving it sends something for real: the kiosk asks "¿Lo envía ya?" first. */
  submits: boolean;
}

/** How one app is walked: where each tap lands, what is done before it (unmeasured), and how to loop. */
export interface AppDriver {
  /** Brings the app to the branch's first step (unmeasured). */
  toFirstStep(page: Page): Promise<void>;
  /**
   * Prepares the step (answers, typing, a question to answer first) and returns the element the
   * measured tap lands on; null when the step was left unmeasured (see kioskDriver).
   */
  prepare(page: Page, step: PlannedStep): Promise<Locator | null>;
  /** Leaves the last step and gets ready for toFirstStep (unmeasured). */
  reset(page: Page): Promise<void>;
}

/** Waits until the screen no longer ignores presses (`data-settling` gone from `<html>`); at once when it was never set. */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: the kiosk's CSP forbids the eval a string predicate needs.
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { documentElement: { hasAttribute(name: string): boolean } } }).document.documentElement.hasAttribute(
        'data-settling',
      ),
    undefined,
    { timeout: 10_000, polling: 10 },
  );
}

/** An unmeasured tap with the mouse, once the screen has settled. */
async function tapWhenSettled(page: Page, target: Locator): Promise<void> {
  await settled(page);
  await target.click();
}

/** A tap on `target`, measured: scroll it into view and wait for the screen to settle (unmeasured), arm, random 0–16.7 ms wait, page.mouse.click with an 80 ms press, 100 ms idle. */
export async function measureTap(page: Page, target: Locator): Promise<TransitionSample> {
  await target.scrollIntoViewIfNeeded();
  await sleep(50);
  await settled(page);
  const hadStep = await page.evaluate('window.__kb.arm()');
  if (hadStep !== true) throw new Error('no [data-step] heading before the tap');
  const box = await target.boundingBox();
  if (!box) throw new Error('tap target is not visible');
  await sleep(Math.random() * 16.7);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { delay: 80 });
  await sleep(100);
  // A function, not a string: the kiosk's CSP forbids the eval a string predicate needs.
  try {
    await page.waitForFunction(() => (globalThis as unknown as { __kb: { done(): boolean } }).__kb.done(), undefined, { timeout: 10_000, polling: 25 });
  } catch (error) {
    const state = await page.evaluate(
      'JSON.stringify({ ...window.__kb, old: String(window.__kb.old?.outerHTML), newEl: String(window.__kb.newEl?.outerHTML), entries: window.__kb.entries.length })',
    );
    throw new Error(`no paint/double-rAF for the tap: ${String(state)}`, { cause: error });
  }
  return (await page.evaluate('window.__kb.result()')) as TransitionSample;
}

/** Walks the branch (the tapped steps, ending on `endId`) `loops` times after `warmupLoops` discarded walks; bounded by the loop counts. */
export async function walkBranch(
  page: Page,
  driver: AppDriver,
  branch: readonly PlannedStep[],
  endId: string,
  loops: number,
  warmupLoops: number,
): Promise<TransitionSample[]> {
  const samples: TransitionSample[] = [];
  for (let loop = 0; loop < warmupLoops + loops; loop++) {
    await driver.toFirstStep(page);
    for (const [index, step] of branch.entries()) {
      const shown = await page.evaluate('document.querySelector("[data-step]")?.getAttribute("data-step") ?? null');
      if (shown !== step.id) throw new Error(`expected step ${step.id} on screen, found ${String(shown)}`);
      const target = await driver.prepare(page, step);
      if (target === null) continue;
      const sample = await measureTap(page, target);
      const expected = branch[index + 1]?.id ?? endId;
      if (sample.step !== expected) throw new Error(`tap on ${step.id} led to ${String(sample.step)}, not ${expected}`);
      if (sample.presentAtTap) throw new Error(`the next step was already in the page when ${step.id} was tapped`);
      if (loop >= warmupLoops) samples.push(sample);
    }
    await driver.reset(page);
  }
  return samples;
}

/**
 * The kiosk: choices advance on tap; typed steps and others advance on Siguiente. At a step that
 * sends, Siguiente opens the question "¿Lo envía ya?" (issue 13), unmeasured, and the measured
 * tap is its "Sí", which leads to the next step. A kiosk that does not ask has already moved on:
 * that one tap is then left unmeasured.
 */
export function kioskDriver(procedureMatch: string): AppDriver {
  return {
    toFirstStep: async (page) => {
      await page.evaluate(`window.__kbDrive.toFirstStep(${JSON.stringify(procedureMatch)})`);
    },
    prepare: async (page, step) => {
      // A step in parts (issue 12) is read on to, unmeasured: to its choice, or to its last part,
      // where the forward button is "Siguiente" rather than "Seguir leyendo".
      const readOn = page.locator('.step-nav .nav-forward');
      const onLastPart = async (): Promise<boolean> => {
        const [part, parts] = await Promise.all([page.locator('main.step').getAttribute('data-part'), page.locator('main.step').getAttribute('data-parts')]);
        return part === parts;
      };
      if (step.action.kind === 'choice') {
        const choice = page.locator(`main.step button[data-choice="${step.action.choiceId}"]`);
        for (let i = 0; i < 5 && !(await choice.isVisible()); i++) await tapWhenSettled(page, readOn);
        return choice;
      }
      for (let i = 0; i < 5 && !(await onLastPart()); i++) await tapWhenSettled(page, readOn);
      if (step.action.kind === 'input') await page.locator('#step-input').fill(step.action.value);
      const forward = page.locator('.step-nav .kiosk-button-primary');
      if (!step.submits) return forward;
      await tapWhenSettled(page, forward);
      const yes = page.locator('.confirm-sheet .confirm-yes');
      const moved = page.locator(`[data-step]:not([data-step="${step.id}"])`);
      await yes.or(moved).first().waitFor();
      return (await yes.isVisible()) ? yes : null;
    },
    reset: async (page) => {
      await page.evaluate('window.__kbDrive.endSession()');
    },
  };
}

/** SurveyJS: answers are set through the model (unmeasured), every measured tap is its Next button. */
export function surveyDriver(firstStepId: string): AppDriver {
  return {
    toFirstStep: async (page) => {
      await page.locator(`[data-step="${firstStepId}"]`).waitFor();
      await sleep(400); // let any page animation finish
    },
    prepare: async (page, step) => {
      if (step.action.kind === 'choice') await page.evaluate(`window.__survey.setValue(${JSON.stringify(step.id)}, ${JSON.stringify(step.action.choiceId)})`);
      if (step.action.kind === 'input') await page.evaluate(`window.__survey.setValue(${JSON.stringify(step.id)}, ${JSON.stringify(step.action.value)})`);
      return page.locator('.sd-navigation__next-btn').first();
    },
    reset: async (page) => {
      await page.evaluate('window.__survey.clear(true, true)');
    },
  };
}

/** Heap and DOM counters after two forced garbage collections. */
export interface MemoryReading {
  heapUsed: number;
  domNodes: number;
  listeners: number;
  liveElements: number;
}

export async function readMemory(page: Page, cdp: CDPSession): Promise<MemoryReading> {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const liveElements = (await page.evaluate('document.getElementsByTagName("*").length')) as number;
  return { heapUsed: heap.usedSize, domNodes: dom.nodes, listeners: dom.jsEventListeners, liveElements };
}

/** Runs `total` kiosk sessions (start → `steps` → Empezar de nuevo); readings after the first, half and all. */
export async function sessionsMemory(
  page: Page,
  cdp: CDPSession,
  procedureMatch: string,
  steps: readonly number[],
  total: number,
): Promise<{ first: MemoryReading; middle: MemoryReading; last: MemoryReading; seconds: number }> {
  const args = `${JSON.stringify(procedureMatch)}, ${JSON.stringify(steps)}`;
  const started = performance.now();
  await page.evaluate(`window.__kbDrive.sessions(${args}, 1)`);
  const first = await readMemory(page, cdp);
  const chunk = 50;
  const half = Math.floor(total / 2);
  let middle = first;
  for (let done = 1; done < total; ) {
    const count = Math.min(chunk, (done < half ? half : total) - done);
    await page.evaluate(`window.__kbDrive.sessions(${args}, ${count})`);
    done += count;
    if (done === half) middle = await readMemory(page, cdp);
  }
  const last = await readMemory(page, cdp);
  return { first, middle, last, seconds: (performance.now() - started) / 1000 };
}
