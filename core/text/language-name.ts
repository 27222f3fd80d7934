/** Names of languages for people to read ("Arabic", "Inglés"), from the runtime's own list (Intl). */

/** How {@link languageName} writes a name. */
export interface LanguageNameOptions {
  /** Start with a capital letter, as a label in a list does ("Inglés" rather than "inglés"). */
  capitalised?: boolean;
}

/**
 * The name of language `code` written in `inLanguage` (English by default), like "Arabic" for
 * `ar`; the code itself when the runtime has no name for it or the code is not a language tag.
 */
export function languageName(code: string, inLanguage = 'en', options: LanguageNameOptions = {}): string {
  let name: string;
  try {
    name = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    name = code;
  }
  return options.capitalised === true ? name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1) : name;
}
