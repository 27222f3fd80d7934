/**
 * The one rule for showing a text written per language (a procedure's texts, a call's step title):
 * the language asked for, then Spanish, then whichever language there is. Spanish is every
 * procedure's default language: the service is Spanish-first and every UI falls back to it. The
 * last resort matters for drafts and half-translated data, where an empty heading would hide that
 * anything is there at all.
 */

/** The language a text falls back to when it is not written in the one asked for. */
export const defaultTextLanguage = 'es';

/** A text in one language, and which language it turned out to be (so the page can mark a fallback with its own `lang`). */
export interface PickedText {
  text: string;
  lang: string;
}

/**
 * The text of `text` in `language`, else in Spanish, else in any language it has; blank texts
 * count as missing. Nothing at all gives an empty text in `language`.
 */
export function pickText(text: Readonly<Record<string, string>> | null | undefined, language: string): PickedText {
  if (!text) return { text: '', lang: language };
  for (const candidate of [language, defaultTextLanguage, ...Object.keys(text)]) {
    const value = text[candidate];
    if (value !== undefined && value.trim() !== '') return { text: value, lang: candidate };
  }
  return { text: '', lang: language };
}

/**
 * The language a whole procedure is shown in for someone who chose `language`: theirs when the
 * procedure is written in it, else Spanish. Chosen once per procedure, not per text, so the
 * screen and its speech stay in one language.
 */
export function shownLanguage(declared: readonly string[], language: string): string {
  return declared.includes(language) ? language : defaultTextLanguage;
}
