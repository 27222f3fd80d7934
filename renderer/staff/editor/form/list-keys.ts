/** The keys of a list that is one Tab stop (the editor's step list): where each key moves the focus. */

/**
 * The index a key moves to from `index` in a list of `count` entries: Up and Down one entry,
 * stopping at the ends (no wrap, so holding a key never jumps from the last step to the first),
 * Home and End to the ends; undefined for any other key or an empty list.
 */
export function listKeyTarget(key: string, index: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
