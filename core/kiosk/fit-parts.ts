/**
 * Splitting a screen's content into parts that each fit the room on screen, so nothing a senior
 * needs is ever below the fold and nobody has to scroll (issue 12, ACCESSIBILITY.md "in sight").
 * Pure: the kiosk measures the blocks' heights and the room, this decides which go together.
 */

/** What {@link packParts} is given, all in CSS px. */
export interface FitInput {
  /** Each block's height, in the order they are read. */
  heights: readonly number[];
  /** The room for blocks in one part (the screen's step area, less what every part repeats). */
  room: number;
  /** The room in the first part when it differs (its full heading takes more than the later parts' short one). */
  firstRoom?: number;
  /** The space between two blocks of one part. */
  gap: number;
}

/** The blocks of each part, by index; every block is in exactly one part, in order. */
export type Parts = number[][];

/**
 * Packs blocks into as few parts as keep their order, each filled as far as it goes. A block
 * taller than the room on its own gets a part to itself (it cannot be split here; the fit scan
 * names it). No blocks give one empty part, so a screen always has a part to show.
 */
export function packParts({ heights, room, gap, firstRoom = room }: FitInput): Parts {
  const parts: Parts = [];
  let current: number[] = [];
  let used = 0;
  heights.forEach((height, index) => {
    const needed = current.length === 0 ? height : used + gap + height;
    if (current.length > 0 && needed > (parts.length === 0 ? firstRoom : room)) {
      parts.push(current);
      current = [index];
      used = height;
      return;
    }
    current.push(index);
    used = needed;
  });
  parts.push(current);
  return parts;
}

/**
 * Whether the first part should take the later parts' short heading too: when the first block
 * (or the first row of a grid) is taller than the room under the full heading but fits under the
 * short one. Otherwise that block would be cut off on part 1 (a sentence with a glossary term
 * under a two-line heading at 64 px on a 768 px screen), and the short heading saves it.
 */
export function compactFirstPart({ first, room, firstRoom }: { first: number; room: number; firstRoom: number }): boolean {
  return first > firstRoom && first <= room;
}

/** The part that holds `block`, so what the senior was looking at stays on screen after a re-pack. */
export function partOfBlock(parts: Parts, block: number): number {
  const found = parts.findIndex((indices) => indices.includes(block));
  return found === -1 ? 0 : found;
}

/**
 * {@link packParts} for blocks laid out in a grid of `columns` (the comfort screen's two columns
 * on a wide screen): blocks go in rows of `columns`, a row as tall as its tallest block, and a
 * part breaks only between rows, so the grid places each part's blocks as they were measured.
 */
export function packGridParts({ columns, heights, ...rest }: FitInput & { columns: number }): Parts {
  const perRow = Math.max(1, Math.floor(columns));
  const rows: number[][] = [];
  heights.forEach((_, index) => {
    if (index % perRow === 0) rows.push([]);
    rows[rows.length - 1]?.push(index);
  });
  const rowParts = packParts({ ...rest, heights: rows.map((row) => Math.max(...row.map((index) => heights[index] ?? 0))) });
  return rowParts.map((rowIndices) => rowIndices.flatMap((row) => rows[row] ?? []));
}
