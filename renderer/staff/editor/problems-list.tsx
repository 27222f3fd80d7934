import { useTranslation } from 'react-i18next';
import type { PlacedProblem } from './located-problems.js';

/** Props of {@link ProblemsList}. */
export interface ProblemsListProps {
  id: string;
  problems: readonly PlacedProblem[];
  checking: boolean;
  onGoTo: (problem: PlacedProblem) => void;
}

/** The checker's findings in words, each with a button that jumps to its line in the YAML. */
export function ProblemsList({ id, problems, checking, onGoTo }: ProblemsListProps) {
  const { t } = useTranslation();
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
                {t('editor.problemAt', { line: problem.line, column: problem.column, message: problem.message })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
