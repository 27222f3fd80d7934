/** Dates, times and procedure texts as the console shows them, in its language. */
import type { LocalizedText } from '../../../core/procedure/schema.js';

/** A moment (ms since 1970) as a short local date and time. */
export function formatMoment(at: number, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-ES', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/** A `YYYY-MM-DD` day as a readable date, kept as written when it is not one. */
export function formatDay(day: string, language: string): string {
  const parsed = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(parsed)
    ? day
    : new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'es-ES', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(parsed));
}

/** A procedure's text in the console's language, else Spanish, else any; with the language it is in. */
export function pickText(text: LocalizedText | null | undefined, language: string): { text: string; lang: string } {
  if (!text) return { text: '', lang: language };
  for (const candidate of [language, 'es', ...Object.keys(text)]) {
    const value = text[candidate];
    if (value !== undefined && value.trim() !== '') return { text: value, lang: candidate };
  }
  return { text: '', lang: language };
}
