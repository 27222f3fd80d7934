/**
 * The large on-screen keyboard under an input step's field: keys of at least 88 px with 32 px
 * gaps, "Borrar" and "Espacio", in the page's flow (so it never covers the help button). Each
 * key is an ordinary button: it acts on release, and sliding off cancels. With the tremor option
 * a second tap on the same key within 500 ms is ignored.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputFormat } from '../../../core/procedure/schema.js';
import { acceptsTap, keyboardPages, type Key, type LastTap } from './keyboard-layout.js';

/** Props of {@link OnScreenKeyboard}. */
export interface OnScreenKeyboardProps {
  format: InputFormat;
  ignoreRepeats: boolean;
  onKey: (key: Key) => void;
}

const keyId = (key: Key): string => (key.kind === 'char' ? key.char : key.kind);

/**
 * Screens shorter than this get the two-page keyboard: four rows of keys, the field and the
 * step bar do not fit above the help button on a 1080 px tall screen at the larger text sizes.
 */
const compactBelowHeight = 1200;

const pageKeyText = { letters: 'ABC', digits: '123' } as const;

/** The keyboard for one format. */
export function OnScreenKeyboard({ format, ignoreRepeats, onKey }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const last = useRef<LastTap | undefined>(undefined);
  const group = useRef<HTMLDivElement>(null);
  const [compact, setCompact] = useState(false);
  const [page, setPage] = useState(0);
  // The window the keyboard is drawn in (the staff preview draws it in a frame of a kiosk's size).
  useLayoutEffect(() => {
    const view = group.current?.ownerDocument.defaultView;
    if (view) setCompact(view.innerHeight < compactBelowHeight);
  }, []);
  const pages = keyboardPages(format, compact);
  const rows = pages[Math.min(page, pages.length - 1)] ?? [];
  // The event's own time stamp: when the finger lifted, whatever the page was busy with.
  const tap = (key: Key, at: number): void => {
    if (!acceptsTap(ignoreRepeats, last.current, keyId(key), at)) return;
    last.current = { key: keyId(key), at };
    if (key.kind === 'page') setPage(key.to);
    else onKey(key);
  };
  return (
    <div ref={group} className={`keyboard no-print${compact ? ' keyboard-compact' : ''}`} role="group" aria-label={t('keyboard.label')} dir="ltr" data-format={format}>
      {rows.map((row, index) => (
        <div key={index} className="keyboard-row">
          {row.map((key) => (
            <button
              key={keyId(key)}
              type="button"
              className={`kiosk-button keyboard-key keyboard-key-${key.kind}`}
              // The page key shows ABC / 123 and says what it brings: "Letras ABC", "Números 123".
              aria-label={key.kind === 'page' ? `${t(`keyboard.${key.shows}`)} ${pageKeyText[key.shows]}` : undefined}
              onClick={(event) => tap(key, event.timeStamp)}
            >
              {key.kind === 'char' ? key.char : key.kind === 'page' ? pageKeyText[key.shows] : t(`keyboard.${key.kind}`)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
