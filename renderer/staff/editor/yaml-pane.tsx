/**
 * The raw YAML, in CodeMirror 6 (yaml-editor/extensions.ts): line numbers, highlighting,
 * folding, search, completion, and the checker's problems as lint marks. Problems are also listed
 * in words next to it (problems-list.tsx), so the marks are never the only cue.
 *
 * The editor lives in a shadow root of its own: CodeMirror styles itself from script, and in a
 * shadow root it does so with constructed style sheets, which the hub's Content-Security-Policy
 * allows, instead of `<style>` elements, which it refuses (no 'unsafe-inline' for styles).
 */
import { setDiagnostics } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { startTransition, useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacedProblem } from './located-problems.js';
import { diagnosticsOf, isLargeText, yamlEditorExtensions } from './yaml-editor/extensions.js';

// Typing is handed to the page this long after the last keystroke, not on every one: reading a
// large text out of the editor and drawing the page again (form, preview) take longer than a
// keystroke may, and nothing on the page needs the text sooner than the checker's pause. A very
// large text (a tenth of a second or more to read out on a slow machine) waits for a longer
// pause, one between words rather than between letters.
const handOverMs = 150;
const handOverLargeMs = 400;

// Marks the changes that bring the editor in step with the `text` prop (a form edit, a reload):
// they came from the page, so they are not handed back to it as typing.
const fromPage = Annotation.define<boolean>();

/** What the editor screen may ask of the pane. */
export interface YamlPaneHandle {
  /** Puts the cursor at `line` and `column` (selecting to the end of the line), scrolls to it and focuses the editor. */
  goToLine: (line: number, column?: number) => void;
}

/** Props of {@link YamlPane}. */
export interface YamlPaneProps {
  text: string;
  /** The problems of `checkedText`: shown as lint marks only while the editor holds exactly that text. */
  problems: readonly PlacedProblem[];
  checkedText: string | undefined;
  onChange: (text: string) => void;
  paneRef: Ref<YamlPaneHandle>;
  /** The id of the element listing the problems, read as part of the editor's description. */
  describedBy?: string;
  /** Where to put the cursor (and the focus) once the editor is there: a problem chosen while the pane was closed. */
  startAt?: { line: number; column: number } | undefined;
}

/** The YAML pane. */
export function YamlPane({ text, problems, checkedText, onChange, paneRef, describedBy, startAt }: YamlPaneProps) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  // The text the editor last handed out: a `text` prop equal to it needs no change of the editor.
  const emitted = useRef(text);
  // Set while typing has not been handed to the page yet: the page's text is older than the editor's.
  const typing = useRef<number | undefined>(undefined);
  const onChangeNow = useRef(onChange);
  useEffect(() => {
    onChangeNow.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // Hands the editor's text to the page: soon after typing pauses, as a transition React may
    // draw in slices; at once when the focus leaves the editor (for "Guardar borrador", say).
    const handOver = (now: boolean): void => {
      window.clearTimeout(typing.current);
      typing.current = undefined;
      const current = view.current;
      if (!current) return;
      const typed = current.state.doc.toString();
      if (typed === emitted.current) return;
      emitted.current = typed;
      if (now) onChangeNow.current(typed);
      else startTransition(() => onChangeNow.current(typed));
    };
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const editor = new EditorView({
      root: shadow,
      parent: shadow,
      state: EditorState.create({
        doc: emitted.current,
        extensions: [
          yamlEditorExtensions(t('editor.yamlLabel'), emitted.current.length, i18n.language),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.every((transaction) => transaction.annotation(fromPage))) return;
            window.clearTimeout(typing.current);
            typing.current = window.setTimeout(() => handOver(false), isLargeText(update.state.doc.length) ? handOverLargeMs : handOverMs);
          }),
          EditorView.domEventHandlers({
            blur: () => {
              if (typing.current !== undefined) handOver(true);
            },
          }),
        ],
      }),
    });
    view.current = editor;
    if (startAt) goToLine(editor, startAt.line, startAt.column);
    return () => {
      if (typing.current !== undefined) handOver(true);
      editor.destroy();
      view.current = undefined;
    };
    // The label is read once: the language changes on the login page, before the editor exists.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // A change from the form (or a reload) replaces only the part of the text that differs, so the
  // cursor and the undo history stay where they were.
  useEffect(() => {
    const editor = view.current;
    if (!editor || text === emitted.current) return;
    const old = editor.state.doc.toString();
    let start = 0;
    while (start < old.length && start < text.length && old.charCodeAt(start) === text.charCodeAt(start)) start += 1;
    let end = 0;
    while (end < old.length - start && end < text.length - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end += 1;
    emitted.current = text;
    editor.dispatch({ changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) }, annotations: fromPage.of(true) });
  }, [text]);

  // The checker's problems, as lint marks, when they are about the text now in the editor; older
  // marks otherwise stay, moved along with the edits since.
  useEffect(() => {
    const editor = view.current;
    if (!editor || typing.current !== undefined || checkedText === undefined || checkedText !== emitted.current) return;
    editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(editor.state.doc, problems, i18n.language)));
  }, [problems, checkedText, text, i18n.language]);

  // The hint (and the problems) describe the editor across its shadow root's boundary, which
  // `aria-describedby` cannot cross but element references can.
  useEffect(() => {
    const content = view.current?.contentDOM;
    if (!content || !('ariaDescribedByElements' in content)) return;
    const described = ['yaml-hint', describedBy].flatMap((id) => (id ? [document.getElementById(id)] : [])).filter((element) => element !== null);
    Reflect.set(content, 'ariaDescribedByElements', described);
  }, [describedBy, problems]);

  useImperativeHandle(
    paneRef,
    () => ({
      goToLine: (line, column = 1) => {
        if (view.current) goToLine(view.current, line, column);
      },
    }),
    [],
  );

  return (
    <div className="yaml-pane">
      <p id="yaml-label" className="yaml-label">
        {t('editor.yamlLabel')}
      </p>
      <p id="yaml-hint" className="hint">
        {t('editor.yamlHint')} {t('editor.yamlKeys')}
      </p>
      {isLargeText(text.length) ? <p className="hint">{t('editor.yamlLarge')}</p> : null}
      <div ref={host} className="yaml-host" data-invalid={problems.length > 0 ? 'true' : undefined} />
    </div>
  );
}

/** Selects from `column` of `line` to the line's end, scrolls it into the middle of the pane and focuses the editor. */
function goToLine(editor: EditorView, line: number, column = 1): void {
  const doc = editor.state.doc;
  const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const at = Math.min(target.from + Math.max(column - 1, 0), target.to);
  editor.dispatch({ selection: { anchor: at, head: target.to }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  editor.focus();
}
