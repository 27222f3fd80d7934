/**
 * Dates as Spaniards write them: day, month, year (05/03/1950, 5-3-1950, 05.03.1950 or
 * 05031950). Returned as ISO `1950-03-05` so the rest of the code never guesses the order.
 */
import type { FieldValidation } from './result.js';

const earliestYear = 1900;
const latestYear = 2100;

/** Validates a day/month/year date and returns it as `YYYY-MM-DD`. */
export function validateDate(raw: string): FieldValidation {
  const value = raw.trim();
  if (value === '') return { ok: false, code: 'empty' };
  const parts = /^([0-9]{1,2})[/.\- ]([0-9]{1,2})[/.\- ]([0-9]{2,4})$/.exec(value) ?? /^([0-9]{2})([0-9]{2})([0-9]{4})$/.exec(value);
  if (!parts) return { ok: false, code: 'date-format' };
  const [, dayText, monthText, yearText] = parts as unknown as [string, string, string, string];
  // A two-digit year is ambiguous (50 could be 1950 or 2050), so ask for four.
  if (yearText.length !== 4) return { ok: false, code: 'date-year' };
  const day = Number(dayText);
  const month = Number(monthText);
  const year = Number(yearText);
  if (year < earliestYear || year > latestYear) return { ok: false, code: 'date-year' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, code: 'date-not-a-day' };
  return { ok: true, value: `${yearText}-${pad(month)}-${pad(day)}` };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
