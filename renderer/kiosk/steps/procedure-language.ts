/**
 * Which language a procedure's text is shown in: the senior's when the script is written in it,
 * else Spanish, with the matching `lang` so speech and hyphenation follow the text. Both rules
 * live in core (`core/text/pick-text.ts`), shared with the staff and volunteer consoles.
 */
import type { LocalizedText, Procedure } from '../../../core/procedure/schema.js';
import { pickText, shownLanguage } from '../../../core/text/pick-text.js';

/** The language of a procedure's text on screen, and a reader of its texts in it. */
export interface ProcedureLanguage {
  lang: string;
  text(value: LocalizedText | undefined): string;
}

/** The procedure's language for a senior who chose `language`. */
export function procedureLanguage(procedure: Procedure, language: string): ProcedureLanguage {
  const lang = shownLanguage(procedure.languages, language);
  return { lang, text: (value) => pickText(value, lang).text };
}
