/**
 * Which kiosk UI strings are spoken, in one place: the audio builder renders exactly these, the
 * kiosk plays them by the same ids, and `audio:check` expects them all. A key left out here is
 * never spoken (see the reasons beside `unspokenUiKeys`).
 */
import { defaultIdleSettings } from '../kiosk/idle.js';
import { joinCodeLockMaxMinutes } from '../protocol/workshop-states.js';
import { describeError, inputErrorCodes, messageLanguages, type InputErrorCode, type MessageLanguage } from '../validation/messages.js';
import { uiPromptId, type PromptId } from './prompt-names.js';
import type { PromptText } from './prompt-text.js';
import { fillTemplate, lookupCounted, lookupKey } from './template.js';
import { tactilePrompts } from '../tactile/spoken-prompts.js';

/** UI strings rendered ahead of time (static text, or filled with fixed figures below). */
export const spokenUiKeys = [
  'app.loading',
  'app.hubDown',
  'attract.start',
  'attract.idleRule',
  'attract.wipeRule',
  'attract.wiped',
  'language.heading',
  'language.name',
  'comfort.heading',
  'comfort.textSize',
  'comfort.size32',
  'comfort.size48',
  'comfort.size64',
  'comfort.theme',
  'comfort.themeNormal',
  'comfort.themeContrast',
  'comfort.speechRate',
  'comfort.rateSlow',
  'comfort.rateNormal',
  'comfort.volume',
  'comfort.volumeLow',
  'comfort.volumeHigh',
  'comfort.repeats',
  'comfort.repeatsOff',
  'comfort.repeatsOn',
  'comfort.output',
  'comfort.outputSpeaker',
  'comfort.outputHeadphones',
  'comfort.continue',
  'catalogue.heading',
  'catalogue.practice',
  'catalogue.more',
  'catalogue.previousPage',
  'catalogue.morePages',
  'requirements.heading',
  'requirements.yes',
  'requirements.no',
  'requirements.missingHeading',
  'requirements.missingIntro',
  'requirements.print',
  'requirements.goOn',
  'requirements.stop',
  'step.next',
  'fit.more',
  'fit.nextPart',
  'step.back',
  'step.review',
  'step.correct',
  'step.nothingToReview',
  'step.whatNext',
  'step.print',
  'step.handoff',
  // A quiz's explanation (issue 18): the senior's answer and the safe one, each said after these words.
  'quiz.yourAnswer',
  'quiz.safeAnswer',
  'step.qrCaption',
  'glossary.close',
  'session.end',
  'session.restart',
  'confirm.eraseHeading',
  'confirm.eraseText',
  'confirm.keep',
  'confirm.erase',
  'confirm.sendHeading',
  'confirm.sendText',
  'confirm.notYet',
  'confirm.send',
  'speech.sampleSlow',
  'speech.sampleNormal',
  // The bar's voice controls: the spoken mode names them when they are reached (issue 17).
  'speech.repeat',
  'speech.speedSlow',
  'speech.speedNormal',
  'speech.volumeHigh',
  'speech.volumeLow',
  'bar.more',
  'help.call',
  'help.calling',
  'help.stillTrying',
  'help.cancel',
  'help.keepWaiting',
  'idle.heading',
  'idle.countdown',
  'idle.more',
  'speech.private',
  // The not-authorised screen (issue 13): its sentence for everyone and the senior's; the site's
  // own in-person sentence is shown, not said (only the hub could speak it, and it refuses the kiosk).
  'unauthorised.heading',
  'unauthorised.seniorLead',
  'unauthorised.placeUnknown',
  // Issue 18: the PRÁCTICA look and a workshop's screens on the kiosk.
  'practice.spoken',
  'practice.webLink',
  'practice.webLinkNote',
  'practice.offerSpoken',
  'workshop.join',
  'workshop.codeHeading',
  'workshop.codeLabel',
  'workshop.codeHint',
  'workshop.codeInvalid',
  'workshop.codeWrong',
  'workshop.unreachable',
  'workshop.joining',
  'workshop.nameHeading',
  'workshop.nameLabel',
  'workshop.nameSkip',
  'workshop.continue',
  'workshop.lessonsHeading',
  'workshop.leave',
  'workshop.pausedHeading',
  'workshop.pausedText',
  'workshop.hand',
  'workshop.handRaised',
  'workshop.lowerHand',
  'workshop.endedHeading',
  'workshop.endedText',
  'workshop.lessonDone',
  'workshop.backToLessons',
  'workshop.finish',
  'workshop.printCertificate',
] as const;

/** One of {@link spokenUiKeys}. */
export type SpokenUiKey = (typeof spokenUiKeys)[number];

/**
 * Figures for the spoken strings that have placeholders: the kiosk's defaults, so the sentence
 * heard is the sentence shown on a kiosk with default settings. The idle countdown is spoken once,
 * when the warning opens, with the full time to answer.
 */
export const uiTemplateValues: Partial<Record<SpokenUiKey, Record<string, number>>> = {
  'attract.idleRule': { count: defaultIdleSettings.idleMs / 60_000 },
  'attract.wipeRule': { count: defaultIdleSettings.warningMs / 60_000 },
  'idle.countdown': { count: defaultIdleSettings.warningMs / 1000 },
};

/**
 * Counted sentences said with a live figure, each rendered ahead for every figure from 1 to its
 * most as `ui/<key>.<figure>` (figuredPromptId): "Pida el número al voluntario y espere 3 minutos"
 * after too many wrong workshop codes, for waits up to the hub's longest lock.
 */
export const figuredUiKeys = { 'workshop.codeLocked': joinCodeLockMaxMinutes } as const;

/** One of {@link figuredUiKeys}. */
export type FiguredUiKey = keyof typeof figuredUiKeys;

/** The prompt id of a figured sentence said with `figure` (1 to the key's most). */
export function figuredPromptId(key: FiguredUiKey, figure: number): PromptId {
  return uiPromptId(`${key}.${figure}`);
}

/**
 * Help-call status sentences carry live values (place in the queue, minutes, the volunteer's
 * name, the site's in-person help), so the hub renders them on demand
 * (`GET /api/kiosk/speech`), composing them from these templates itself.
 */
export const onDemandUiKeys = [
  'help.queued',
  'help.queuedSoon',
  'help.coming',
  'help.arrived',
  'help.nobodyCame',
  'help.unreachable',
  // A workshop's answered hand (issue 18): "Ana viene", with the trainer's first name, as help.coming is said.
  'workshop.handAnswered',
] as const;

/** One of {@link onDemandUiKeys}. */
export type OnDemandUiKey = (typeof onDemandUiKeys)[number];

/**
 * Shown but not spoken, and why: `app.title`/`app.demo` are branding; counters (`step.progress`,
 * `catalogue.page`, `requirements.question`, `fit.part`) repeat what the spoken step already says;
 * `step.example` is read from the field itself; `step.qrLabel` describes a code for screen
 * readers; the keyboard's labels name keys the senior is touching; "Volver a la parte N"
 * (`fit.previousPart`) leads back to a part already heard (the spoken mode names it by `ui/fit.previousPart.<part>`, core/tactile/spoken-prompts.ts); `volunteer.*` is the volunteer's own mode; the speech controls' group name, and "sound unavailable" is
 * shown precisely when nothing can be played; the help button's short status on a short screen
 * (`help.short.*`, "Toque para ver la llamada") stands for a sentence spoken in full. The not-authorised screen's note for staff (`unauthorised.forStaff`) is for staff to read. A key ending in `.` covers its whole group.
 */
export const unspokenUiKeyPrefixes = [
  'app.title',
  'app.demo',
  'step.progress',
  'fit.part',
  'fit.previousPart',
  'step.example',
  'step.qrLabel',
  'catalogue.page',
  'requirements.question',
  'keyboard.',
  'volunteer.',
  'speech.controls',
  'speech.unavailable',
  'help.short.',
  'help.seeCall',
  'unauthorised.forStaff',
  // The spoken mode (issue 17): the key card's short wording is printed, not said (the welcome
  // sentence says the keys); "Pantalla apagada por privacidad" is for whoever looks at the
  // blanked screen, while the senior hears `tactile.isOff`. Its spoken keys are rendered by
  // core/tactile/spoken-prompts.ts, listed in `tactileSpokenKeys`.
  'keys.',
  'tactile.blanked',
  // Issue 18: the banner's words are said as `practice.spoken`; an offer's value as `practice.offerSpoken`
  // (the value is on screen, on the button that types it); a fake code is in the step's own text; the seat
  // is the volunteer's label.
  'practice.banner',
  'practice.bannerNote',
  'practice.useDni',
  'practice.usePhone',
  'practice.useDate',
  'practice.usePostcode',
  'practice.useNumber',
  'practice.useText',
  'practice.fakeCode',
  'workshop.seat',
  // The certificate of participation is paper to take home; the screen that offers it says so in its own words.
  'certificate.',
] as const;

/** Every validation error code; each is spoken as `ui/validation.<code>` (the sentences' record makes the compiler insist each has words). */
export const validationErrorCodes: readonly InputErrorCode[] = inputErrorCodes;

/** The languages core words validation errors in; others fall back to Spanish text and audio. */
export const validationLanguages: readonly MessageLanguage[] = messageLanguages;

/** The prompt id of a validation error's sentence. */
export function validationPromptId(code: InputErrorCode): PromptId {
  return uiPromptId(`validation.${code}`);
}

/**
 * Every spoken UI prompt for the given locales (language → parsed `kiosk.json`), plus the
 * validation errors in the languages core has them in. A key missing from a locale is skipped
 * here and reported by `audio:check` as missing audio.
 */
export function uiPrompts(locales: Readonly<Record<string, unknown>>): PromptText[] {
  const prompts: PromptText[] = [];
  for (const [language, locale] of Object.entries(locales)) {
    for (const key of spokenUiKeys) {
      const values = uiTemplateValues[key] ?? {};
      // A counted sentence in the form its figure needs (i18next's plural rules: "1 minuto", Arabic's dual).
      const count = values['count'];
      const template = count === undefined ? lookupKey(locale, key) : lookupCounted(locale, key, language, count);
      if (template === undefined) continue;
      prompts.push({ id: uiPromptId(key), language, text: fillTemplate(template, values), sensitive: false });
    }
  }
  for (const [language, locale] of Object.entries(locales))
    for (const [key, most] of Object.entries(figuredUiKeys) as [FiguredUiKey, number][])
      for (let count = 1; count <= most; count += 1) {
        const template = lookupCounted(locale, key, language, count);
        if (template !== undefined) prompts.push({ id: figuredPromptId(key, count), language, text: fillTemplate(template, { count }), sensitive: false });
      }
  for (const language of validationLanguages) {
    if (!(language in locales)) continue;
    for (const code of validationErrorCodes) prompts.push({ id: validationPromptId(code), language, text: describeError(code, language), sensitive: false });
  }
  prompts.push(...tactilePrompts(locales));
  return prompts;
}
