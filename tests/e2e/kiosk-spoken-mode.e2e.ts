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
import { pickerItems } from '../../core/tactile/picker.js';
import { sampleProcedures } from '../support/procedures.js';
import { expect, test } from './fixtures/hub.js';
import { branchWalks, everyLink, linksTaken, sampleAnswer, type WalkStep, walkLabel } from './support/branch-walks.js';
import { recordSpeech } from './support/speech-log.js';
import { readTestAudio, serveAudioFrom, testAudioFolder } from './support/speech-audio.js';
import { SpokenListener } from './support/spoken-listener.js';
import { loginToken, volunteers } from './support/volunteer-console.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

const kioskUrl = '/kiosk/#token=demo-kiosk-1-device-token-not-a-secret&settle=0&headphones=1';

/**
 * Every branch of every sample takes about a quarter of an hour of browser time on a two-core
 * machine (each screen is listened to, key by key): `.ci/run` walks them all (PASO_SPOKEN_ALL=1,
 * issue 17's "done when"); `npm test` alone walks each sample's first walk, the one that takes the
 * most of its links.
 */
const everyBranch = Boolean(process.env['PASO_SPOKEN_ALL']);

let manifest: AudioManifest;
let restoreAudioFolder = (): void => undefined;

test.beforeAll(async () => {
  // Built once by the global setup (tests/e2e/global-setup.ts).
  manifest = await readTestAudio();
  restoreAudioFolder = serveAudioFrom(testAudioFolder);
});

test.afterAll(() => {
  restoreAudioFolder();
});

test.beforeEach(async ({ page }) => recordSpeech(page));

const stepPrompt = (procedure: Procedure, step: Step, ...where: string[]): string => ['proc', procedure.id, 'steps', step.id, ...where].join('/');
const more = ['ui/fit.nextPart'];

/** From the attract screen, by keys: any key starts the mode; Español; Seguir; the procedure; "Sí, lo tengo" to each requirement. */
async function openByKeys(ear: SpokenListener, procedure: Procedure): Promise<number> {
  await ear.hear('ui/tactile.start', 0);
  const started = await ear.press(ear.keys.choose);
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
    await ear.hear(characterPromptId('A'), opened);
    // Round the shorter way, as a senior who knows the ring would: Z is nearer going back from A.
    const target = pickerItems.findIndex((item) => item.kind === 'character' && item.character === character);
    const back = target > pickerItems.length / 2;
    await pick(ear, characterPromptId(character), [characterPromptId('A')], back ? 'Numpad8' : ear.keys.next);
    await ear.hear(characterPromptId(character), await ear.press(ear.keys.choose));
    await ear.hear('ui/tactile.pickerClosed', await ear.press('NumpadMultiply'));
  }
}

/** Moves through the open picker until `id` is heard (`heard` is what was heard last). */
async function pick(ear: SpokenListener, id: string, heard: readonly string[], key = ear.keys.next): Promise<void> {
  for (let presses = 0; !heard.includes(id); presses += 1) {
    if (presses > 45) throw new Error(`the picker never offered ${id}`);
    heard = (await ear.pressAndHear(key)).heard.ids;
  }
}

/**
 * Types `answer` with two switches alone: the move switch opens the picker and scans it, the
 * choose switch types what is heard; "Terminar de escribir" ends.
 */
async function typeBySwitches(ear: SpokenListener, answer: string): Promise<void> {
  const opened = await ear.press(ear.keys.next);
  await ear.hear('ui/tactile.picker', opened);
  let heard = (await ear.hear(characterPromptId('A'), opened)).ids;
  for (const character of answer.toUpperCase().replace(/[^0-9A-ZÑ]/g, '')) {
    await pick(ear, characterPromptId(character), heard);
    await ear.hear(characterPromptId(character), await ear.press(ear.keys.choose));
    heard = [characterPromptId(character)];
  }
  await pick(ear, 'ui/tactile.command.finish', heard);
  await ear.hear('ui/tactile.finished', await ear.press(ear.keys.choose));
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
    const where = walkLabel(procedure, steps, index);
    await test.step(where, async () => {
      const number = await ear.hear(`ui/tactile.step.${String(index + 1)}`, since);
      const title = await ear.hear(stepPrompt(procedure, step, 'title'), number.at);
      // A sensitive step is heard in this mode, and only through the headphones.
      if (step.sensitive === true) expect(title.output, `${where}: where the sensitive step was heard`).toBe('headphones');
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
        if (ear.keys.next === 'Space') {
          await typeBySwitches(ear, answer);
        } else {
          await typeByKeys(ear, answer);
          // The typed value read back on request, character by character.
          const readBack = await ear.press('NumpadDecimal');
          await ear.hear('ui/tactile.typedIs', readBack);
          await ear.hear('ui/tactile.finished', await ear.press('NumpadEnter'));
        }
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

async function openKiosk(page: Page, keys?: { next: string; choose: string }): Promise<SpokenListener> {
  await page.goto(kioskUrl);
  return new SpokenListener(page, manifest, keys);
}

/** How many characters a walk types. */
const typedIn = (walk: WalkStep[]): number => walk.reduce((sum, { step }) => sum + (step.kind === 'input' ? sampleAnswer(step).length : 0), 0);

test.describe('the spoken mode, by keys and ear only', () => {
  for (const procedure of sampleProcedures()) {
    test(`${procedure.id}: ${everyBranch ? 'every branch' : 'its longest walk'}, from the attract screen to the end`, async ({ page }) => {
      // Every branch of cita-previa took 4 minutes on a busy two-core machine.
      test.setTimeout(everyBranch ? 900_000 : 300_000);
      const all = branchWalks(procedure);
      // The walks take every link of the script: nothing of it is left untried.
      expect(new Set(all.flatMap(linksTaken))).toEqual(new Set(everyLink(procedure)));
      const walks = everyBranch ? all : all.slice(0, 1);
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

  test('two switches alone (Space moves, Enter chooses) complete a procedure, typing by scanning the picker', async ({ page }) => {
    test.setTimeout(300_000);
    // The walk with the least to type, of all the samples' walks.
    const [procedure, walk] =
      sampleProcedures()
        .flatMap((candidate) => branchWalks(candidate).map((steps) => [candidate, steps] as const))
        .sort(([, a], [, b]) => typedIn(a) * 4 + a.length - (typedIn(b) * 4 + b.length))[0] ?? [];
    if (!procedure || !walk) throw new Error('no sample walks');
    const ear = await openKiosk(page, { next: 'Space', choose: 'Enter' });
    await walkByKeys(ear, procedure, walk, await openByKeys(ear, procedure));
  });

  test('"¿Sigue ahí?" is spoken and answered by any key', async ({ page }) => {
    test.setTimeout(120_000);
    const procedure = sampleProcedures().find((candidate) => candidate.id === 'certificado-empadronamiento');
    if (!procedure) throw new Error('no certificado-empadronamiento');
    await page.clock.install();
    const ear = await openKiosk(page);
    const first = await openByKeys(ear, procedure);
    await ear.hear(`proc/${procedure.id}/steps/${procedure.steps[0]?.id ?? ''}/title`, first);

    // Two quiet minutes: the warning is spoken; a key (any: here the volume key) answers it.
    const quiet = await ear.now();
    await page.clock.runFor(121_000);
    const warned = await ear.hear('ui/idle.heading', quiet);
    await ear.press('Numpad1');
    // Answered: a minute more does not wipe the session.
    await page.clock.runFor(61_000);
    const after = (await ear.heardSince(warned.at)).flatMap((heard) => heard.ids);
    expect(after).not.toContain('ui/attract.wiped');
    expect(after).not.toContain('ui/attract.start');
    // Still on the step, still in the spoken mode: 2 reaches its "Siguiente".
    await ear.reach('ui/step.next');
  });

  test('the help key calls a volunteer as the button does, the news is spoken into the headphones, and the volunteer is told the mode', async ({
    page,
    hub,
  }) => {
    test.setTimeout(120_000);
    const procedure = sampleProcedures().find((candidate) => candidate.id === 'certificado-empadronamiento');
    if (!procedure) throw new Error('no certificado-empadronamiento');
    const ear = await openKiosk(page);
    const first = await openByKeys(ear, procedure);
    await ear.hear(`proc/${procedure.id}/steps/${procedure.steps[0]?.id ?? ''}/title`, first);

    // The help key: the call's news ("Llamando…", at once replaced by the queue's place, which
    // the hub speaks on demand), into the headphones.
    const newsSince = async (since: number) => (await ear.heardSince(since)).filter((heard) => heard.id.startsWith('unknown /audio/speech/'));
    const called = await ear.press('NumpadAdd');
    await expect.poll(async () => (await newsSince(called)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const volunteerToken = await loginToken(hub.url, volunteers.ana);
    const auth = { authorization: `Bearer ${volunteerToken}`, 'content-type': 'application/json' };
    await fetch(hub.url + apiRoutes.volunteerAvailability.path, { method: 'PUT', headers: auth, body: JSON.stringify({ available: true }) });
    const { calls } = (await (await fetch(hub.url + apiRoutes.volunteerCalls.path, { headers: auth })).json()) as { calls: { id: string; mode: string }[] };
    expect(calls.map((call) => call.mode)).toEqual(['spoken']);
    const accepted = await ear.now();
    await fetch(hub.url + fillPath('volunteerAccept', { id: calls[0]?.id ?? '' }), { method: 'POST', headers: { authorization: `Bearer ${volunteerToken}` } });
    // "Ana viene para ayudarle", a sentence the hub speaks on demand (its name is live), into the headphones.
    await expect.poll(async () => (await newsSince(accepted)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await newsSince(called)).map((heard) => heard.output)).not.toContain('speaker');
  });
});
