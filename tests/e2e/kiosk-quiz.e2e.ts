/**
 * The quiz step on the kiosk (issue 18), with a small practice lesson written here and served by
 * a real hub of its own: in Spanish, English and Arabic the question offers big answer buttons
 * and no "Siguiente"; any answer keeps the step and shows, and says, the senior's answer, the safe
 * answer and the explanation, with no word of right or wrong; "Atrás" returns to the question,
 * which can be answered again, and "Siguiente" goes on. Both phases fit without scrolling on the
 * four supported screens at 64 px (the fit and geometry scans, through every part), and every
 * control on them names itself for the spoken mode by a prompt the hub can speak.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import type { RunningHub } from '../../hub/server.js';
import { startDemoHub } from './fixtures/hub.js';
import { layoutRules } from './support/accessibility.js';
import { installFitScan } from './support/fit-matrix.js';
import { kioskUrl, supportedScreens } from './support/kiosk-screens.js';
import { kioskWords } from './support/kiosk-locale.js';
import { SpokenListener } from './support/spoken-listener.js';
import { recordSpeech } from './support/speech-log.js';
import { readTestAudio, testAudioFolder } from './support/speech-audio.js';
import { procedureFrom, workshopSources } from '../support/procedures.js';

const token = 'demo-kiosk-1-device-token-not-a-secret';
const lessonId = 'leccion-quiz';

/** The lesson: an introduction, a quiz of three answers with a long explanation, the end. */
const lessonYaml = `id: ${lessonId}
version: 1
title: { es: Su PIN es solo suyo, en: Your PIN is yours alone, ar: رقمك السري لك وحدك }
summary: { es: Una lección de práctica., en: A practice lesson., ar: درس تدريبي. }
icon: test
officialUrl: https://sede.madrid.es/
owner: Pruebas
lastVerified: 2026-11-01
languages: [es, en, ar]
reviewedLanguages: [es, en, ar]
practice: true
steps:
  - id: inicio
    kind: info
    title: { es: Vamos a practicar, en: Let us practise, ar: لنتدرب }
    text: { es: Le haremos una pregunta., en: We will ask you a question., ar: سنطرح عليك سؤالا. }
    next: pregunta
  - id: pregunta
    kind: quiz
    title: { es: Alguien le pide su PIN por teléfono, en: Someone asks for your PIN on the phone, ar: شخص يطلب رقمك السري بالهاتف }
    text: { es: Dice que llama del banco. ¿Qué hace usted?, en: They say they are calling from the bank. What do you do?, ar: يقول إنه يتصل من البنك. ماذا تفعل؟ }
    choices:
      - { id: dar, label: { es: Se lo digo para no tener problemas, en: I tell them so as not to have problems, ar: أخبره حتى لا تحدث مشاكل } }
      - { id: colgar, label: { es: Cuelgo y llamo yo al banco, en: I hang up and call the bank myself, ar: أغلق الخط وأتصل بالبنك بنفسي }, correct: true }
      - { id: pensar, label: { es: Le pido que llame más tarde, en: I ask them to call back later, ar: أطلب منه أن يتصل لاحقا } }
    explanation:
      es: El banco nunca le pide el PIN, ni por teléfono ni por mensaje. Si alguien se lo pide, cuelgue y llame usted al número de su tarjeta. Así sabe con quién habla.
      en: Your bank never asks for your PIN, not by phone and not by message. If someone asks for it, hang up and call the number on your card yourself. Then you know who you are talking to.
      ar: البنك لا يطلب رقمك السري أبدا، لا بالهاتف ولا برسالة. إذا طلبه أحد، أغلق الخط واتصل أنت بالرقم المكتوب على بطاقتك. هكذا تعرف مع من تتكلم.
    next: fin
  - id: fin
    kind: done
    title: { es: Ha terminado la lección, en: You have finished the lesson, ar: انتهى الدرس }
    text: { es: Muy bien hecho el ejercicio., en: Well done on the exercise., ar: أحسنت في التمرين. }
`;

/** Each language's words for the lesson's quiz, as the screen shows them. */
const lessonWords = {
  es: {
    give: 'Se lo digo para no tener problemas',
    safe: 'Cuelgo y llamo yo al banco',
    explanation: 'El banco nunca le pide el PIN',
    done: 'Ha terminado la lección',
  },
  en: {
    give: 'I tell them so as not to have problems',
    safe: 'I hang up and call the bank myself',
    explanation: 'Your bank never asks for your PIN',
    done: 'You have finished the lesson',
  },
  ar: {
    give: 'أخبره حتى لا تحدث مشاكل',
    safe: 'أغلق الخط وأتصل بالبنك بنفسي',
    explanation: 'البنك لا يطلب رقمك السري أبدا',
    done: 'انتهى الدرس',
  },
} as const;

/** Words that would judge the senior; none may be on the explanation screen. */
const judging = /incorrect|wrong|right answer|¡bien!|\bmal\b|error|equivocad|acertad|خطأ|صحيح|خاطئ/i;

/** The workshop's safety lessons, each with its quizzes. */
const safetyLessons = workshopSources().filter(({ text }) => /\n {4}kind: quiz\n/.test(text));

/** Each built file's address and the prompts it says (files are shared by prompts with the same words). */
const builtFiles = new Map<string, { id: string; language: string }[]>();

const test = base.extend<{ hub: RunningHub }>({
  // A hub whose only script is the lesson above, seeded like the demo hub (accounts, kiosks).
  // eslint-disable-next-line no-empty-pattern
  hub: async ({}, use) => {
    const dataFolder = await mkdtemp(path.join(tmpdir(), 'paso-e2e-quiz-'));
    const proceduresFolder = path.join(dataFolder, 'procedures');
    await mkdir(proceduresFolder);
    await writeFile(path.join(proceduresFolder, `${lessonId}.yaml`), lessonYaml);
    // The safety lessons (assets/procedures/workshop), whose quizzes are scanned for fit too.
    for (const { fileName, text } of safetyLessons) await writeFile(path.join(proceduresFolder, fileName), text);
    const hub = await startDemoHub(dataFolder, { proceduresFolder, audioFolder: testAudioFolder });
    try {
      await use(hub);
    } finally {
      await hub.close();
      await rm(dataFolder, { recursive: true, force: true });
    }
  },
  baseURL: async ({ hub }, use) => {
    await use(hub.url);
  },
});

/**
 * Opens the lesson at a step, in a language and text size (renderer/kiosk/session/open-at.ts):
 * a fresh kiosk page when `load` (the kiosk opens there once its catalogue has come), else the
 * kiosk already running, by its fragment.
 */
async function openAt(page: Page, stepId: string, language: string, size = 48, load = false, procedureId = lessonId): Promise<void> {
  const at = `at=${procedureId}/${stepId}&lang=${language}&size=${size}`;
  if (load) await page.goto(`${kioskUrl}&${at}`);
  else await page.evaluate((hash) => (window.location.hash = hash), at);
  await expect(page.locator(`main[data-procedure-id="${procedureId}"][data-step-id="${stepId}"][data-packed]`)).toBeVisible();
}

/** Presses "Seguir leyendo" until `target` is in sight (a long screen is split into parts at large text sizes). */
async function revealOnPart(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  const main = page.locator('main[data-step-id]');
  for (let turn = 0; turn < 6 && !(await target.isVisible()) && (await main.getAttribute('data-part')) !== '1'; turn++)
    await page.locator('.help-dock [data-part-nav="previous"]').click({ timeout: 5000 });
  for (let turn = 0; turn < 6 && !(await target.isVisible()); turn++) await page.locator('.help-dock [data-part-nav="next"]').click({ timeout: 5000 });
  await expect(target).toBeVisible();
}

/**
 * What the kiosk asked the hub to say, in order (prompt id and language), read from the prompt
 * route's requests: the lesson is not in the audio build, so each of its texts goes through it.
 */
function promptRequests(page: Page): { id: string; language: string; url: string }[] {
  const asked: { id: string; language: string; url: string }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname !== '/api/kiosk/speech/prompt' || !response.ok()) return;
    void response
      .json()
      .then((body: { ogg?: string }) =>
        asked.push({ id: url.searchParams.get('id') ?? '', language: url.searchParams.get('language') ?? '', url: body.ogg ?? '' }),
      )
      .catch(() => undefined);
  });
  return asked;
}

/** The addresses the kiosk's player played, in order (speech-log.ts). */
async function played(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { __pasoSpeech?: { events: { type: string; url: string }[] } }).__pasoSpeech?.events ?? [])
      .filter((event) => event.type === 'play')
      .map((event) => event.url),
  );
}

/** The controls the spoken mode reaches (its selector and filters, as kiosk-spoken-coverage reads them) and the prompt ids each is named by. */
async function spokenNames(page: Page): Promise<{ text: string; ids: string[] }[]> {
  return page.evaluate(() => {
    const selector = 'button, input:not([type="hidden"]), textarea, select, a[href], [role="button"], [role="checkbox"], [role="radio"]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter(
        (element) =>
          !element.closest('[inert], [data-spoken-skip], [aria-hidden="true"]') &&
          !(element as HTMLButtonElement).disabled &&
          element.getClientRects().length > 0 &&
          window.getComputedStyle(element).visibility !== 'hidden',
      )
      .map((element) => ({
        text: (element.textContent ?? '').trim().slice(0, 60),
        ids: element.dataset['spoken'] ? (JSON.parse(element.dataset['spoken']) as { id: string }[]).map((part) => part.id) : [],
      }));
  });
}

test.beforeAll(async () => {
  const manifest = await readTestAudio();
  for (const [id, languages] of Object.entries(manifest.prompts))
    for (const [language, audio] of Object.entries(languages))
      for (const files of Object.values(audio.speeds))
        for (const file of [files.ogg, files.mp3])
          if (file !== undefined) builtFiles.set(`/audio/${file}`, [...(builtFiles.get(`/audio/${file}`) ?? []), { id, language }]);
});

/** The spoken names of the controls on each part of the step on screen, from its first part to its last. */
async function spokenNamesOnEveryPart(page: Page): Promise<{ text: string; ids: string[] }[]> {
  const main = page.locator('main[data-step-id][data-packed]');
  for (let turn = 0; turn < 6 && (await main.getAttribute('data-part')) !== '1'; turn++)
    await page.locator('.help-dock [data-part-nav="previous"]').click({ timeout: 5000 });
  const parts = Number((await main.getAttribute('data-parts')) ?? '1');
  const names: { text: string; ids: string[] }[] = [];
  for (let part = 1; part <= parts; part++) {
    await expect(main).toHaveAttribute('data-part', String(part));
    names.push(...(await spokenNames(page)));
    if (part < parts) await page.locator('.help-dock [data-part-nav="next"]').click({ timeout: 5000 });
  }
  return names;
}

for (const language of ['es', 'en', 'ar'] as const) {
  test(`a quiz asks, then after any answer shows and says the answer, the safe answer and the explanation, never a verdict (${language})`, async ({
    page,
    hub,
  }) => {
    test.setTimeout(120_000);
    const t = kioskWords(language);
    const words = lessonWords[language];
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await recordSpeech(page);
    const asked = promptRequests(page);
    await openAt(page, 'pregunta', language, 48, true);
    const main = page.locator('main[data-step-id="pregunta"]');
    await expect(main).toHaveAttribute('data-step-kind', 'quiz');
    await expect(page.locator('html')).toHaveAttribute('lang', language);

    // Asking: the answers are big buttons, and there is no way on before an answer.
    await expect(page.locator('[data-choice]')).toHaveCount(3);
    await expect(page.getByRole('button', { name: t('step.next'), exact: true })).toHaveCount(0);
    await expect(page.locator('[data-quiz-answer]')).toHaveCount(0);
    const giveButton = page.getByRole('button', { name: words.give });
    await revealOnPart(page, giveButton);
    const buttonHeight = (await giveButton.boundingBox())?.height ?? 0;
    expect(buttonHeight).toBeGreaterThanOrEqual(88);
    await page.screenshot({ path: `/tmp/pw-A-shots/quiz-${language}-ask.png` });

    // An answer that is not the safe one: the same step, now explaining.
    await giveButton.click();
    const chosen = page.locator('[data-quiz-answer="chosen"]');
    await expect(chosen).toBeVisible();
    await expect(main).toHaveAttribute('data-step-id', 'pregunta');
    await expect(chosen).toContainText(t('quiz.yourAnswer'));
    await expect(chosen).toContainText(words.give);
    const safe = page.locator('[data-quiz-answer="safe"]');
    await expect(safe).toContainText(t('quiz.safeAnswer'));
    await expect(safe).toContainText(words.safe);
    await expect(page.locator('[data-choice]:is(button)')).toHaveCount(0);
    const explanation = page.locator('.quiz-explanation').first();
    await revealOnPart(page, explanation);
    await expect(explanation).toContainText(words.explanation);
    expect(await page.locator('.kiosk').innerText()).not.toMatch(judging);
    // The two answers look alike: no colour or mark tells right from wrong.
    const looks = await page.locator('[data-quiz-answer]').evaluateAll((lines) =>
      lines.map((line) => {
        const style = getComputedStyle(line);
        return `${style.color} ${style.backgroundColor} ${style.borderInlineStartColor} ${style.fontWeight}`;
      }),
    );
    if (looks.length === 2) expect(looks[0]).toBe(looks[1]);
    await page.screenshot({ path: `/tmp/pw-A-shots/quiz-${language}-explain.png` });

    // Said: "Usted eligió:", the answer, "La respuesta segura:", the safe answer, the explanation, in order, and played.
    const step = `proc/${lessonId}/steps/pregunta`;
    const reading = ['ui/quiz.yourAnswer', `${step}/choices/dar/label`, 'ui/quiz.safeAnswer', `${step}/choices/colgar/label`, `${step}/explanation`];
    // Heard: a file played that is the prompt's, from the audio build (the kiosk's words) or from the hub's prompt route (the lesson's).
    const heardIds = async (): Promise<string[]> =>
      (await played(page)).flatMap((url) => [
        ...(builtFiles
          .get(url)
          ?.filter((file) => file.language === language)
          .map((file) => file.id) ?? []),
        ...asked.filter((request) => request.url !== '' && (url === request.url || url.endsWith(`/${request.url}`))).map((request) => request.id),
      ]);
    await expect
      .poll(
        async () => {
          const heard = await heardIds();
          return reading.filter((id) => heard.includes(id));
        },
        { timeout: 60_000 },
      )
      .toEqual(reading);
    // In that order, after the question's own words.
    const order = await heardIds();
    const at = reading.map((id) => order.lastIndexOf(id));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const procedureTexts = asked.filter((request) => request.id.startsWith('proc/'));
    expect(procedureTexts.every((request) => request.language === language)).toBe(true);

    // "Atrás" goes back to the question, which can be answered again: the safe answer this time.
    await page
      .locator('.help-dock')
      .getByRole('button', { name: t('step.back'), exact: true })
      .click();
    await expect(page.locator('[data-quiz-answer]')).toHaveCount(0);
    await expect(page.locator('[data-choice]')).toHaveCount(3);
    const safeButton = page.getByRole('button', { name: words.safe });
    await revealOnPart(page, safeButton);
    await safeButton.click();
    await expect(chosen).toContainText(words.safe);
    await expect(safe).toContainText(words.safe);
    expect(await page.locator('.kiosk').innerText()).not.toMatch(judging);

    // "Siguiente" goes on to the end of the lesson.
    const next = page.locator('.help-dock').getByRole('button', { name: t('step.next'), exact: true });
    for (let turn = 0; turn < 6 && !(await next.isVisible()); turn++) await page.locator('.help-dock [data-part-nav="next"]').click();
    await next.click();
    await expect(page.getByRole('heading', { name: words.done })).toBeVisible();
    expect(errors).toEqual([]);
    expect(hub.url).toMatch(/^http/);
  });
}

test('every control of a quiz, asking and explaining, has a spoken name the hub can say, in es, en and ar', async ({ page, hub }) => {
  test.setTimeout(120_000);
  for (const language of ['es', 'en', 'ar'] as const) {
    await openAt(page, 'pregunta', language, 48, language === 'es');
    const asking = await spokenNamesOnEveryPart(page);
    const answer = page.locator('[data-choice="pensar"]');
    await revealOnPart(page, answer);
    await answer.click();
    await expect(page.locator('[data-quiz-answer="chosen"]')).toBeVisible();
    const explaining = await spokenNamesOnEveryPart(page);
    for (const control of [...asking, ...explaining]) expect(control.ids, `${language}: "${control.text}" has no spoken name`).not.toEqual([]);
    // The answers are named by their own prompts, "answer i of 3"; Atrás and Siguiente by the kiosk's words.
    expect(asking.filter((control) => control.ids.some((id) => id.includes('/choices/')))).toHaveLength(3);
    expect(explaining.flatMap((control) => control.ids)).toEqual(expect.arrayContaining(['ui/step.back', 'ui/step.next']));
    for (const id of new Set([...asking, ...explaining].flatMap((control) => control.ids))) {
      const spoken = await fetch(`${hub.url}/api/kiosk/speech/prompt?${new URLSearchParams({ id, language, speed: 'normal' })}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(spoken.status, `${language}: the hub cannot say ${id}`).toBe(200);
    }
  }
});

test('a quiz fits without scrolling on the four supported screens at 64 px, asking and explaining, in es, en and ar', async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const partsSeen: string[] = [];
  for (const screen of supportedScreens) {
    await page.setViewportSize(screen);
    for (const language of ['es', 'en', 'ar'] as const) {
      const where = `${screen.width}×${screen.height} ${language}`;
      await openAt(page, 'pregunta', language, 64, language === 'es');
      if (language === 'es') await installFitScan(page);
      await expect(page.locator('.kiosk')).toHaveAttribute('data-text-size', '64');
      partsSeen.push(`${where} asking: ${await scanEveryPart(page, `${where} asking`, problems, true)}`);
      const answer = page.locator('[data-choice="dar"]');
      await revealOnPart(page, answer);
      await answer.click();
      await expect(page.locator('main[data-step-id="pregunta"][data-packed] [data-quiz-answer="chosen"]')).toBeAttached();
      partsSeen.push(`${where} explaining: ${await scanEveryPart(page, `${where} explaining`, problems, true)}`);
    }
  }
  console.log(`quiz parts at 64 px: ${partsSeen.join('; ')}`);
  expect(problems).toEqual([]);
});

/** Scans each part of the step on screen with the fit and geometry scans (fit-matrix.ts installs them); returns the number of parts. */
async function scanEveryPart(page: Page, where: string, problems: string[], photograph = false): Promise<number> {
  const main = page.locator('main[data-step-id][data-packed]');
  await expect(main).toBeVisible();
  // The first part, from the start: a part moved to by an earlier reveal starts again at 1.
  for (let turn = 0; turn < 6 && (await main.getAttribute('data-part')) !== '1'; turn++) await page.locator('.help-dock [data-part-nav="previous"]').click();
  const parts = Number((await main.getAttribute('data-parts')) ?? '1');
  for (let part = 1; part <= parts; part++) {
    await expect(main).toHaveAttribute('data-part', String(part));
    await settle(page);
    const found = await page.evaluate((rules) => {
      const fit = (window as unknown as { __scanFit?: () => string[] }).__scanFit;
      const layout = (window as unknown as { __scanLayout?: (r: unknown) => string[] }).__scanLayout;
      if (!fit || !layout) throw new Error('installFitScan(page) first');
      return [...fit(), ...layout(rules)];
    }, layoutRules);
    problems.push(...found.map((problem) => `${where}, part ${part} of ${parts}: ${problem}`));
    if (photograph) await page.screenshot({ path: `/tmp/pw-A-shots/fit-${where.replace(/[^a-z0-9]+/gi, '-')}-p${part}.png` });
    if (part < parts) await page.locator('.help-dock [data-part-nav="next"]').click();
  }
  return parts;
}

/** Waits until nothing on the step moves for two frames (pictures, the dock's height, the pager). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    let last = '';
    for (let tick = 0; tick < 300; tick++) {
      await frame();
      const main = document.querySelector<HTMLElement>('main[data-step-id]');
      const dock = document.querySelector<HTMLElement>('.help-dock');
      const signature = `${main?.dataset['part']}/${main?.dataset['parts']}/${main?.clientHeight}/${main?.scrollHeight}/${dock?.getBoundingClientRect().height}`;
      if (signature === last) return;
      last = signature;
    }
  });
}

test("the safety lessons' quizzes fit too, asking and explaining, on the four supported screens at 64 px, in each of their languages", async ({ page }) => {
  test.setTimeout(600_000);
  const quizzes = safetyLessons.flatMap(({ text }) => {
    const lesson = procedureFrom(text);
    return lesson.steps.flatMap((step) =>
      step.kind === 'quiz' ? [{ procedureId: lesson.id, stepId: step.id, choiceId: step.choices[0]?.id ?? '', languages: lesson.languages }] : [],
    );
  });
  expect(quizzes.length).toBeGreaterThanOrEqual(3);
  const problems: string[] = [];
  let scans = 0;
  for (const screen of supportedScreens) {
    await page.setViewportSize(screen);
    let loaded = false;
    for (const quiz of quizzes) {
      for (const language of quiz.languages.filter((code) => ['es', 'en', 'ar'].includes(code))) {
        const where = `${screen.width}×${screen.height} ${quiz.procedureId}/${quiz.stepId} ${language}`;
        await openAt(page, quiz.stepId, language, 64, !loaded, quiz.procedureId);
        if (!loaded) await installFitScan(page);
        loaded = true;
        await scanEveryPart(page, `${where} asking`, problems);
        const answer = page.locator(`[data-choice="${quiz.choiceId}"]`);
        await revealOnPart(page, answer);
        await answer.click();
        await expect(page.locator('main[data-step-id][data-packed] [data-quiz-answer="chosen"]')).toBeAttached();
        await scanEveryPart(page, `${where} explaining`, problems);
        scans += 2;
      }
    }
  }
  console.log(`safety lessons: ${quizzes.length} quizzes, ${scans} screens scanned at 64 px`);
  expect(problems).toEqual([]);
});

test('the spoken mode, by keys and ear only, reaches a quiz’s answers, chooses one, hears the reading and goes on', async ({ page }) => {
  test.setTimeout(180_000);
  const lesson = procedureFrom(safetyLessons.find(({ fileName }) => fileName === 'leccion-sms-falso.yaml')?.text ?? '');
  const quiz = lesson.steps.find((step) => step.kind === 'quiz');
  if (quiz?.kind !== 'quiz') throw new Error('no quiz in leccion-sms-falso');
  const stepPrompt = (...where: string[]): string => ['proc', lesson.id, 'steps', quiz.id, ...where].join('/');
  const more = ['ui/fit.nextPart'];
  await recordSpeech(page);
  await page.goto(`${kioskUrl}&headphones=1`);
  const ear = new SpokenListener(page, await readTestAudio());
  // From the attract screen: any key starts the mode; Español; Seguir; the lesson; Siguiente to its quiz.
  await ear.hear('ui/tactile.start', 0);
  await ear.hear('ui/tactile.welcome', await ear.press(ear.keys.choose));
  await ear.hear('ui/comfort.heading', await ear.choose('ui/language.name', { language: 'es' }));
  await ear.hear('ui/catalogue.heading', await ear.choose('ui/comfort.continue'));
  let since = await ear.choose(`proc/${lesson.id}/title`, { more: ['ui/catalogue.more'] });
  for (const requirement of lesson.requirements) {
    await ear.hear(`proc/${lesson.id}/requirements/${requirement.id}/question`, since);
    since = await ear.choose('ui/requirements.yes');
  }
  for (const step of lesson.steps.slice(0, lesson.steps.indexOf(quiz))) {
    await ear.hear(`proc/${lesson.id}/steps/${step.id}/title`, since);
    since = await ear.choose('ui/step.next', { more });
  }
  // The quiz is said with its answers; the first answer is reached and chosen by keys.
  await ear.hear(stepPrompt('title'), since);
  const first = quiz.choices[0];
  if (!first) throw new Error('a quiz without answers');
  const chosen = await ear.choose(stepPrompt('choices', first.id, first.say ? 'say' : 'label'), { more });
  // The reading, in order, in the headphones: the answer given, the safe one, the explanation.
  const safe = quiz.choices.find((choice) => choice.correct === true);
  if (!safe) throw new Error('a quiz without a safe answer');
  const heard: string[] = [];
  for (const id of [
    'ui/quiz.yourAnswer',
    stepPrompt('choices', first.id, 'label'),
    'ui/quiz.safeAnswer',
    stepPrompt('choices', safe.id, 'label'),
    stepPrompt('explanation'),
  ]) {
    const at = await ear.hear(id, chosen);
    heard.push(`${id}@${at.output ?? '?'}`);
  }
  expect(heard.every((entry) => entry.endsWith('@headphones'))).toBe(true);
  // Siguiente is reached and goes on to the next step.
  const next = lesson.steps[lesson.steps.indexOf(quiz) + 1];
  await ear.hear(`proc/${lesson.id}/steps/${next?.id ?? ''}/title`, await ear.choose('ui/step.next', { more }));
});
