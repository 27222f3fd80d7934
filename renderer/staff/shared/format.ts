/** Dates and times as the console shows them, in its language. */

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

/**
 * A moment as a phrase that fits inside a sentence: "el 3 dic 2026 a las 23:49", "on 3 Dec 2026
 * at 23:49" (`formatMoment`'s "3 dic 2026, 23:49" after "a las" read as a time followed by a
 * date). Spanish says "a la 1:05" for one o'clock. `timeZone` is for tests; the console uses the
 * computer's own.
 */
export function formatMomentPhrase(at: number, language: string, timeZone?: string): string {
  const english = language === 'en';
  const zone = timeZone === undefined ? {} : { timeZone };
  const moment = new Date(at);
  const day = new Intl.DateTimeFormat(english ? 'en-GB' : 'es-ES', { dateStyle: 'medium', ...zone }).format(moment);
  const time = new Intl.DateTimeFormat(english ? 'en-GB' : 'es-ES', { timeStyle: 'short', ...zone }).format(moment);
  if (english) return `on ${day} at ${time}`;
  return `el ${day} ${/^0?1:/.test(time) ? 'a la' : 'a las'} ${time}`;
}
