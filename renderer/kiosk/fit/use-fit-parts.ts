/**
 * Splits a screen's blocks into parts that each fit its area, measured in the browser: the
 * blocks are laid out all at once (before the browser paints), their heights read, and packed
 * by core/kiosk/fit-parts.ts; then only the current part's blocks are shown. A change of the
 * area (window, text size, the help panel growing in the dock) or of a shown block (an error
 * appearing) packs again, keeping on screen a block that now shows an error, or else the one
 * the senior was reading. Blocks stay
 * mounted while hidden, so a half-typed answer is never lost to a re-pack.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { compactFirstPart, packGridParts, packParts, partOfBlock, type Parts } from '../../../core/kiosk/fit-parts.js';

/** What a screen needs to page its blocks. */
export interface FitParts {
  /**
   * Callback ref for the area whose height is the room. Its children marked `data-fit-block`
   * are the blocks, in order; the one marked `data-fit-header` is repeated on every part, so
   * its height is not room: in full on the first part, and on later parts in the shorter form
   * it takes with `data-compact` (one line: the heading beside the progress).
   */
  attachArea: (element: HTMLElement | null) => void;
  /** Whether block `index` is on screen now (every block while measuring). */
  shows: (index: number) => boolean;
  /** The part on screen, from 0. */
  part: number;
  /**
   * The header takes its short form (`data-compact`) on the part on screen: on every part after
   * the first, and on the first too when its first block fits only under the short one.
   */
  compact: boolean;
  parts: number;
  /**
   * A block is taller than the room even alone: its part can be scrolled rather than cut off
   * (a last resort, never the design: the fit scan names such a block).
   */
  overflows: boolean;
  /** The parts are packed for what is on screen now (false while the blocks are being measured). */
  settled: boolean;
  next: () => void;
  previous: () => void;
}

/** The gap between blocks, CSS px: ACCESSIBILITY.md's 32 px between targets (kiosk.css .fit-area). */
const blockGap = 32;

const blocksOf = (area: HTMLElement): HTMLElement[] => Array.from(area.querySelectorAll<HTMLElement>(':scope > [data-fit-block]'));

/**
 * Pages `blockCount` blocks; `contentKey` changes when the screen shows something else, which
 * starts again at part 1.
 */
export function useFitParts(blockCount: number, contentKey: string): FitParts {
  const [area, setArea] = useState<HTMLElement | null>(null);
  const [measuring, setMeasuring] = useState(true);
  const [parts, setParts] = useState<Parts>([[]]);
  const [overflows, setOverflows] = useState(false);
  const [compactFirst, setCompactFirst] = useState(false);
  const [part, setPart] = useState(0);
  // The first block of the part on screen: after a re-pack, the part that holds it is shown.
  const [anchor, setAnchor] = useState(0);
  const lastAreaSize = useRef('');
  const lastHeights = useRef(new Map<Element, number>());

  // A new screen: measure again from part 1.
  const [measuredKey, setMeasuredKey] = useState(contentKey);
  if (measuredKey !== contentKey) {
    setMeasuredKey(contentKey);
    setMeasuring(true);
    setPart(0);
    setAnchor(0);
  }

  const remeasure = useCallback(() => setMeasuring(true), []);

  useLayoutEffect(() => {
    if (!measuring || !area) return;
    const style = getComputedStyle(area);
    const padding = parseFloat(style.paddingBlockStart) + parseFloat(style.paddingBlockEnd);
    const header = area.querySelector(':scope > [data-fit-header]');
    const headerHeight = header ? header.getBoundingClientRect().height + blockGap : 0;
    // The later parts' header, measured by putting it in its short form for a moment (before paint).
    let laterHeaderHeight = headerHeight;
    if (header) {
      header.setAttribute('data-compact', '');
      laterHeaderHeight = header.getBoundingClientRect().height + blockGap;
      header.removeAttribute('data-compact');
    }
    const room = area.clientHeight - padding - laterHeaderHeight;
    const fullFirstRoom = area.clientHeight - padding - headerHeight;
    const heights = blocksOf(area).map((element) => {
      const height = element.getBoundingClientRect().height;
      lastHeights.current.set(element, height);
      return height;
    });
    // A grid area (the comfort screen's columns) packs whole rows; a column of blocks packs each.
    const columns = style.display === 'grid' ? style.gridTemplateColumns.split(' ').filter((track) => track !== '').length : 1;
    const compact = compactFirstPart({ first: Math.max(0, ...heights.slice(0, columns)), room, firstRoom: fullFirstRoom });
    const firstRoom = compact ? room : fullFirstRoom;
    const packed = columns > 1 ? packGridParts({ heights, columns, room, firstRoom, gap: blockGap }) : packParts({ heights, room, firstRoom, gap: blockGap });
    lastAreaSize.current = `${area.clientWidth}x${area.clientHeight}`;
    setParts(packed);
    setCompactFirst(compact);
    setOverflows(packed.some((indices, at) => indices.some((index) => (heights[index] ?? 0) > (at === 0 ? firstRoom : room))));
    setPart(partOfBlock(packed, anchor));
    setMeasuring(false);
  }, [measuring, area, blockCount, measuredKey, anchor]);

  // Watch the area and every block: a size that changed while not measuring means pack again.
  useLayoutEffect(() => {
    if (!area || typeof ResizeObserver === 'undefined') return;
    const watcher = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        if (element === area) {
          const size = `${element.clientWidth}x${element.clientHeight}`;
          if (size !== lastAreaSize.current) remeasure();
          continue;
        }
        // A hidden block reports 0: only a shown block whose height moved counts.
        if (element.hidden) continue;
        const known = lastHeights.current.get(element);
        const height = element.getBoundingClientRect().height;
        if (known === undefined || Math.abs(known - height) > 1) {
          // A block that now holds an error (under its field) must be seen: after the re-pack,
          // the part that holds it is on screen. Other changes (a picture loading) keep the part.
          const index = blocksOf(area).indexOf(element);
          if (index !== -1 && element.querySelector('[role="alert"]')) setAnchor(index);
          remeasure();
        }
      }
    });
    watcher.observe(area);
    for (const element of blocksOf(area)) watcher.observe(element);
    return () => watcher.disconnect();
  }, [area, remeasure, measuredKey, blockCount]);

  const shown = parts[part] ?? [];
  const go = (to: number): void => {
    const bounded = Math.max(0, Math.min(parts.length - 1, to));
    setAnchor(parts[bounded]?.[0] ?? 0);
    setPart(bounded);
  };
  return {
    attachArea: setArea,
    shows: (index) => measuring || shown.includes(index),
    part: measuring ? 0 : part,
    // While measuring the header is in its full form: the layout effect reads both forms itself.
    compact: !measuring && (part > 0 || compactFirst),
    parts: measuring ? 1 : parts.length,
    overflows: !measuring && overflows,
    settled: !measuring,
    next: () => go(part + 1),
    previous: () => go(part - 1),
  };
}
