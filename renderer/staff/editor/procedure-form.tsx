/**
 * The editor's form: the procedure's own fields, the list of steps (add, remove, reorder) and the
 * chosen step's fields. It shows what the YAML holds and turns each change into a {@link FormEdit}
 * on the YAML; it keeps no copy of its own.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField, FieldProblems, LanguageChecks, LocalizedField, SelectField, TextField } from './form-fields.js';
import { asList, asRecord, asText, freshStepId, languagesOf, stepOutlines } from './form-data.js';
import { problemsNotUnder, problemsUnder, type PlacedProblem } from './located-problems.js';
import { StepForm } from './step-form.js';
import type { DataPath, FormEdit } from './yaml-document.js';
import { FormSection, ProcedureLists } from './form/procedure-lists.js';
import { StepList } from './form/step-list.js';
import { LanguageList } from './form/language-list.js';

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

// The fields of the "El trámite" section; `id` and `version` are shown there, not edited (the id
// names the file, the version is raised by publishing).
const procedureFields = [
  'id',
  'version',
  'title',
  'summary',
  'icon',
  'owner',
  'lastVerified',
  'officialUrl',
  'languages',
  'reviewedLanguages',
  'example',
  'practice',
  'start',
];
const listFields = ['requirements', 'channels', 'glossary'];

/** The whole form. */
export function ProcedureForm({ data, problems, frozen, selectedStep, onSelectStep, onEdit, newStep }: ProcedureFormProps) {
  const { t } = useTranslation();
  const record = asRecord(data);
  const languages = languagesOf(data);
  const steps = stepOutlines(data);
  const set = (path: DataPath, value: unknown): void => onEdit({ kind: 'set', path, value });
  const under = (path: DataPath) => problemsUnder(problems, path);
  const selected = steps[selectedStep] ? selectedStep : 0;
  const otherProcedureProblems = problemsNotUnder(problems, [], [...procedureFields, ...listFields, 'steps']);
  const stepHeading = useRef<HTMLHeadingElement>(null);

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
      <FormSection
        title={t('editor.procedure')}
        problemCount={problems.filter((problem) => problem.path[0] !== 'steps' && !listFields.includes(String(problem.path[0]))).length}
      >
        <p className="muted">{t('form.idAndVersion', { id: asText(record['id']) || '—', version: asText(record['version']) || '—' })}</p>
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
        <TextField
          label={t('form.icon')}
          hint={t('form.iconHint')}
          path={['icon']}
          value={record['icon']}
          problems={under(['icon'])}
          onSet={set}
          disabled={frozen}
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
        <LanguageList data={record} languages={languages} problems={under(['languages'])} frozen={frozen} onEdit={onEdit} />
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
        <CheckField label={t('form.example')} path={['example']} value={record['example']} problems={under(['example'])} onSet={set} disabled={frozen} />
        <CheckField label={t('form.practice')} path={['practice']} value={record['practice']} problems={under(['practice'])} onSet={set} disabled={frozen} />
        <SelectField
          label={t('form.start')}
          value={asText(record['start'])}
          options={[{ value: '', label: t('form.startDefault') }, ...steps.filter((step) => step.id).map((step) => ({ value: step.id, label: step.id }))]}
          problems={under(['start'])}
          disabled={frozen}
          onChange={(value) => set(['start'], value === '' ? undefined : value)}
        />
      </FormSection>
      <ProcedureLists data={record} languages={languages} problems={problems} frozen={frozen} onEdit={onEdit} />

      <StepList
        steps={steps}
        selected={selected}
        languages={languages}
        problems={problems}
        frozen={frozen}
        onSelect={onSelectStep}
        onOpen={() => stepHeading.current?.focus()}
        onEdit={onEdit}
      />
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
          headingRef={stepHeading}
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
