/**
 * The raw YAML, in a plain <textarea> with a line-number gutter that marks the lines with
 * problems. A plain textarea on purpose: no code-editor library is installed (CodeMirror or
 * Monaco would be a new dependency to vet and ship), and a textarea is already keyboard- and
 * screen-reader-friendly, with the browser's own undo, find and spell-check. Problems are also
 * listed in words next to it (problems-list.tsx), so the gutter's marks are never the only cue.
 */
import { useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacedProblem } from './located-problems.js';

/** Props of {@link YamlPane}. */
export interface YamlPaneProps {
  text: string;
  problems: readonly PlacedProblem[];
  onChange: (text: string) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  describedBy?: string;
}

/** The YAML pane. */
export function YamlPane({ text, problems, onChange, textareaRef, describedBy }: YamlPaneProps) {
  const { t } = useTranslation();
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = text.split('\n').length;
  const messages = new Map<number, string[]>();
  for (const problem of problems) messages.set(problem.line, [...(messages.get(problem.line) ?? []), problem.message]);
  return (
    <div className="yaml-pane">
      <label htmlFor="yaml-source" className="yaml-label">
        {t('editor.yamlLabel')}
      </label>
      <p id="yaml-hint" className="hint">
        {t('editor.yamlHint')}
      </p>
      <div className="yaml-frame">
        <div className="yaml-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_line, index) => {
            const line = index + 1;
            const here = messages.get(line);
            return (
              <div
                key={line}
                className={here ? 'gutter-line gutter-problem' : 'gutter-line'}
                title={here ? `${t('editor.lineHasProblem', { line })}: ${here.join(' · ')}` : undefined}
                data-line={line}
              >
                {here ? <span className="gutter-mark">⚠</span> : null}
                {line}
              </div>
            );
          })}
        </div>
        <textarea
          id="yaml-source"
          ref={textareaRef}
          className="yaml-text"
          value={text}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-describedby={['yaml-hint', describedBy].filter(Boolean).join(' ')}
          aria-invalid={problems.length > 0 ? true : undefined}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
    </div>
  );
}

/** Puts the caret at the start of `line` and scrolls the textarea to it. */
export function goToLine(textarea: HTMLTextAreaElement, line: number, column = 1): void {
  const lines = textarea.value.split('\n');
  let offset = 0;
  for (let index = 0; index < line - 1 && index < lines.length; index += 1) offset += (lines[index]?.length ?? 0) + 1;
  const lineLength = lines[line - 1]?.length ?? 0;
  textarea.focus();
  textarea.setSelectionRange(offset + Math.min(column - 1, lineLength), offset + lineLength);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
}
