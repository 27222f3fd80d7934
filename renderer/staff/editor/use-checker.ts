/**
 * Checks the editor's text as the author types, a moment after they pause, in a Web Worker
 * (check.worker.ts) so that typing never waits for the check: a 400 KB script takes the checker
 * about a second. The worker also reads the form's data (editor-screen.tsx uses it for a text
 * too large to read on every keystroke). One check runs at a time; texts typed meanwhile wait, and only the newest of
 * them is checked next. An answer about a text older than one already shown, or than one waiting
 * to be checked, is stale and thrown away.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { CheckReply, CheckRequest } from './check-messages.js';
import { checkForEditor, type EditorCheck } from './located-problems.js';
import { formDataOf, type FormData } from './yaml-document.js';

// Long enough not to check on every keystroke of a word, short enough to feel live.
const pauseMs = 300;

type Checked = { id: number; text: string; result: EditorCheck; form: FormData };

/** Checks a text on the page itself, and reads the form's data from it. */
function checkHere(id: number, text: string): Checked {
  return { id, text, result: checkForEditor(text), form: formDataOf(text) };
}

/** The worker, with the one check it is running and the newest text waiting for it. */
class CheckingWorker {
  private readonly worker: Worker;
  private lastId = 0;
  private running: CheckRequest | undefined;
  private waiting: string | undefined;
  // Set when the worker could not start: the checks then run on the page, as before workers.
  private broken = false;

  constructor(
    private readonly onChecked: (checked: Checked) => void,
    warmUpText: string,
  ) {
    this.worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'editor-checker' });
    // A first check of the text as loaded (its answer, id 0, is not wanted): the worker's code is
    // read and warmed up before the author's first pause, which is then checked without delay.
    this.running = { id: 0, text: warmUpText };
    this.worker.postMessage(this.running);
    this.worker.onmessage = (event: MessageEvent<CheckReply>) => {
      const ran = this.running;
      this.running = undefined;
      // Stale when a newer text is already waiting: it is checked at once instead.
      if (ran && ran.id === event.data.id && this.waiting === undefined)
        this.onChecked({ id: ran.id, text: ran.text, result: event.data.check, form: event.data.form });
      this.next();
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.broken = true;
      const ran = this.running;
      this.running = undefined;
      if (ran) this.waiting ??= ran.text;
      this.next();
    };
  }

  check(text: string): void {
    this.waiting = text;
    if (!this.running) this.next();
  }

  private next(): void {
    const text = this.waiting;
    if (text === undefined) return;
    this.waiting = undefined;
    this.lastId += 1;
    if (this.broken) return this.onChecked(checkHere(this.lastId, text));
    this.running = { id: this.lastId, text };
    this.worker.postMessage(this.running);
  }

  stop(): void {
    this.worker.terminate();
  }
}

/** `next`, or `shown` when both are the same data: what the page draws from them is then not drawn again. */
function same<T>(shown: T, next: T): T {
  return shown === next || JSON.stringify(shown) === JSON.stringify(next) ? shown : next;
}

/**
 * A new check, keeping the objects of the one shown wherever it found the same: a comment typed
 * into a large script changes neither the procedure nor its problems, and the form and the
 * previews (drawn again when these objects change) need not be.
 */
function keepingSame(shown: Checked, next: Checked): Checked {
  const { procedure, ...rest } = next.result;
  const kept = same(shown.result.procedure, procedure);
  return {
    id: next.id,
    text: next.text,
    result: {
      ...rest,
      problems: same(shown.result.problems, rest.problems),
      notes: same(shown.result.notes, rest.notes),
      ...(kept ? { procedure: kept } : {}),
    },
    form: same(shown.form, next.form),
  };
}

/**
 * The latest check of `text`, the text it is about, the form's data of that text, and whether a
 * newer check is on its way.
 */
export function useChecker(text: string): EditorCheck & { checking: boolean; checkedText: string; form: FormData } {
  // The text as loaded is checked at once, on the page, before anyone types: the page opens
  // with its problems (or "no problems") rather than a moment of "checking".
  const [checked, setChecked] = useState<Checked>(() => checkHere(0, text));
  const worker = useRef<CheckingWorker | undefined>(undefined);
  const loadedText = useRef(text);
  useEffect(() => {
    // A transition: React may draw what changed in slices, between keystrokes.
    const started = new CheckingWorker(
      (answer) => startTransition(() => setChecked((shown) => (answer.id > shown.id ? keepingSame(shown, answer) : shown))),
      loadedText.current,
    );
    worker.current = started;
    return () => {
      started.stop();
      worker.current = undefined;
    };
  }, []);
  useEffect(() => {
    if (checked.text === text) return;
    const timer = window.setTimeout(() => worker.current?.check(text), pauseMs);
    return () => window.clearTimeout(timer);
  }, [text, checked.text]);
  return { ...checked.result, checking: checked.text !== text, checkedText: checked.text, form: checked.form };
}
