import { describe, expect, it } from 'vitest';
import { foldUnchanged } from '../../../renderer/staff/history/fold-diff.js';

describe('history diff folding', () => {
  it('folds long unchanged runs around the changes', () => {
    const same = (n: number) => ({ kind: 'same' as const, text: `l${n}`, oldLine: n, newLine: n });
    const lines = [
      ...Array.from({ length: 10 }, (_v, i) => same(i + 1)),
      { kind: 'removed' as const, text: 'old', oldLine: 11 },
      { kind: 'added' as const, text: 'new', newLine: 11 },
      ...Array.from({ length: 10 }, (_v, i) => same(i + 12)),
    ];
    const folded = foldUnchanged(lines, 2);
    expect(folded[0]).toEqual({ kind: 'gap', skipped: 8 });
    expect(folded.filter((line) => line.kind === 'same')).toHaveLength(4);
    expect(folded.at(-1)).toEqual({ kind: 'gap', skipped: 8 });
    expect(foldUnchanged([same(1)])).toEqual([{ kind: 'gap', skipped: 1 }]);
  });
});
