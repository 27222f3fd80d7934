/**
 * The large on-screen keyboard under an input step's field: keys of at least 88 px with 32 px
 * gaps, "Espacio" where a space can be typed, in the page's flow (so it never covers the help
 * button); "Borrar" is beside the field (step-screen.tsx), sharing the keyboard's tap filter.
 * Each key is a PressButton: it acts on release, sliding off cancels, and the kiosk's rule
 * applies (with the tremor option a second tap on the same key within 500 ms is ignored, as on
 * every button: core/kiosk/press-gate.ts).
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputFormat } from '../../../core/procedure/schema.js';
import { columnsThatFit, fullRowKeys, keyboardPages, letterPages, type Key, type KeyboardFit } from './keyboard-layout.js';
import { PressButton } from '../../ui/press/press-button.js';

/** Props of {@link OnScreenKeyboard}. */
export interface OnScreenKeyboardProps {
  format: InputFormat;
  /** An "Espacio" key (free text has one whatever this says; a DNI/NIE none unless asked, as the volunteer's name does). */
  space?: boolean;
  onKey: (key: Key) => void;
}

const keyId = (key: Key): string => (key.kind === 'char' ? key.char : key.kind === 'page' ? `page-${key.to}` : key.kind);

/**
 * Screens shorter than this get the two-page keyboard: four rows of keys, the field and the
 * step bar do not fit above the help button on a 1080 px tall screen at the larger text sizes.
 */
const compactBelowHeight = 1200;

/**
 * On a short screen, two rows of keys a page at most where it holds fewer than this many lines
 * of the text size: every short screen but 1,920×1,080 at 32 px. There a help call's status
 * leaves room for the field, its error and two rows, not three (the fit matrix's finding: a
 * third row was 87 px under the dock on 1,280×1,024 at 32 px); the letters then flow in
 * alphabetical order, in pages like "A–N" and "Ñ–Z" where two rows cannot hold them all.
 */
const twoRowsBelowLines = 33;

/**
 * Under this height (a 768 px screen) the letters take one row a page where that can be done in
 * at most {@link mostOneRowLetterPages} pages (11 keys across: "A–G", "H–N", "Ñ–T", "U–Z"): two
 * rows and the field's error were 89 px more than the room at 48 px (the fit matrix).
 */
const oneRowBelowHeight = 800;
const mostOneRowLetterPages = 4;

/** ACCESSIBILITY.md: the smallest target and the space between two, CSS px (kiosk.css uses the same). */
const smallestKey = 88;
const keyGap = 32;

const pageKeyText = { letters: 'ABC', digits: '123' } as const;

/** The keyboard for one format. */
export function OnScreenKeyboard({ format, space = format === 'text', onKey }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const group = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<KeyboardFit>({ short: false, columns: fullRowKeys });
  const [page, setPage] = useState(0);
  // The window the keyboard is drawn in (the staff preview draws it in a frame of a kiosk's
  // size) and the width it has there, measured before the first paint.
  useLayoutEffect(() => {
    const element = group.current;
    const view = element?.ownerDocument.defaultView;
    if (!element || !view) return;
    // The width is its container's (the field's form, the sign-in box), not its own: a number
    // pad is first drawn beside the field in a narrow column, and measured there it took 3 keys
    // across, then stayed so while its part was hidden (a date's "/" on a second row at
    // 1920×1080, and a re-pack to one part when the part was shown).
    const container = element.parentElement ?? element;
    const measure = (): void => {
      const style = view.getComputedStyle(container);
      const width = container.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      // Hidden on another part of the step: nothing to measure until it is shown.
      if (!(width > 0)) return;
      const columns = columnsThatFit(width, smallestKey, keyGap);
      const short = view.innerHeight < compactBelowHeight;
      const textSize = parseFloat(view.getComputedStyle(element).getPropertyValue('--text-body')) || 32;
      const oneRow = view.innerHeight < oneRowBelowHeight && letterPages(columns, 1).length <= mostOneRowLetterPages;
      const maxRows = short && view.innerHeight / textSize < twoRowsBelowLines ? (oneRow ? 1 : 2) : undefined;
      setFit((current) =>
        current.columns === columns && current.short === short && current.maxRows === maxRows
          ? current
          : { short, columns, ...(maxRows !== undefined ? { maxRows } : {}) },
      );
    };
    measure();
    view.addEventListener('resize', measure);
    // The container's width changes without the window's too (a part shown, the staff preview's frame).
    const watcher = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    watcher?.observe(container);
    return () => {
      view.removeEventListener('resize', measure);
      watcher?.disconnect();
    };
  }, []);
  const pages = keyboardPages(format, fit, space);
  // Narrow, or too short for three rows of letters: the keys flow into full rows of `columns`;
  // only the DNI/NIE and text keyboards need it (a digit pad is three keys across).
  const flowing =
    ((fit.columns < fullRowKeys || fit.maxRows !== undefined) && pages.length > 1) || pages.some((rows) => rows.some((row) => row.length > fullRowKeys));
  const compact = fit.short || flowing;
  const rows = pages[Math.min(page, pages.length - 1)] ?? [];
  const tap = (key: Key): void => {
    if (key.kind === 'page') setPage(key.to);
    else onKey(key);
  };
  return (
    <div
      ref={group}
      // The spoken mode types from the keypad and its picker; these keys are for fingers.
      data-spoken-skip=""
      className={`keyboard no-print${compact ? ' keyboard-compact' : ''}${flowing ? ' keyboard-flow' : ''}`}
      style={flowing ? ({ '--keyboard-columns': fit.columns } as CSSProperties) : undefined}
      role="group"
      aria-label={t('keyboard.label')}
      dir="ltr"
      data-format={format}
    >
      {rows.map((row, index) => (
        <div key={index} className="keyboard-row">
          {row.map((key) => (
            <PressButton
              key={keyId(key)}
              className={`kiosk-button keyboard-key keyboard-key-${key.kind}`}
              // The page key shows ABC / 123 and says what it brings: "Letras ABC", "Números 123".
              aria-label={key.kind === 'page' ? `${t(`keyboard.${key.shows}`)} ${key.range ?? pageKeyText[key.shows]}` : undefined}
              onPress={() => tap(key)}
            >
              {key.kind === 'char' ? key.char : key.kind === 'page' ? (key.range ?? pageKeyText[key.shows]) : t(`keyboard.${key.kind}`)}
            </PressButton>
          ))}
        </div>
      ))}
    </div>
  );
}
