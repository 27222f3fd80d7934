/**
 * Dates as Spaniards write them (day, month, year), returned as YYYY-MM-DD. Days that do not
 * exist and two-digit years are refused with a sentence saying which part to check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDate } from '../../../core/validation/date.js';

describe('date', () => {
  it.each([['05/03/1950'], ['5-3-1950'], ['05.03.1950'], ['05031950'], ['5/3/1950'], ['05-03-1950'], ['5 3 1950'], [' 05/03/1950 ']])(
    '%j is read as the 5th of March 1950',
    (typed) => {
      expect(validateDate(typed)).toEqual({ ok: true, value: '1950-03-05' });
    },
  );

  it('the day comes first: 03/05/1950 is the 3rd of May, not the 5th of March', () => {
    expect(validateDate('03/05/1950')).toEqual({ ok: true, value: '1950-05-03' });
  });

  it.each([
    ['29/02/2000', '2000-02-29', 'a leap year divisible by 400'],
    ['29/02/2024', '2024-02-29', 'an ordinary leap year'],
    ['31/12/1999', '1999-12-31', 'the last day of a year'],
    ['01/01/1900', '1900-01-01', 'the earliest year'],
    ['31/12/2100', '2100-12-31', 'the latest year'],
    ['30/04/2020', '2020-04-30', 'the last day of April'],
    ['31/01/2020', '2020-01-31', 'the last day of January'],
  ])('%s is accepted as %s (%s)', (typed, iso) => {
    expect(validateDate(typed)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['29/02/1900', '1900 was not a leap year'],
    ['29/02/2023', '2023 was not a leap year'],
    ['29/02/2100', '2100 will not be a leap year'],
    ['31/04/2020', 'April has 30 days'],
    ['31/06/2020', 'June has 30 days'],
    ['31/09/2020', 'September has 30 days'],
    ['31/11/2020', 'November has 30 days'],
    ['30/02/2000', 'February never has 30 days'],
    ['32/01/2020', 'no month has 32 days'],
    ['00/03/1950', 'there is no day 0'],
    ['05/00/1950', 'there is no month 0'],
    ['05/13/1950', 'there is no month 13'],
    ['03/25/1950', 'the month and day swapped, American style'],
  ])('%s is refused as a day that does not exist (%s)', (typed) => {
    expect(validateDate(typed)).toEqual({ ok: false, code: 'date-not-a-day' });
  });

  it.each([
    ['05/03/50', 'a two-digit year'],
    ['5-3-50', 'a two-digit year with dashes'],
    ['05/03/195', 'a three-digit year'],
    ['05/03/1899', 'a year before 1900'],
    ['31/12/1899', 'the last day before 1900'],
    ['01/01/2101', 'a year after 2100'],
    ['05031899', 'a year before 1900 written without separators'],
  ])('%s is refused so the senior checks the year (%s)', (typed) => {
    expect(validateDate(typed)).toEqual({ ok: false, code: 'date-year' });
  });

  it.each([
    ['ayer', 'a word'],
    ['5 de marzo de 1950', 'the month in words'],
    ['1950-03-05', 'year first'],
    ['05/03', 'no year'],
    ['5031950', 'seven digits'],
    ['050319501', 'nine digits'],
    ['05//03/1950', 'two separators together'],
    ['05/03/19500', 'a five-digit year'],
    ['005/03/1950', 'a three-digit day'],
    ['05,03,1950', 'commas'],
  ])('%j (%s) is refused for its shape', (typed) => {
    expect(validateDate(typed)).toEqual({ ok: false, code: 'date-format' });
  });

  it.each([[''], ['   '], ['\n\t']])('nothing typed (%j) is refused as empty', (typed) => {
    expect(validateDate(typed)).toEqual({ ok: false, code: 'empty' });
  });

  it('every real day from 1900 to 2100, however it is written, is read back as that day', () => {
    const start = Date.UTC(1900, 0, 1);
    const end = Date.UTC(2100, 11, 31);
    const day = fc.integer({ min: 0, max: Math.round((end - start) / 86_400_000) }).map((n) => new Date(start + n * 86_400_000));
    const style = fc.constantFrom('dd/mm/yyyy', 'd-m-yyyy', 'dd.mm.yyyy', 'ddmmyyyy');
    fc.assert(
      fc.property(day, style, (date, how) => {
        const d = date.getUTCDate();
        const m = date.getUTCMonth() + 1;
        const y = String(date.getUTCFullYear());
        const dd = String(d).padStart(2, '0');
        const mm = String(m).padStart(2, '0');
        const typed = { 'dd/mm/yyyy': `${dd}/${mm}/${y}`, 'd-m-yyyy': `${d}-${m}-${y}`, 'dd.mm.yyyy': `${dd}.${mm}.${y}`, ddmmyyyy: `${dd}${mm}${y}` }[how];
        expect(validateDate(typed)).toEqual({ ok: true, value: date.toISOString().slice(0, 10) });
      }),
    );
  });

  it('never throws on any text, and answers either a real ISO day or a known reason', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));
    fc.assert(
      fc.property(anyText, (text) => {
        const result = validateDate(text);
        if (result.ok) {
          expect(result.value).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
          expect(new Date(`${result.value}T00:00:00Z`).toISOString().slice(0, 10)).toBe(result.value);
        } else expect(['empty', 'date-format', 'date-not-a-day', 'date-year']).toContain(result.code);
      }),
    );
  });
});
