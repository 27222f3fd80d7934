/**
 * The large on-screen keyboard under an input step's field: keys of at least 88 px with 32 px
 * gaps, "Borrar" and "Espacio", in the page's flow (so it never covers the help button). Each
 * key is an ordinary button: it acts on release, and sliding off cancels. With the tremor option
 * a second tap on the same key within 500 ms is ignored.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputFormat } from '../../../core/procedure/schema.js';
import { acceptsTap, keyboardRows, type Key, type LastTap } from './keyboard-layout.js';

/** Props of {@link OnScreenKeyboard}. */
export interface OnScreenKeyboardProps {
  format: InputFormat;
  ignoreRepeats: boolean;
  onKey: (key: Key) => void;
}

const keyId = (key: Key): string => (key.kind === 'char' ? key.char : key.kind);

/** The keyboard for one format. */
export function OnScreenKeyboard({ format, ignoreRepeats, onKey }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const last = useRef<LastTap | undefined>(undefined);
  // The event's own time stamp: when the finger lifted, whatever the page was busy with.
  const tap = (key: Key, at: number): void => {
    if (!acceptsTap(ignoreRepeats, last.current, keyId(key), at)) return;
    last.current = { key: keyId(key), at };
    onKey(key);
  };
  return (
    <div className="keyboard no-print" role="group" aria-label={t('keyboard.label')} dir="ltr" data-format={format}>
      {keyboardRows(format).map((row, index) => (
        <div key={index} className="keyboard-row">
          {row.map((key) => (
            <button key={keyId(key)} type="button" className={`kiosk-button keyboard-key keyboard-key-${key.kind}`} onClick={(event) => tap(key, event.timeStamp)}>
              {key.kind === 'char' ? key.char : t(`keyboard.${key.kind === 'erase' ? 'erase' : 'space'}`)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
