/** Checks the editor's text as the author types, a moment after they pause. */
import { useEffect, useState } from 'react';
import { checkForEditor, type EditorCheck } from './located-problems.js';

// Long enough not to check on every keystroke of a word, short enough to feel live.
const pauseMs = 300;

/** The latest check of `text`, and whether a newer one is on its way. */
export function useChecker(text: string): EditorCheck & { checking: boolean } {
  const [checked, setChecked] = useState<{ text: string; result: EditorCheck }>(() => ({ text, result: checkForEditor(text) }));
  useEffect(() => {
    if (checked.text === text) return;
    const timer = window.setTimeout(() => setChecked({ text, result: checkForEditor(text) }), pauseMs);
    return () => window.clearTimeout(timer);
  }, [text, checked.text]);
  return { ...checked.result, checking: checked.text !== text };
}
