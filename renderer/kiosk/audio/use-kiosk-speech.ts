/**
 * Makes every kiosk screen speak: when a screen appears its instruction is said (and what a tap
 * is likely to show next is loaded), the help panel's news and the idle warning are said when
 * they change, the session's speech settings drive the channel, and a new session starts from
 * the defaults with nothing to repeat. The lists come from core/audio/screen-speech.ts.
 */
import { useEffect } from 'react';
import type { Utterance } from '../../../core/audio/channel.js';
import {
  catalogueUtterances,
  helpStatusUtterances,
  missingUtterances,
  nextStepsUtterances,
  quizExplanationUtterances,
  requirementUtterances,
  stepUtterances,
  ui,
  workshopHandUtterances,
  workshopPauseUtterances,
} from '../../../core/audio/screen-speech.js';
import { compileProcedure, quizView } from '../../../core/engine/index.js';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';
import type { HandShown } from '../../../core/kiosk/workshop-participation.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { kioskLanguages } from '../i18n/kiosk-i18n.js';
import { maxSpokenStepNumber, stepNumberPromptId } from '../../../core/tactile/describe.js';
import type { KioskSession } from '../session/kiosk-session.js';
import { procedureLanguage } from '../steps/procedure-language.js';
import { useSpeech, useSpeechAvailability } from './speech-context.js';

/** What {@link useKioskSpeech} reads from the app. */
export interface KioskSpeechInput {
  session: KioskSession;
  procedures: readonly Procedure[];
  /** The catalogue is still loading from the hub. */
  loading: boolean;
  /** The hub could not be reached when the kiosk started. */
  hubDown: boolean;
  help: HelpCallStatus;
  /** The idle warning is on screen. */
  idleWarning: boolean;
  /** In a workshop (issue 18): the hand where the help call's status goes, and the trainer's pause. */
  workshop?: { hand: HandShown; paused: boolean };
  /**
   * How many parts the step on screen is split into to fit the screen (1 when it fits);
   * undefined on a step not packed yet, whose speech then waits for it (a moment, before paint).
   */
  stepParts?: number | undefined;
  /**
   * The procedures whose tiles are on the catalogue's page (it holds as many as fit the screen);
   * undefined while they are measured, and the catalogue's speech then waits for them.
   */
  catalogueShown?: readonly string[] | undefined;
  /**
   * The spoken mode (issue 17): whether the kiosk offers it (the attract screen then says how to
   * start it) and whether the senior is using it (speech goes to the headphones, private steps
   * are heard, the welcome and each step's number are said).
   */
  spoken?: { available: boolean; active: boolean };
}

/** A screen's instruction, and what to load for the next one. */
interface ScreenSpeech {
  /** Changes whenever the screen (or its content) changes, so the same screen is not said twice. */
  key: string;
  say: Utterance[];
  preload: Utterance[];
}

function firstScreenOf(procedure: Procedure, language: string): Utterance[] {
  if (procedure.requirements.length > 0) return requirementUtterances(procedure, 0, language).slice(0, 2);
  const first = procedure.steps[0];
  return first ? stepUtterances(procedure, first, language).slice(0, 2) : [];
}

/** What the screen on show says. Exported for the tests. */
export function screenSpeech({
  session,
  procedures,
  loading,
  hubDown,
  stepParts = 1,
  catalogueShown = [],
  spoken = { available: false, active: false },
}: Pick<KioskSpeechInput, 'session' | 'procedures' | 'loading' | 'hubDown' | 'stepParts' | 'catalogueShown' | 'spoken'>): ScreenSpeech {
  const { screen, language } = session;
  const procedure = 'procedureId' in screen ? procedures.find((candidate) => candidate.id === screen.procedureId) : undefined;
  const lang = procedure ? procedureLanguage(procedure, language).lang : language;
  const down = hubDown && screen.name !== 'attract' ? [ui('app.hubDown')] : [];
  switch (screen.name) {
    case 'attract':
      return {
        key: `attract:${String(screen.wiped)}`,
        say: [
          ...(screen.wiped ? [ui('attract.wiped')] : []),
          ui('attract.start'),
          ...(spoken.available ? [ui('tactile.start')] : []),
          ui('attract.idleRule'),
          ui('attract.wipeRule'),
        ],
        preload: [ui('language.heading'), ...kioskLanguages.map((own) => ({ id: 'ui/language.name', language: own }))],
      };
    case 'language':
      // Each language's name in that language, so a senior hears their own.
      return {
        key: 'language',
        // The spoken mode starts here: its welcome says the keys before anything else.
        say: [
          ...(spoken.active ? [ui('tactile.welcome')] : []),
          ui('language.heading'),
          ...kioskLanguages.map((own) => ({ id: 'ui/language.name', language: own })),
        ],
        preload: kioskLanguages.map((own) => ({ id: 'ui/comfort.heading', language: own })),
      };
    case 'comfort':
      return {
        key: `comfort:${language}`,
        say: [
          ui('comfort.heading'),
          ui('comfort.textSize'),
          ui('comfort.theme'),
          ui('comfort.speechRate'),
          ui('comfort.volume'),
          ui('comfort.repeats'),
          ui('comfort.continue'),
        ],
        // On the way into a workshop the code screen comes next, not the catalogue.
        preload: [ui(screen.workshop ? 'workshop.codeHeading' : 'catalogue.heading')],
      };
    case 'catalogue': {
      if (loading) return { key: 'catalogue:loading', say: [...down, ui('app.loading')], preload: [] };
      const shown = procedures.filter((candidate) => catalogueShown.includes(candidate.id));
      const languageOf = (candidate: Procedure): string => procedureLanguage(candidate, language).lang;
      // The pages go in order: while the last procedure is not on this one, more pages follow.
      const last = procedures[procedures.length - 1];
      const morePages = last !== undefined && !catalogueShown.includes(last.id);
      return {
        key: `catalogue:${language}:${shown.map((candidate) => candidate.id).join(',')}`,
        say: [...down, ...catalogueUtterances(shown, languageOf, morePages)],
        preload: shown.flatMap((candidate) => firstScreenOf(candidate, languageOf(candidate))),
      };
    }
    case 'requirements': {
      if (!procedure) return { key: 'requirements:none', say: [], preload: [] };
      const nextIndex = screen.index + 1;
      return {
        key: `requirements:${procedure.id}:${screen.index}`,
        say: [...down, ...requirementUtterances(procedure, screen.index, lang)],
        preload:
          nextIndex < procedure.requirements.length
            ? requirementUtterances(procedure, nextIndex, lang).slice(1, 2)
            : firstScreenOf({ ...procedure, requirements: [] }, lang),
      };
    }
    case 'missing':
      if (!procedure) return { key: 'missing:none', say: [], preload: [] };
      return { key: `missing:${procedure.id}`, say: [...down, ...missingUtterances(procedure, screen.missing, lang)], preload: [] };
    // A workshop's own screens (issue 18): what each asks; the lessons are said like the catalogue's tiles.
    case 'workshop-code':
      return { key: 'workshop-code', say: [...down, ui('workshop.codeHeading'), ui('workshop.codeHint')], preload: [ui('workshop.nameHeading')] };
    case 'workshop-name':
      return { key: 'workshop-name', say: [...down, ui('workshop.nameHeading')], preload: [ui('workshop.lessonsHeading')] };
    case 'workshop-lessons': {
      const shown = procedures.filter((candidate) => catalogueShown.includes(candidate.id));
      const languageOf = (candidate: Procedure): string => procedureLanguage(candidate, language).lang;
      return {
        key: `workshop-lessons:${language}:${shown.map((candidate) => candidate.id).join(',')}`,
        say: [...down, ui('workshop.lessonsHeading'), ...catalogueUtterances(shown, languageOf).slice(1)],
        preload: shown.flatMap((candidate) => firstScreenOf({ ...candidate, requirements: [] }, languageOf(candidate))),
      };
    }
    case 'workshop-ended':
      return { key: 'workshop-ended', say: [ui('workshop.endedHeading'), ui('workshop.endedText')], preload: [ui('attract.start')] };
    case 'steps': {
      const step = procedure ? compileProcedure(procedure).stepById.get(screen.engine.current) : undefined;
      if (!procedure || !step) return { key: 'steps:none', say: [], preload: [] };
      // In the spoken mode a step starts with its number: the senior cannot see "Paso 3".
      const number = screen.engine.trail.length + 1;
      const stepNumber = spoken.active && number <= maxSpokenStepNumber ? [{ id: stepNumberPromptId(number) }] : [];
      // A quiz answered shows its explanation on the same step: that reading is said instead (issue 18).
      const quiz = quizView(procedure, screen.engine);
      if (quiz?.phase === 'explain') {
        return {
          key: `steps:${procedure.id}:${step.id}:${screen.engine.trail.length}:explain:${quiz.chosen.id}`,
          say: [...down, ...quizExplanationUtterances(procedure, quiz, lang), ...(stepParts > 1 ? [ui('fit.more')] : [])],
          preload: nextStepsUtterances(procedure, step.id, lang),
        };
      }
      return {
        // The trail's length too: "Atrás" and "Corregir" come back to a step, and it is said again.
        key: `steps:${procedure.id}:${step.id}:${screen.engine.trail.length}`,
        // A step split into parts says so at its end, so a senior who never looks at the bar
        // still hears that there is more (issue 12).
        say: [...down, ...stepNumber, ...stepUtterances(procedure, step, lang), ...(stepParts > 1 ? [ui('fit.more')] : [])],
        // After the last step comes the attract screen.
        preload: [
          ...(step.kind === 'done'
            ? [ui('attract.start')]
            : quiz
              ? [ui('quiz.yourAnswer'), ui('quiz.safeAnswer')]
              : nextStepsUtterances(procedure, step.id, lang)),
          // The next step's number, said first in the spoken mode.
          ...(spoken.active && number < maxSpokenStepNumber ? [{ id: stepNumberPromptId(number + 1) }] : []),
        ],
      };
    }
  }
}

/** Speaks the kiosk's screens, help news and idle warning; see the file's comment. */
export function useKioskSpeech(input: KioskSpeechInput): void {
  const speech = useSpeech();
  // The first screen appears before the manifest has arrived: it is said again once it has.
  const ready = useSpeechAvailability() === 'ready';
  const { session, help, idleWarning } = input;
  const { speechRate, volume } = session.comfort;
  // The spoken mode speaks into the headphones only, never the speaker (issue 17).
  const spokenMode = input.spoken?.active ?? false;
  const output = spokenMode ? 'headphones' : session.comfort.output;
  const { language } = session;

  // The texts on screen decide which audio is current: known before the screen is said.
  const { procedures } = input;
  useEffect(() => {
    speech.showProcedures(procedures);
  }, [speech, procedures]);

  // Settings first: a screen said in the same render uses the new language and speed.
  useEffect(() => {
    speech.configure({ speed: speechRate, volume, output, language, spokenMode });
  }, [speech, speechRate, volume, output, language, spokenMode]);

  const atAttract = session.screen.name === 'attract';
  useEffect(() => {
    // Back at the start: the last senior's settings and prompts go.
    if (atAttract) speech.reset();
    // A new session: the manifest is read again (a 304 while unchanged), so prompts built since
    // the kiosk started play from the build, and are kept for offline use, rather than the hub.
    else speech.refreshAudio();
  }, [speech, atAttract]);

  // The lists travel as their JSON, so an effect runs when what is said changes, not on every render.
  const screen = screenSpeech(input);
  // A step is said once it is packed, so its "Hay más…" is known when it starts; the catalogue
  // once it knows which tiles fit on its page.
  const waiting =
    (session.screen.name === 'steps' && input.stepParts === undefined) ||
    ((session.screen.name === 'catalogue' || session.screen.name === 'workshop-lessons') && !input.loading && input.catalogueShown === undefined);
  const screenKey = `${waiting ? 'waiting:' : ''}${screen.key}|${JSON.stringify(screen.say)}`;
  const preloadList = JSON.stringify(screen.preload);
  useEffect(() => {
    if (ready && !waiting) speech.say(JSON.parse(screenKey.slice(screenKey.indexOf('|') + 1)) as Utterance[]);
  }, [speech, screenKey, ready, waiting]);
  useEffect(() => {
    if (ready) speech.preload(JSON.parse(preloadList) as Utterance[]);
  }, [speech, preloadList, ready]);

  const helpList = JSON.stringify(helpStatusUtterances(help));
  useEffect(() => {
    const list = JSON.parse(helpList) as Utterance[];
    if (list.length > 0) speech.say(list);
  }, [speech, helpList]);

  useEffect(() => {
    if (idleWarning) speech.say([ui('idle.heading'), ui('idle.countdown'), ui('idle.more')]);
  }, [speech, idleWarning]);

  // A workshop's hand is said as the help call's news is, when it changes; the pause when it opens.
  const handList = JSON.stringify(input.workshop ? workshopHandUtterances(input.workshop.hand) : []);
  useEffect(() => {
    const list = JSON.parse(handList) as Utterance[];
    if (list.length > 0) speech.say(list);
  }, [speech, handList]);
  const paused = input.workshop?.paused ?? false;
  useEffect(() => {
    if (paused) speech.say(workshopPauseUtterances());
  }, [speech, paused]);
}
