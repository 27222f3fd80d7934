/**
 * The spoken mode (issue 17), driven as a senior who cannot see the screen drives it: by keys
 * only, knowing only what is heard. The test reads nothing on the page: every check is on the
 * player's log (support/spoken-listener.ts names each file played by its prompt). Every branch of
 * every sample procedure is walked from the attract screen to its end, typing each answer on the
 * keypad (a DNI's letter with the spoken letter picker), in Chromium against a real hub with the
 * audio the project's builder renders. Everything the mode plays goes to the headphones.
 */
import type { Page } from '@playwright/test';
import type { AudioManifest } from '../../core/audio/manifest.js';
import type { Procedure, Step } from '../../core/procedure/schema.js';
import { characterPromptId } from '../../core/tactile/describe.js';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { branchWalks, everyLink, linksTaken, sampleAnswer, type WalkStep } from './support/branch-walks.js';
import { recordSpeech } from './support/speech-log.js';
import { readTestAudio, testAudioFolder } from './support/speech-audio.js';
import { SpokenListener } from './support/spoken-listener.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0&headphones=1';

let manifest: AudioManifest;
let audioFolderBefore: string | undefined;

test.beforeAll(async () => {
  // Built once by the global setup (tests/e2e/global-setup.ts).
  manifest = await readTestAudio();
  audioFolderBefore = process.env['PASO_AUDIO_FOLDER'];
  process.env['PASO_AUDIO_FOLDER'] = testAudioFolder;
});

test.afterAll(() => {
  if (audioFolderBefore === undefined) delete process.env['PASO_AUDIO_FOLDER'];
  else process.env['PASO_AUDIO_FOLDER'] = audioFolderBefore;
});

test.beforeEach(async ({ page }) => recordSpeech(page));

const stepPrompt = (procedure: Procedure, step: Step, ...where: string[]): string => ['proc', procedure.id, 'steps', step.id, ...where].join('/');
const more = ['ui/fit.nextPart'];

/** From the attract screen, by keys: any key starts the mode; Español; Seguir; the procedure; "Sí, lo tengo" to each requirement. */
async function openByKeys(ear: SpokenListener, procedure: Procedure): Promise<number> {
  await ear.hear('ui/tactile.start', 0);
  const started = await ear.press('Numpad5');
  await ear.hear('ui/tactile.welcome', started);
  await ear.hear('ui/comfort.heading', await ear.choose('ui/language.name', { language: 'es' }));
  await ear.hear('ui/catalogue.heading', await ear.choose('ui/comfort.continue'));
  let since = await ear.choose(`proc/${procedure.id}/title`, { more: ['ui/catalogue.more'] });
  for (const requirement of procedure.requirements) {
    await ear.hear(`proc/${procedure.id}/requirements/${requirement.id}/question`, since);
    since = await ear.choose('ui/requirements.yes');
  }
  return since;
}

/** Types `answer` into the field reached: digits from the keypad, letters with the picker. */
async function typeByKeys(ear: SpokenListener, answer: string): Promise<void> {
  for (const character of answer.toUpperCase().replace(/[^0-9A-ZÑ]/g, '')) {
    if (/[0-9]/.test(character)) {
      await ear.hear(characterPromptId(character), await ear.press(`Numpad${character}`));
      continue;
    }
    // The picker opens at A; 2 goes on letter by letter, each spoken; 5 types the one heard.
    const opened = await ear.press('NumpadMultiply');
    await ear.hear('ui/tactile.picker', opened);
    let heard = (await ear.hear(characterPromptId('A'), opened)).ids;
    for (let presses = 0; !heard.includes(characterPromptId(character)); presses += 1) {
      if (presses > 40) throw new Error(`the picker never offered ${character}`);
      heard = (await ear.pressAndHear('Numpad2')).heard.ids;
    }
    await ear.hear(characterPromptId(character), await ear.press('Numpad5'));
    await ear.hear('ui/tactile.pickerClosed', await ear.press('NumpadMultiply'));
  }
}

/** Goes on from a step, answering "¿Lo envía ya?" when the step sends. */
async function goOn(ear: SpokenListener, step: Step, since: number): Promise<number> {
  if (step.submits !== true) return since;
  await ear.hear('ui/confirm.sendHeading', since);
  return ear.choose('ui/confirm.send');
}

/** Walks one branch by keys from its first step to its end, hearing each step start with its number and title. */
async function walkByKeys(ear: SpokenListener, procedure: Procedure, steps: WalkStep[], since: number): Promise<void> {
  for (const [index, at] of steps.entries()) {
    const { step } = at;
    const where = `${procedure.id} › ${steps
      .slice(0, index + 1)
      .map((s) => s.step.id)
      .join(' › ')}`;
    await test.step(where, async () => {
      const number = await ear.hear(`ui/tactile.step.${String(index + 1)}`, since);
      await ear.hear(stepPrompt(procedure, step, 'title'), number.at);
    });
    switch (step.kind) {
      case 'question': {
        const choice = step.choices.find((candidate) => candidate.id === at.choiceId);
        if (!choice) throw new Error(`${where}: no choice ${String(at.choiceId)}`);
        since = await goOn(ear, step, await ear.choose(stepPrompt(procedure, step, 'choices', choice.id, choice.say ? 'say' : 'label'), { more }));
        break;
      }
      case 'input': {
        await ear.hear('ui/tactile.typing', await ear.choose(stepPrompt(procedure, step, 'label'), { more }));
        const answer = sampleAnswer(step);
        await typeByKeys(ear, answer);
        // The typed value read back on request, character by character.
        const readBack = await ear.press('NumpadDecimal');
        await ear.hear('ui/tactile.typedIs', readBack);
        await ear.hear('ui/tactile.finished', await ear.press('NumpadEnter'));
        since = await goOn(ear, step, await ear.choose('ui/step.next', { more }));
        break;
      }
      case 'checklist':
        for (const item of step.items) {
          const ticked = await ear.choose(stepPrompt(procedure, step, 'items', item.id, 'label'), { more });
          // Said again with its new state.
          await ear.hear('ui/tactile.state.checked', ticked);
        }
        since = await goOn(ear, step, await ear.choose('ui/step.next', { more }));
        break;
      case 'done':
        await ear.hear('ui/attract.start', await ear.choose('ui/session.end', { more }));
        return;
      default:
        if (index < steps.length - 1) since = await goOn(ear, step, await ear.choose('ui/step.next', { more }));
    }
  }
  // A walk that ends on a step with nowhere to go: "Empezar de nuevo", and yes, erase.
  const restart = await ear.choose('ui/session.restart');
  const answered = steps.some(({ step }) => step.kind === 'question' || step.kind === 'input' || step.kind === 'checklist');
  await ear.hear('ui/attract.start', answered ? (await ear.hear('ui/confirm.eraseHeading', restart), await ear.choose('ui/confirm.erase')) : restart);
}

async function openKiosk(page: Page): Promise<SpokenListener> {
  await page.goto(kioskUrl);
  return new SpokenListener(page, manifest);
}

test.describe('the spoken mode, by keys and ear only', () => {
  for (const procedure of sampleProcedures()) {
    test(`${procedure.id}: every branch, from the attract screen to the end`, async ({ page }) => {
      test.setTimeout(300_000);
      const walks = branchWalks(procedure);
      expect(new Set(walks.flatMap(linksTaken))).toEqual(new Set(everyLink(procedure)));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const ear = await openKiosk(page);
      for (const steps of walks) {
        const began = await ear.now();
        await walkByKeys(ear, procedure, steps, await openByKeys(ear, procedure));
        // Everything the mode played went to the headphones, never the speaker.
        const heard = await ear.heardSince(began);
        const modeOver = heard.findIndex((one) => one.ids.includes('ui/attract.start'));
        const inMode = heard.slice(
          heard.findIndex((one) => one.ids.includes('ui/tactile.welcome')),
          modeOver < 0 ? undefined : modeOver,
        );
        expect(inMode.filter((one) => one.output !== 'headphones').map((one) => `${one.id} → ${String(one.output)}`)).toEqual([]);
        expect(heard.filter((one) => one.id.startsWith('unknown'))).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }
});
