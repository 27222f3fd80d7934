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
