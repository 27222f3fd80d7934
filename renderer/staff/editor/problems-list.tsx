import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../../core/procedure/messages/catalog.js';
import type { Note, Problem } from '../../../core/procedure/problem.js';
import type { PlacedProblem } from './located-problems.js';
import { noteText } from './note-words.js';

/** Props of {@link ProblemsList}. */
export interface ProblemsListProps {
  id: string;
  problems: readonly PlacedProblem[];
  checking: boolean;
  /** Puts the YAML's cursor at a problem's or a note's place. */
  onGoTo: (place: Pick<Problem, 'line' | 'column'>) => void;
  /** The checker's notes (a language no native speaker has reviewed): they never stop publishing. */
  notes?: readonly Note[];
  /** Findings that do not stop publishing (a step too long for a small screen), each about a step. */
  warnings?: readonly { stepId: string; message: string }[];
  onGoToStep?: (stepId: string) => void;
}

/**
 * The checker's findings in words, each with a button that jumps to its line in the YAML; then
 * the warnings, which do not stop publishing, each with a button that shows its step; then the
 * checker's notes, which do not stop publishing either, in the console's language, each with a
 * button that jumps to its line. Notes are marked apart from problems by their heading's words
 * and sign (ℹ, not ⚠) as well as their colours.
 */
export function ProblemsList({ id, problems, checking, onGoTo, notes = [], warnings = [], onGoToStep }: ProblemsListProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className={`problems${problems.length > 0 ? ' problems-found' : ''}`} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} aria-live="polite">
        {problems.length === 0 ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('editor.noProblems')}
          </>
        ) : (
          <>
            <span aria-hidden="true">⚠ </span>
            {t('editor.problemsHeading', { count: problems.length })}
          </>
        )}
        {checking ? <span className="muted"> · {t('editor.checking')}</span> : null}
      </h3>
      {problems.length > 0 ? (
        <ul id={id} className="problem-list">
          {problems.map((problem, index) => (
            <li key={index}>
              <button type="button" className="link-button" onClick={() => onGoTo(problem)}>
                {t('editor.problemAt', { line: problem.line, column: problem.column, message: describeProblem(problem, i18n.language) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <>
          <h4 id={`${id}-warnings-heading`}>{t('editor.warningsHeading', { count: warnings.length })}</h4>
          <ul className="problem-list warning-list" aria-labelledby={`${id}-warnings-heading`}>
            {warnings.map((warning) => (
              <li key={warning.stepId}>
                <button type="button" className="link-button" onClick={() => onGoToStep?.(warning.stepId)}>
                  {warning.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notes.length > 0 ? (
        <div className="notes">
          <h4 id={`${id}-notes-heading`}>
            <span aria-hidden="true">ℹ </span>
            {t('editor.notesHeading', { count: notes.length })}
          </h4>
          <ul className="note-list" aria-labelledby={`${id}-notes-heading`}>
            {notes.map((note) => (
              <li key={`${note.kind}-${note.language}-${note.line}-${note.column}`}>
                <button type="button" className="link-button" onClick={() => onGoTo(note)}>
                  {noteText(note, t, i18n.language)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
