/**
 * The practice twin of a procedure, for workshops: the same steps, with everything that must not
 * be real replaced. Pure: the same source always gives the same twin, which is how the checker
 * tells that a generated twin has gone stale (`check-twins.ts`).
 *
 * What changes: the id becomes `practica-<id>`, the script says `practice: true` and `twinOf`, its
 * title and summary start with "Practicar: " (in each language), channel addresses and take-home
 * QR addresses go (`officialUrl` stays: it is the fact-check reference, never shown as a link),
 * each submitting step loses `submits` and its words become a plain "here it would be sent; now
 * nothing is sent", every end (`done`) step says it is the end of the practice and quotes what the
 * real website would say ("Ya ha pagado" becomes "Fin de la práctica. En la web real, aquí leería:
 * «Ya ha pagado…» Ahora no ha pasado nada de verdad."), and every input and sensitive step gets a
 * made-up `practiceData` that the step itself accepts (the kiosk offers it: "Use este DNI de
 * práctica: 12345678Z"). The rest, including the words of input steps, stays as the source has it.
 */
import { practiceValueProblem } from './check-practice.js';
import { idMaxLength } from './ids.js';
import type { MessageParams } from './messages/catalog.js';
import type { LocalizedText, Procedure, Step, StepOf } from './schema.js';

/** Why a twin cannot be made, as a checker message code and its facts. */
export interface TwinRefusal {
  code: 'twin-of-practice' | 'twin-id-too-long' | 'twin-no-practice-value';
  params: MessageParams;
}

/** The twin, or why there is none. */
export type TwinResult = { ok: true; twin: Procedure } | { ok: false; refusal: TwinRefusal };

/** What a twin's id starts with. */
export const twinIdPrefix = 'practica-';

/** The id of the practice twin of procedure `id`. */
export function practiceTwinId(id: string): string {
  return `${twinIdPrefix}${id}`;
}

/**
 * The words a twin adds, by language. A language not listed gets the English words: the twin is
 * still complete in every declared language, and that language is left out of `reviewedLanguages`.
 * The Arabic is a machine-made translation, like the samples' own Arabic.
 */
const twinWords: Readonly<Record<string, TwinWords>> = {
  es: {
    prefix: 'Practicar: ',
    notSent: 'En la web real, aquí se enviaría. Ahora es práctica: no se envía nada.',
    endTitle: (title) => `En la web real: ${title}`,
    endText: (text) => `Fin de la práctica. En la web real, aquí leería: «${text}» Ahora no ha pasado nada de verdad.`,
  },
  en: {
    prefix: 'Practise: ',
    notSent: 'On the real website, it would be sent here. This is practice: nothing is sent.',
    endTitle: (title) => `On the real website: ${title}`,
    endText: (text) => `End of the practice. On the real website, you would read here: "${text}" Nothing real has happened now.`,
  },
  ar: {
    prefix: 'تدريب: ',
    notSent: 'في الموقع الحقيقي، سيُرسَل هنا. هذا تدريب: لا يُرسَل أي شيء.',
    endTitle: (title) => `في الموقع الحقيقي: ${title}`,
    endText: (text) => `انتهى التدريب. في الموقع الحقيقي، ستقرأ هنا: «${text}» لم يحدث شيء حقيقي الآن.`,
  },
};

/**
 * A twin's own words in one language: the title's prefix, what a submitting step says instead,
 * and how an end step's title and text are framed. An end step of the source tells what really
 * happened ("Ya ha pagado", "Ha pedido su cita"); in the twin nothing happened, so it is quoted as
 * what the real website would say, never said as a fact.
 */
interface TwinWords {
  prefix: string;
  notSent: string;
  endTitle: (title: string) => string;
  endText: (text: string) => string;
}

/** The languages whose twin words a native speaker has read (the Arabic has not been). */
const reviewedTwinLanguages = new Set(['es', 'en']);

function wordsFor(language: string): TwinWords {
  const base = language.split('-')[0] ?? language;
  return twinWords[language] ?? twinWords[base] ?? (twinWords['en'] as TwinWords);
}

/** A made-up code shown on a sensitive step that asks for nothing typed (an SMS code, a card's numbers). */
export const practiceCode = '482915';

/**
 * Made-up answers for each format, tried before the step's own `example`: the classic fake DNI,
 * a Madrid postcode, numbers no one answers.
 */
const practiceValues: Readonly<Record<StepOf<'input'>['format'], readonly string[]>> = {
  'dni-nie': ['12345678Z', 'X1234567L'],
  postcode: ['28013'],
  phone: ['910 000 000', '600 000 000'],
  mobile: ['600 000 000'],
  date: ['01/01/1950'],
  number: ['1234'],
  text: ['Práctica'],
};

/**
 * Digit strings for a pattern-restricted number: every length up to the schema's 40 characters,
 * each starting with every digit and counting on from it (`^9[0-9]{12}$` finds `9012345678901`).
 */
function* derivedDigits(): Generator<string> {
  const run = '1234567890'.repeat(5);
  for (let length = 1; length <= 40; length++) {
    for (let start = 0; start < 10; start++) yield run.slice(start, start + length);
  }
}

/** A made-up answer the input step accepts (format and pattern), or nothing when none is found. */
export function practiceValueFor(step: Pick<StepOf<'input'>, 'format' | 'pattern' | 'example'>): string | undefined {
  const candidates = [...practiceValues[step.format], ...(step.example !== undefined ? [step.example.trim()] : [])];
  for (const candidate of candidates) if (candidate !== '' && candidate.length <= 40 && !practiceValueProblem(candidate, step)) return candidate;
  if (step.format !== 'number' && step.format !== 'text') return undefined;
  for (const candidate of derivedDigits()) if (!practiceValueProblem(candidate, step)) return candidate;
  return undefined;
}

function prefixed(text: LocalizedText): LocalizedText {
  return Object.fromEntries(Object.entries(text).map(([language, words]) => [language, `${wordsFor(language).prefix}${words}`]));
}

function notSentText(languages: readonly string[]): LocalizedText {
  return Object.fromEntries(languages.map((language) => [language, wordsFor(language).notSent]));
}

/** Each language's words framed by that language's `frame` (an end step's title or text). */
function framed(text: LocalizedText, frame: (words: TwinWords) => (words: string) => string): LocalizedText {
  return Object.fromEntries(Object.entries(text).map(([language, words]) => [language, frame(wordsFor(language))(words.trim())]));
}

/** Makes the practice twin of `source`. */
export function makePracticeTwin(source: Procedure): TwinResult {
  if (source.practice === true) return { ok: false, refusal: { code: 'twin-of-practice', params: { id: source.id } } };
  const id = practiceTwinId(source.id);
  if (id.length > idMaxLength) return { ok: false, refusal: { code: 'twin-id-too-long', params: { id: source.id, max: idMaxLength } } };

  const steps: Step[] = [];
  for (const step of source.steps) {
    const twinStep = twinStepOf(step, source.languages);
    if (!twinStep.ok) return { ok: false, refusal: twinStep.refusal };
    steps.push(twinStep.step);
  }
  const twin: Procedure = {
    id,
    version: source.version,
    title: prefixed(source.title),
    summary: prefixed(source.summary),
    icon: source.icon,
    officialUrl: source.officialUrl,
    owner: source.owner,
    lastVerified: source.lastVerified,
    languages: [...source.languages],
    reviewedLanguages: source.reviewedLanguages.filter((language) => reviewedTwinLanguages.has(language)),
    ...(source.example !== undefined ? { example: source.example } : {}),
    practice: true,
    twinOf: source.id,
    requirements: source.requirements,
    channels: source.channels.map(({ url: _url, ...channel }) => channel),
    glossary: source.glossary,
    ...(source.start !== undefined ? { start: source.start } : {}),
    steps,
  };
  return { ok: true, twin };
}

function twinStepOf(step: Step, languages: readonly string[]): { ok: true; step: Step } | { ok: false; refusal: TwinRefusal } {
  const { submits, practiceData: _ignored, ...rest } = step;
  let twin = { ...rest } as Step;
  // A submitting step would send, sign or pay: in the twin it says so, and sends nothing.
  if (submits === true) {
    const { say: _say, ...withoutSay } = twin;
    twin = { ...withoutSay, text: notSentText(languages) } as Step;
  }
  if (twin.kind === 'done') {
    const { qrUrl: _qrUrl, ...withoutQr } = twin;
    twin = {
      ...withoutQr,
      title: framed(twin.title, (words) => words.endTitle),
      // A submitting end step already says that nothing is sent.
      ...(submits === true ? {} : { text: framed(twin.text, (words) => words.endText) }),
      ...(twin.say !== undefined ? { say: framed(twin.say, (words) => words.endText) } : {}),
    };
  }
  if (twin.kind === 'input') {
    const value = practiceValueFor(twin);
    if (value === undefined) {
      return {
        ok: false,
        refusal: { code: 'twin-no-practice-value', params: { step: step.id, format: twin.format, pattern: twin.pattern ?? '-' } },
      };
    }
    return { ok: true, step: { ...twin, practiceData: value } };
  }
  return { ok: true, step: twin.sensitive === true ? { ...twin, practiceData: practiceCode } : twin };
}
