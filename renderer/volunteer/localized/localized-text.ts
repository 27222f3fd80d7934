/** Picking a procedure's text (written per language by staff) in the console's language. */

/** A text in one language, and which language it turned out to be. */
export interface PickedText {
  text: string;
  lang: string;
}

/**
 * The text in `language`, else in Spanish (every procedure has it), else in whichever language
 * there is. The language comes back too, so the page can mark a Spanish fallback as Spanish.
 */
export function pickText(text: Readonly<Record<string, string>>, language: string): PickedText {
  for (const candidate of [language, 'es', ...Object.keys(text)]) {
    const value = text[candidate];
    if (value !== undefined && value.trim() !== '') return { text: value, lang: candidate };
  }
  return { text: '', lang: language };
}

/** A language's name in the console's language ("inglés", "English"), capitalised. */
export function languageName(code: string, inLanguage: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code);
  } catch {
    name = undefined;
  }
  const shown = name ?? code;
  return shown.charAt(0).toLocaleUpperCase(inLanguage) + shown.slice(1);
}
