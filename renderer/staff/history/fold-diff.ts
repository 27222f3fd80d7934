/**
 * Folding a diff for reading: the hub sends every line of both versions (core/protocol/
 * staff-console.ts diff), and the History panel shows the changes with a little context, like
 * `diff -u`, saying how many unchanged lines each gap hides.
 */
import type { DiffLine } from '../../../core/protocol/staff-console.js';

/** A stretch of the diff to show: changed lines with `context` unchanged lines around them. */
export type DiffHunkLine = DiffLine | { kind: 'gap'; skipped: number };

/** Folds long unchanged stretches into a "n lines unchanged" gap, keeping `context` lines around each change. */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffHunkLine[] {
  const keep = lines.map((line) => line.kind !== 'same');
  const near = lines.map((_line, index) => {
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k += 1) if (keep[k]) return true;
    return false;
  });
  const folded: DiffHunkLine[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (near[index]) {
      if (skipped > 0) folded.push({ kind: 'gap', skipped });
      skipped = 0;
      folded.push(line);
    } else skipped += 1;
  });
  if (skipped > 0) folded.push({ kind: 'gap', skipped });
  return folded;
}
