/**
 * The line diff of the staff console's history: it must give back both texts exactly, pair as
 * many lines as the longest common subsequence (checked against a plain LCS table on small
 * inputs), and stay bounded on texts that have nothing in common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, splitLines } from '../../../core/procedure/diff.js';

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  return table[0]?.[0] ?? 0;
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'id: x', '  - kind: info', ''), { maxLength: 30 });

describe('diffLines', () => {
  it('shows a changed line as removed then added, with line numbers of each side', () => {
    const diff = diffLines('id: x\ntitle: Uno\nsteps: []\n', 'id: x\ntitle: Dos\nsteps: []\nowner: Ana\n');
    expect(diff.lines).toEqual([
      { kind: 'same', text: 'id: x', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'title: Uno', oldLine: 2 },
      { kind: 'added', text: 'title: Dos', newLine: 2 },
      { kind: 'same', text: 'steps: []', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'owner: Ana', newLine: 4 },
    ]);
    expect([diff.added, diff.removed, diff.coarse]).toEqual([2, 1, false]);
  });

  it('treats CRLF like LF and a final newline as no extra line', () => {
    expect(diffLines('a\r\nb\r\n', 'a\nb').lines.every((line) => line.kind === 'same')).toBe(true);
    expect(splitLines('')).toEqual([]);
  });

  it('gives back both texts and pairs as many lines as the longest common subsequence', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(a.join('\n'), b.join('\n'));
        const oldSide = diff.lines.filter((line) => line.kind !== 'added').map((line) => line.text);
        const newSide = diff.lines.filter((line) => line.kind !== 'removed').map((line) => line.text);
        // A trailing empty line is a final newline, which splitLines drops.
        expect(oldSide).toEqual(splitLines(a.join('\n')));
        expect(newSide).toEqual(splitLines(b.join('\n')));
        const same = diff.lines.filter((line) => line.kind === 'same').length;
        expect(same).toBe(lcsLength(splitLines(a.join('\n')), splitLines(b.join('\n'))));
        expect(diff.coarse).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers the lines of each side in order', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = diffLines(a.join('\n'), b.join('\n'));
        const olds = diff.lines.flatMap((line) => (line.oldLine === undefined ? [] : [line.oldLine]));
        const news = diff.lines.flatMap((line) => (line.newLine === undefined ? [] : [line.newLine]));
        expect(olds).toEqual(olds.map((_, index) => index + 1));
        expect(news).toEqual(news.map((_, index) => index + 1));
      }),
    );
  });

  it('gives up pairing, quickly and correctly, when the texts have too little in common', () => {
    const a = Array.from({ length: 20_000 }, (_, index) => `old line ${index}`).join('\n');
    const b = Array.from({ length: 20_000 }, (_, index) => `new line ${index}`).join('\n');
    const started = performance.now();
    const diff = diffLines(a, b);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(diff.coarse).toBe(true);
    expect([diff.removed, diff.added]).toEqual([20_000, 20_000]);
    // Small differences in a long text stay exact.
    const edited = a.replace('old line 10000\n', 'changed\n');
    expect(diffLines(a, edited)).toMatchObject({ added: 1, removed: 1, coarse: false });
  });
});
