/**
 * The procedure checker's message catalogue: every finding carries a stable `code` and its
 * `params`, and this module words it in English or Spanish. The checker itself words each problem
 * in English too (`message`), for the command line, logs and any API client that reads only text.
 *
 * A plain typed catalogue rather than i18next: the checker runs in the command line, in the hub's
 * worker thread and in the browser, and core stays free of UI libraries (and of a loader that
 * must be set up before the first message). The staff console's own words stay in i18next.
 */
import { languageName } from '../../text/language-name.js';
import { en } from './en.js';
import { es } from './es.js';

/** A stable code of a checker message: a key of the catalogue. */
export type CheckerCode = keyof typeof en;

/** A message by its code: what a param that is itself words (a hint, a kind of value) holds. */
export interface MessageRef {
  code: CheckerCode;
  params?: MessageParams;
}

/** The facts a message is filled with: text and numbers as they are, or other messages to word in the same language. */
export type MessageParams = Readonly<Record<string, string | number | MessageRef>>;

/** One part of "step "pedir-dni", choice "si": ", the place a problem is in. */
export interface PlacePart {
  /** The list the thing is in (`steps`, `choices`…), which names what it is. */
  collection: PlaceCollection;
  /** Its id, when it has one; else its number in the list, counting from 1. */
  id?: string;
  number?: number;
}

/** The lists a place can be in. */
export type PlaceCollection = 'steps' | 'choices' | 'items' | 'requirements' | 'channels' | 'glossary' | 'commonProblems';

/** What the checker says about a problem, before it is placed: a code, its params and, when it is inside a step or a list, where. */
export interface ProblemWords {
  code: CheckerCode;
  params?: MessageParams;
  place?: readonly PlacePart[];
}

/** The languages the catalogue speaks. */
export type CatalogueLanguage = 'en' | 'es';

/** Each language's messages, by code. */
export const checkerCatalogues: Readonly<Record<CatalogueLanguage, Readonly<Record<CheckerCode, string>>>> = { en, es };

/** The catalogue language for a language tag (`es-ES` → `es`); English for anything else. */
export function catalogueLanguage(language: string | undefined): CatalogueLanguage {
  return language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** True when `code` is one of the catalogue's (a problem stored by an older checker may have none, or one this one does not know). */
export function isCheckerCode(code: unknown): code is CheckerCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(en, code);
}

const placeholder = /\{([A-Za-z]\w*)\}/g;

/** Words message `code` in `language`, filling `{name}` from `params`; a param not given reads as nothing. */
export function renderMessage(language: string, code: CheckerCode, params: MessageParams = {}): string {
  const lang = catalogueLanguage(language);
  const template = checkerCatalogues[lang][code];
  return template.replace(placeholder, (_whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (value === undefined) return '';
    if (typeof value === 'object') return isCheckerCode(value.code) ? renderMessage(lang, value.code, value.params) : '';
    return String(value);
  });
}

/** "step "pedir-dni", choice "si": " in `language`, or nothing when the problem is not inside a list. */
export function renderPlace(language: string, place: readonly PlacePart[] | undefined): string {
  if (!place || place.length === 0) return '';
  const parts = place.map((part) =>
    renderMessage(language, `place.${part.collection}`, {
      name: part.id !== undefined ? `"${part.id}"` : { code: 'place.number', params: { number: part.number ?? 1 } },
    }),
  );
  return `${parts.join(', ')}: `;
}

/** The words of a finding in `language`: its place, then its message. */
export function renderWords(language: string, words: ProblemWords): string {
  return `${renderPlace(language, words.place)}${renderMessage(language, words.code, words.params)}`;
}

/**
 * A problem or note in `language` (`es…` for Spanish, else English), for the staff console and
 * the command line. A problem without a code this catalogue knows (stored by an older hub) keeps
 * the English `message` it came with.
 */
export function describeProblem(problem: { message: string; code?: string | undefined; params?: unknown; place?: unknown }, language: string): string {
  if (!isCheckerCode(problem.code)) return problem.message;
  let params = problem.params as MessageParams | undefined;
  // A language's name is given in English; name it in the reader's language instead ("árabe", not "Arabic").
  const named = params?.['language'];
  if (params && typeof named === 'string' && 'languageName' in params) params = { ...params, languageName: languageName(named, catalogueLanguage(language)) };
  const words: ProblemWords = { code: problem.code, params, place: problem.place as readonly PlacePart[] | undefined };
  // The message of a problem is one line (problem.ts `limitProblems`): a quoted key may hold a line break.
  return renderWords(language, words).replace(/\s*[\r\n]+\s*/g, ' ');
}

const rulesByText = new Map<string, CheckerCode>((Object.keys(en) as CheckerCode[]).filter((code) => code.startsWith('rule.')).map((code) => [en[code], code]));

/** The code of a schema rule from the English text zod reports, if it is one of ours. */
export function ruleCodeOf(text: string): CheckerCode | undefined {
  return rulesByText.get(text);
}

/** How many messages each language's catalogue holds. */
export function catalogueSizes(): Record<CatalogueLanguage, number> {
  return { en: Object.keys(en).length, es: Object.keys(es).length };
}
