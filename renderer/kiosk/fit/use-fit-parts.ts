/**
 * Splits a screen's blocks into parts that each fit its area, measured in the browser: the
 * blocks are laid out all at once (before the browser paints), their heights read, and packed
 * by core/kiosk/fit-parts.ts; then only the current part's blocks are shown. A change of the
 * area (window, text size, the help panel growing in the dock) or of a shown block (an error
 * appearing) packs again, keeping the block the senior was reading on screen. Blocks stay
 * mounted while hidden, so a half-typed answer is never lost to a re-pack.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { packParts, partOfBlock, type Parts } from '../../../core/kiosk/fit-parts.js';

/** What a screen needs to page its blocks. */
export interface FitParts {
  /** Ref for the area whose height is the room (it repeats its header on every part). */
  areaRef: (element: HTMLElement | null) => void;
  /** Ref for the part of the area every part repeats (heading, progress): its height is not room. */
  headerRef: (element: HTMLElement | null) => void;
  /** Ref for block `index`'s wrapper. */
  blockRef: (index: number) => (element: HTMLElement | null) => void;
  /** Whether block `index` is on screen now (every block while measuring). */
  shows: (index: number) => boolean;
  /** The part on screen, from 0. */
  part: number;
  parts: number;
  next: () => void;
  previous: () => void;
}

/** The gap between blocks, CSS px: ACCESSIBILITY.md's 32 px between targets (kiosk.css .fit-block). */
const blockGap = 32;

/**
 * Pages `blockCount` blocks; `contentKey` changes when the screen shows something else (a new
 * step), which starts again at part 1.
 */
export function useFitParts(blockCount: number, contentKey: string): FitParts {
  const [measuring, setMeasuring] = useState(true);
  const [parts, setParts] = useState<Parts>([[]]);
  const [part, setPart] = useState(0);
  const area = useRef<HTMLElement | null>(null);
  const header = useRef<HTMLElement | null>(null);
  const blocks = useRef<(HTMLElement | null)[]>([]);
  const lastAreaSize = useRef('');
  const lastHeights = useRef(new Map<Element, number>());
  // The first block of the part on screen: after a re-pack, the part that holds it is shown.
  const [anchor, setAnchor] = useState(0);

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
    if (!measuring) return;
    const areaElement = area.current;
    if (!areaElement) return;
    const style = getComputedStyle(areaElement);
    const padding = parseFloat(style.paddingBlockStart) + parseFloat(style.paddingBlockEnd);
    const headerHeight = header.current ? header.current.getBoundingClientRect().height + blockGap : 0;
    const room = areaElement.clientHeight - padding - headerHeight;
    const heights: number[] = [];
    for (let index = 0; index < blockCount; index++) {
      const element = blocks.current[index];
      const height = element ? element.getBoundingClientRect().height : 0;
      heights.push(height);
      if (element) lastHeights.current.set(element, height);
    }
    const packed = packParts({ heights, room, gap: blockGap });
    lastAreaSize.current = `${areaElement.clientWidth}x${areaElement.clientHeight}`;
    setParts(packed);
    setPart(partOfBlock(packed, anchor));
    setMeasuring(false);
  }, [measuring, blockCount, measuredKey, anchor]);

  // Watch the area and every block: a size that changed while not measuring means pack again.
  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    const watcher = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        if (element === area.current) {
          const size = `${element.clientWidth}x${element.clientHeight}`;
          if (size !== lastAreaSize.current) remeasure();
          continue;
        }
        // A hidden block reports 0: only a shown block whose height moved counts.
        if (element.hidden) continue;
        const known = lastHeights.current.get(element);
        const height = element.getBoundingClientRect().height;
        if (known === undefined || Math.abs(known - height) > 1) remeasure();
      }
    });
    if (area.current) watcher.observe(area.current);
    for (const element of blocks.current) if (element) watcher.observe(element);
    return () => watcher.disconnect();
  }, [remeasure, measuredKey, blockCount]);

  const shown = parts[part] ?? [];
  const go = (to: number): void => {
    const bounded = Math.max(0, Math.min(parts.length - 1, to));
    setAnchor(parts[bounded]?.[0] ?? 0);
    setPart(bounded);
  };
  return {
    areaRef: (element) => {
      area.current = element;
    },
    headerRef: (element) => {
      header.current = element;
    },
    blockRef: (index) => (element) => {
      blocks.current[index] = element;
    },
    shows: (index) => measuring || shown.includes(index),
    part: measuring ? 0 : part,
    parts: measuring ? 1 : parts.length,
    next: () => go(part + 1),
    previous: () => go(part - 1),
  };
}
