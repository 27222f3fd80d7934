/**
 * The editor's form: the procedure's own fields, the list of steps (add, remove, reorder) and the
 * chosen step's fields. It shows what the YAML holds and turns each change into a {@link FormEdit}
 * on the YAML; it keeps no copy of its own.
 */
import { useTranslation } from 'react-i18next';
import { stepKinds } from '../../../core/procedure/schema.js';
import { FieldProblems, LanguageChecks, LocalizedField, TextField } from './form-fields.js';
import { asList, asRecord, freshStepId, languagesOf, stepOutlines } from './form-data.js';
import { problemsNotUnder, problemsUnder, type PlacedProblem } from './located-problems.js';
import { StepForm } from './step-form.js';
import type { DataPath, FormEdit } from './yaml-document.js';

/** Props of {@link ProcedureForm}. */
export interface ProcedureFormProps {
  data: unknown;
  problems: readonly PlacedProblem[];
  /** The YAML is broken: the form shows the last readable data and waits. */
  frozen: boolean;
  selectedStep: number;
  onSelectStep: (index: number) => void;
  onEdit: (edit: FormEdit) => void;
  /** A new step to insert after `index`, in the procedure's languages. */
  newStep: (id: string, languages: readonly string[]) => Record<string, unknown>;
}

const procedureFields = ['title', 'summary', 'owner', 'lastVerified', 'officialUrl', 'languages', 'reviewedLanguages'];

/** The whole form. */
export function ProcedureForm({ data, problems, frozen, selectedStep, onSelectStep, onEdit, newStep }: ProcedureFormProps) {
  const { t } = useTranslation();
  const record = asRecord(data);
  const languages = languagesOf(data);
  const steps = stepOutlines(data);
  const set = (path: DataPath, value: unknown): void => onEdit({ kind: 'set', path, value });
  const under = (path: DataPath) => problemsUnder(problems, path);
  const selected = steps[selectedStep] ? selectedStep : 0;
  const otherProcedureProblems = problemsNotUnder(problems, [], [...procedureFields, 'steps']);

  const addStepAfter = (index: number): void => {
    const ids = steps.map((step) => step.id);
    const step = newStep(freshStepId(ids), languages);
    onEdit({ kind: 'insert', path: ['steps'], index: index + 1, value: step });
    onSelectStep(index + 1);
  };

  return (
    <div className="procedure-form">
      {frozen ? (
        <p className="notice notice-warning" role="status">
          {t('editor.formFrozen')}
        </p>
      ) : null}
      <details className="procedure-fields">
        <summary>
          {t('editor.procedure')}
          {under([]).filter((problem) => problem.path[0] !== 'steps').length > 0 ? <span className="problem-flag"> ⚠</span> : null}
        </summary>
        <FieldProblems id="procedure-other-problems" problems={otherProcedureProblems} />
        <LocalizedField
          label={t('editor.titleField')}
          path={['title']}
          value={record['title']}
          languages={languages}
          problems={under(['title'])}
          onSet={set}
          disabled={frozen}
        />
        <LocalizedField
          label={t('editor.summary')}
          path={['summary']}
          value={record['summary']}
          languages={languages}
          problems={under(['summary'])}
          onSet={set}
          disabled={frozen}
          multiline
        />
        <div className="field-row">
          <TextField label={t('editor.owner')} path={['owner']} value={record['owner']} problems={under(['owner'])} onSet={set} disabled={frozen} />
          <TextField
            label={t('editor.lastVerified')}
            path={['lastVerified']}
            value={record['lastVerified']}
            problems={under(['lastVerified'])}
            onSet={set}
            disabled={frozen}
          />
        </div>
        <TextField
          label={t('editor.officialUrl')}
          path={['officialUrl']}
          value={record['officialUrl']}
          problems={under(['officialUrl'])}
          onSet={set}
          disabled={frozen}
        />
        <TextField
          label={t('editor.languages')}
          path={['languages']}
          value={record['languages']}
          problems={under(['languages'])}
          onSet={set}
          disabled={frozen}
          display={(value) => (Array.isArray(value) ? value.join(', ') : '')}
          toValue={(text) =>
            text
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean)
          }
        />
        <LanguageChecks
          label={t('editor.reviewedLanguages')}
          hint={t('editor.reviewedLanguagesHint')}
          path={['reviewedLanguages']}
          value={record['reviewedLanguages']}
          languages={languages}
          problems={under(['reviewedLanguages'])}
          onSet={set}
          disabled={frozen}
        />
      </details>

      <h3 id="steps-heading">{t('editor.steps')}</h3>
      <ol className="step-list" aria-labelledby="steps-heading">
        {steps.map((step) => {
          const count = under(['steps', step.index]).length;
          const title = String(step.title[languages[0] ?? 'es'] ?? '');
          return (
            <li key={step.index} className={step.index === selected ? 'selected' : undefined}>
              <button type="button" className="step-pick" aria-current={step.index === selected ? 'step' : undefined} onClick={() => onSelectStep(step.index)}>
                <span className="step-number">{step.index + 1}.</span> <code>{step.id || '—'}</code> <span className="muted">{step.kind}</span> {title}
                {count > 0 ? <span className="problem-flag"> ⚠ {count}</span> : null}
              </button>
              <span className="step-tools">
                <button
                  type="button"
                  className="icon-button"
                  disabled={frozen || step.index === 0}
                  aria-label={t('editor.moveUp', { id: step.id })}
                  onClick={() => {
                    onEdit({ kind: 'move', path: ['steps'], from: step.index, to: step.index - 1 });
                    onSelectStep(step.index - 1);
                  }}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={frozen || step.index === steps.length - 1}
                  aria-label={t('editor.moveDown', { id: step.id })}
                  onClick={() => {
                    onEdit({ kind: 'move', path: ['steps'], from: step.index, to: step.index + 1 });
                    onSelectStep(step.index + 1);
                  }}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  disabled={frozen || steps.length <= 1}
                  aria-label={t('editor.removeStep', { id: step.id })}
                  onClick={() => {
                    if (!window.confirm(t('editor.confirmRemoveStep', { id: step.id }))) return;
                    onEdit({ kind: 'delete', path: ['steps', step.index] });
                    onSelectStep(Math.max(0, Math.min(selected, steps.length - 2)));
                  }}
                >
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {steps.length === 0 ? (
        <button type="button" className="button button-secondary" disabled={frozen} onClick={() => addStepAfter(-1)}>
          {t('editor.addFirstStep')}
        </button>
      ) : null}
      {steps[selected] ? (
        <StepForm
          key={selected}
          index={selected}
          step={asRecord(asList(record['steps'])[selected])}
          stepIds={steps.map((step) => step.id).filter(Boolean)}
          kinds={stepKinds}
          languages={languages}
          problems={problems}
          frozen={frozen}
          onEdit={onEdit}
          onAddAfter={() => addStepAfter(selected)}
        />
      ) : null}
    </div>
  );
}
