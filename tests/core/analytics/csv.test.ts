/** The analytics CSV: RFC 4180 quoting, and no formula ever runs in a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { analyticsCsvRows, csvField, toCsv } from '../../../core/analytics/csv.js';
import { buildAnalytics } from '../../../core/analytics/funnel.js';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, doubling quotes inside', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hola"')).toBe('"say ""hola"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        [null, 'b,c'],
      ]),
    ).toBe('a,1\r\n,"b,c"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1+1`).includes(`'${start}`)).toBe(true);
    expect(csvField(-3)).toBe('-3');
  });

  it('writes one row per procedure and one per step, titles in Spanish', () => {
    const analytics = buildAnalytics({
      from: '2026-01-01',
      to: '2026-01-02',
      sessions: 2,
      events: [
        { type: 'procedure-started', procedureId: 'p', stepId: null, events: 2, sessions: 2 },
        { type: 'step-reached', procedureId: 'p', stepId: 's', events: 2, sessions: 2 },
      ],
      calls: [],
      outline: () => ({ title: { es: 'Pago, "urgente"', en: 'Pay' }, steps: [{ id: 's', title: { es: '=Paso' } }] }),
    });
    const text = toCsv(analyticsCsvRows(analytics));
    const rows = text.split('\r\n');
    expect(rows[0]).toBe(
      'procedure_id,procedure_title,step_id,step_title,started,reached,completed,help_calls,idle_resets,abandoned,escalations,median_accept_seconds,median_arrive_seconds',
    );
    expect(rows[1]).toBe('p,"Pago, ""urgente""",,,2,,0,0,0,0,0,,');
    expect(rows[2]).toBe(`p,"Pago, ""urgente""",s,'=Paso,,2,,0,0,0,,,`);
  });
});
