import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBarControls } from '../../../core/kiosk/bar-fit.js';

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
      fc.property(fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 8 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 48 }), fc.integer({ min: 1, max: 600 }), (widths, width, gap, moreWidth) => {
        const list = widths.map((w, index) => ({ id: `c${index}`, width: w }));
        const kept = fitBarControls(list, { width, gap, moreWidth });
        const prefix = list.slice(0, kept.size);
        expect(prefix.every((control) => kept.has(control.id))).toBe(true);
        const used = prefix.reduce((sum, control) => sum + control.width, 0) + gap * Math.max(0, prefix.length - 1) + (kept.size < list.length ? gap + moreWidth : 0);
        if (kept.size > 0) expect(used).toBeLessThanOrEqual(width);
        // One more would not have fitted beside "Más opciones".
        const oneMore = list[kept.size];
        if (oneMore && kept.size < list.length) expect(used + oneMore.width + gap).toBeGreaterThan(width);
      }),
    );
  });
});
