/**
 * The steps of the script as one Tab stop (a listbox with a roving tabindex): the arrow keys,
 * Home and End move and choose a step, whose card shows below; Enter or Space takes the focus to
 * that card. Moving and removing the chosen step are three buttons after the list, so the list
 * itself holds no buttons and a keyboard user passes it with one Tab.
 */
import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepOutline } from '../form-data.js';
import { problemsUnder, type PlacedProblem } from '../located-problems.js';
import type { FormEdit } from '../yaml-document.js';
import { stepKindWords } from './enum-options.js';
import { listKeyTarget } from './list-keys.js';

/** Props of {@link StepList}. */
export interface StepListProps {
  steps: readonly StepOutline[];
  selected: number;
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onSelect: (index: number) => void;
  /** Enter or Space on a step: go to its fields. */
  onOpen: () => void;
  onEdit: (edit: FormEdit) => void;
}

/** The list of steps and the tools for the chosen one. */
export function StepList({ steps, selected, languages, problems, frozen, onSelect, onOpen, onEdit }: StepListProps) {
  const { t } = useTranslation();
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const tools = useRef<HTMLDivElement>(null);
  const option = (index: number) => list.current?.querySelector<HTMLElement>(`[data-step-index="${index}"]`);
  const current = steps[selected];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
      return;
    }
    const target = listKeyTarget(event.key, selected, steps.length);
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target);
    option(target)?.focus();
  };

  // After a move the chosen step's button may be disabled (it reached an end): its twin takes the focus.
  const move = (to: number): void => {
    onEdit({ kind: 'move', path: ['steps'], from: selected, to });
    onSelect(to);
    const fallback = to === 0 ? 'down' : to === steps.length - 1 ? 'up' : undefined;
    if (fallback) requestAnimationFrame(() => tools.current?.querySelector<HTMLElement>(`[data-tool="${fallback}"]`)?.focus());
  };

  return (
    <>
      <h3 id={`${id}-heading`}>{t('editor.steps')}</h3>
      <p id={`${id}-hint`} className="hint">
        {t('form.stepsHint')}
      </p>
      <div ref={list} className="step-list" role="listbox" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-hint`}>
        {steps.map((step) => {
          const count = problemsUnder(problems, ['steps', step.index]).length;
          const title = String(step.title[languages[0] ?? 'es'] ?? '');
          const chosen = step.index === selected;
          return (
            <div
              key={step.index}
              role="option"
              aria-selected={chosen}
              tabIndex={chosen ? 0 : -1}
              data-step-index={step.index}
              className={chosen ? 'selected' : undefined}
              onClick={() => onSelect(step.index)}
              onKeyDown={onKeyDown}
            >
              <span className="step-number">{step.index + 1}.</span> <code>{step.id || '—'}</code>{' '}
              <span className="step-kind">{stepKindWords(step.kind, t)}</span> {title}
              {count > 0 ? (
                <span className="problem-flag">
                  {' '}
                  ⚠ {count}
                  <span className="visually-hidden"> {t('form.stepProblems', { count })}</span>
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {current ? (
        <div ref={tools} className="step-tools" role="group" aria-label={t('form.stepTools')}>
          <button
            type="button"
            className="button button-secondary button-small"
            data-tool="up"
            disabled={frozen || selected === 0}
            aria-label={t('editor.moveUp', { id: current.id })}
            onClick={() => move(selected - 1)}
          >
            ↑ {t('form.up')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            data-tool="down"
            disabled={frozen || selected === steps.length - 1}
            aria-label={t('editor.moveDown', { id: current.id })}
            onClick={() => move(selected + 1)}
          >
            ↓ {t('form.down')}
          </button>
          <button
            type="button"
            className="button button-danger button-small"
            disabled={frozen || steps.length <= 1}
            aria-label={t('editor.removeStep', { id: current.id })}
            onClick={() => {
              if (!window.confirm(t('editor.confirmRemoveStep', { id: current.id }))) return;
              onEdit({ kind: 'delete', path: ['steps', selected] });
              const next = Math.max(0, Math.min(selected, steps.length - 2));
              onSelect(next);
              requestAnimationFrame(() => option(next)?.focus());
            }}
          >
            ✕ {t('form.remove')}
          </button>
        </div>
      ) : null}
    </>
  );
}
