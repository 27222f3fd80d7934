/**
 * A line diff of two procedure texts, for the staff console's history ("what changed between
 * version 3 and 4"). Pure.
 *
 * Written here rather than taken from a library: no diff package is installed, the need is one
 * function (lines in, same/added/removed lines out), and Myers' algorithm is short. The common
 * start and end are set aside first (an edit usually touches a few lines of a long script), then
 * Myers' O((N+M)·D) greedy search pairs the rest. When the texts differ so much that the search
 * would grow past {@link maxEditDistance}, the answer is "all of the old removed, all of the new
 * added": correct, just coarse, and bounded in time and memory whatever staff paste.
 */

/** One line of a diff. `same` lines carry both line numbers; `added` the new, `removed` the old. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  oldLine?: number;
  newLine?: number;
}

/** A diff: every line of both texts in order. */
export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** True when the texts were too different to pair lines. */
  coarse: boolean;
}

/** Past this many inserted plus deleted lines the diff gives up pairing lines. */
export const maxEditDistance = 2000;

/** Splits a text into lines, without the line endings (`\n` or `\r\n`); a final newline adds no empty line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The line diff from `oldText` to `newText`. */
export function diffLines(oldText: string, newText: string, limit = maxEditDistance): LineDiff {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB), limit);
  const lines: DiffLine[] = [];
  for (let i = 0; i < start; i++) lines.push({ kind: 'same', text: a[i] ?? '', oldLine: i + 1, newLine: i + 1 });
  let oldLine = start + 1;
  let newLine = start + 1;
  const coarse = middle === undefined;
  for (const op of middle ?? coarseOps(endA - start, endB - start)) {
    if (op === 'same') lines.push({ kind: 'same', text: a[oldLine - 1] ?? '', oldLine: oldLine++, newLine: newLine++ });
    else if (op === 'removed') lines.push({ kind: 'removed', text: a[oldLine - 1] ?? '', oldLine: oldLine++ });
    else lines.push({ kind: 'added', text: b[newLine - 1] ?? '', newLine: newLine++ });
  }
  for (let i = endA; i < a.length; i++) lines.push({ kind: 'same', text: a[i] ?? '', oldLine: oldLine++, newLine: newLine++ });
  return { lines, added: lines.filter((line) => line.kind === 'added').length, removed: lines.filter((line) => line.kind === 'removed').length, coarse };
}

type Op = 'same' | 'added' | 'removed';

function coarseOps(removed: number, added: number): Op[] {
  return [...Array<Op>(removed).fill('removed'), ...Array<Op>(added).fill('added')];
}

/**
 * Myers' greedy shortest edit script. `v[k]` is the furthest x reached on diagonal k (k = x − y)
 * with d edits; a copy of `v` per d lets the path be walked back. Removals come before additions
 * in each changed run, as people read diffs. Undefined when more than `limit` edits are needed.
 */
function myers(a: readonly string[], b: readonly string[], limit: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0) return Array<Op>(m).fill('added');
  if (m === 0) return Array<Op>(n).fill('removed');
  const max = Math.min(n + m, limit);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Round d reads diagonals −d−1 … d+1 only: keeping just that slice of v bounds memory to about
  // 4·D² bytes (16 MB at the limit) instead of a full copy per round.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return walkBack(trace, n, m, d);
    }
  }
  return undefined;
}

function walkBack(trace: readonly Int32Array[], n: number, m: number, depth: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    // trace[d] holds diagonals −d−1 … d+1 of v as round d found it.
    const v = trace[d] ?? new Int32Array(0);
    const at = (k: number): number => v[k + d + 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('same');
      x--;
      y--;
    }
    ops.push(down ? 'added' : 'removed');
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    ops.push('same');
    x--;
    y--;
  }
  return ops.reverse();
}
