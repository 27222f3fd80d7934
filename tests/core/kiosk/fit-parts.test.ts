import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packParts, partOfBlock } from '../../../core/kiosk/fit-parts.js';

describe('packParts', () => {
  it('keeps everything in one part when it fits, counting the gaps', () => {
    expect(packParts({ heights: [100, 200, 100], room: 464, gap: 32 })).toEqual([[0, 1, 2]]);
    expect(packParts({ heights: [100, 200, 100], room: 463, gap: 32 })).toEqual([[0, 1], [2]]);
  });

  it('gives a block taller than the room a part of its own, and no blocks one empty part', () => {
    expect(packParts({ heights: [50, 900, 50], room: 400, gap: 10 })).toEqual([[0], [1], [2]]);
    expect(packParts({ heights: [], room: 400, gap: 10 })).toEqual([[]]);
  });

  it('finds the part of a block', () => {
    expect(partOfBlock([[0, 1], [2, 3]], 3)).toBe(1);
    expect(partOfBlock([[0, 1], [2, 3]], 9)).toBe(0);
  });

  it('keeps every block once, in order, and no part over the room unless one block alone is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1200 }), { maxLength: 40 }), fc.integer({ min: 1, max: 1200 }), fc.integer({ min: 0, max: 64 }), (heights, room, gap) => {
        const parts = packParts({ heights, room, gap });
        expect(parts.flat()).toEqual(heights.map((_, index) => index));
        for (const part of parts) {
          const total = part.reduce((sum, index) => sum + (heights[index] ?? 0), 0) + gap * Math.max(0, part.length - 1);
          if (part.length > 1) expect(total).toBeLessThanOrEqual(room);
        }
        // Greedy: the first block of each later part would not have fitted in the part before.
        for (let i = 1; i < parts.length; i++) {
          const before = parts[i - 1] ?? [];
          const first = parts[i]?.[0] ?? 0;
          const total = before.reduce((sum, index) => sum + (heights[index] ?? 0), 0) + gap * before.length + (heights[first] ?? 0);
          expect(total).toBeGreaterThan(room);
        }
      }),
    );
  });
});
