import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barControlsByPriority, fitBarControls } from '../../../core/kiosk/bar-fit.js';

const controls = [
  { id: 'repeat', width: 200 },
  { id: 'restart', width: 400 },
  { id: 'slower', width: 300 },
];

describe('fitBarControls', () => {
  it('keeps every control when all fit, without "Más opciones"', () => {
    expect(fitBarControls(controls, { width: 964, gap: 32, moreWidth: 300 })).toEqual(new Set(['repeat', 'restart', 'slower']));
  });

  it('moves the last ones out as soon as one does not fit, leaving room for "Más opciones"', () => {
    // All three need 964; with 963 one goes, and "Más opciones" (300) must fit beside the rest.
    expect(fitBarControls(controls, { width: 963, gap: 32, moreWidth: 300 })).toEqual(new Set(['repeat']));
    expect(fitBarControls(controls, { width: 200 + 32 + 400 + 32 + 200, gap: 32, moreWidth: 200 })).toEqual(new Set(['repeat', 'restart']));
  });

  it('stops at the first that does not fit, even where a later one would', () => {
    const wideSecond = [
      { id: 'repeat', width: 200 },
      { id: 'restart', width: 900 },
      { id: 'slower', width: 100 },
    ];
    expect(fitBarControls(wideSecond, { width: 800, gap: 32, moreWidth: 300 })).toEqual(new Set(['repeat']));
  });

  it('keeps none when not even the first fits beside "Más opciones"', () => {
    expect(fitBarControls(controls, { width: 400, gap: 32, moreWidth: 300 })).toEqual(new Set());
  });

  it('never keeps more than fits, and keeps a prefix of the priorities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 48 }),
        fc.integer({ min: 1, max: 600 }),
        (widths, width, gap, moreWidth) => {
          const list = widths.map((w, index) => ({ id: `c${index}`, width: w }));
          const kept = fitBarControls(list, { width, gap, moreWidth });
          const prefix = list.slice(0, kept.size);
          expect(prefix.every((control) => kept.has(control.id))).toBe(true);
          const used =
            prefix.reduce((sum, control) => sum + control.width, 0) + gap * Math.max(0, prefix.length - 1) + (kept.size < list.length ? gap + moreWidth : 0);
          if (kept.size > 0) expect(used).toBeLessThanOrEqual(width);
          // One more would not have fitted beside "Más opciones".
          const oneMore = list[kept.size];
          if (oneMore && kept.size < list.length) expect(used + oneMore.width + gap).toBeGreaterThan(width);
        },
      ),
    );
  });

  it('keeps "Repetir" first and "Empezar de nuevo" next; nothing in the bar leads into volunteer mode', () => {
    expect(barControlsByPriority).toEqual(['repeat', 'restart', 'speed', 'volume']);
    expect(barControlsByPriority as readonly string[]).not.toContain('volunteer');
  });

  it('on a 1,366 px screen at 64 px the four controls leave "Repetir" and "Empezar de nuevo" in the row', () => {
    // Widths read off a 1366×768 screenshot at 64 px (Repetir 190, Empezar de nuevo 495, Más
    // opciones 370 px; "Voz: lenta" and "Volumen: alto" estimated at 48 px); the bar's 1,366 px
    // less its padding, the DEMO label and a gap leave 1,142 px.
    const measured = [
      { id: 'repeat', width: 190 },
      { id: 'restart', width: 495 },
      { id: 'speed', width: 300 },
      { id: 'volume', width: 380 },
    ];
    expect(fitBarControls(measured, { width: 1142, gap: 32, moreWidth: 370 })).toEqual(new Set(['repeat', 'restart']));
  });
});
