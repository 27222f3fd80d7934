import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactFirstPart, packGridParts, packParts, partOfBlock } from '../../../core/kiosk/fit-parts.js';

describe('packParts', () => {
  it('keeps everything in one part when it fits, counting the gaps', () => {
    expect(packParts({ heights: [100, 200, 100], room: 464, gap: 32 })).toEqual([[0, 1, 2]]);
    expect(packParts({ heights: [100, 200, 100], room: 463, gap: 32 })).toEqual([[0, 1], [2]]);
  });

  it('gives a block taller than the room a part of its own, and no blocks one empty part', () => {
    expect(packParts({ heights: [50, 900, 50], room: 400, gap: 10 })).toEqual([[0], [1], [2]]);
    expect(packParts({ heights: [], room: 400, gap: 10 })).toEqual([[]]);
  });

  it("gives the first part its own room when its heading is taller than the later parts' one", () => {
    expect(packParts({ heights: [100, 100, 100, 100], room: 400, firstRoom: 150, gap: 0 })).toEqual([[0], [1, 2, 3]]);
  });

  it('finds the part of a block', () => {
    expect(
      partOfBlock(
        [
          [0, 1],
          [2, 3],
        ],
        3,
      ),
    ).toBe(1);
    expect(
      partOfBlock(
        [
          [0, 1],
          [2, 3],
        ],
        9,
      ),
    ).toBe(0);
  });

  it('keeps every block once, in order, and no part over the room unless one block alone is', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 1200 }),
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 1, max: 1200 }),
        (heights, room, gap, firstRoom) => {
          const parts = packParts({ heights, room, gap, firstRoom });
          const roomOf = (part: number): number => (part === 0 ? firstRoom : room);
          expect(parts.flat()).toEqual(heights.map((_, index) => index));
          parts.forEach((part, at) => {
            const total = part.reduce((sum, index) => sum + (heights[index] ?? 0), 0) + gap * Math.max(0, part.length - 1);
            if (part.length > 1) expect(total).toBeLessThanOrEqual(roomOf(at));
          });
          // Greedy: the first block of each later part would not have fitted in the part before.
          for (let i = 1; i < parts.length; i++) {
            const before = parts[i - 1] ?? [];
            const first = parts[i]?.[0] ?? 0;
            const total = before.reduce((sum, index) => sum + (heights[index] ?? 0), 0) + gap * before.length + (heights[first] ?? 0);
            expect(total).toBeGreaterThan(roomOf(i - 1));
          }
        },
      ),
    );
  });

  it('packs a grid by whole rows, each as tall as its tallest block', () => {
    // Two columns: rows [0,1] (200), [2,3] (300), [4,5] (100); the room holds 200 + 32 + 300.
    expect(packGridParts({ heights: [200, 150, 300, 100, 100, 50], columns: 2, room: 532, gap: 32 })).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
    // One column is packParts itself.
    expect(packGridParts({ heights: [100, 100, 100], columns: 1, room: 232, gap: 32 })).toEqual(packParts({ heights: [100, 100, 100], room: 232, gap: 32 }));
    // A last row with one block.
    expect(packGridParts({ heights: [100, 100, 100], columns: 2, room: 1000, gap: 32 })).toEqual([[0, 1, 2]]);
  });
});

describe('the short heading on the first part', () => {
  it('is taken when the first block fits only under the short heading', () => {
    expect(compactFirstPart({ first: 260, room: 300, firstRoom: 240 })).toBe(true);
  });

  it('is not taken when the first block fits under the full heading', () => {
    expect(compactFirstPart({ first: 240, room: 300, firstRoom: 240 })).toBe(false);
  });

  it('is not taken when even the short heading leaves too little room: that block overflows either way, and the full heading stays', () => {
    expect(compactFirstPart({ first: 301, room: 300, firstRoom: 240 })).toBe(false);
  });
});
