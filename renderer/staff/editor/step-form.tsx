/**
 * The fields of one step: its id and kind, its texts per language, where it leads, its picture,
 * the fields of its kind (answers, typed answer, things to tick, final texts) and the notes for
 * volunteers. Every enum is shown in words; the script keeps the code.
 */
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepKind } from '../../../core/procedure/schema.js';
import { CheckField, FieldProblems, LocalizedField, SelectField, TextField } from './form-fields.js';
import { asList, asText } from './form-data.js';
import { problemsNotUnder, problemsUnder, type PlacedProblem } from './located-problems.js';
import type { DataPath, FormEdit } from './yaml-document.js';
import { speakOptions, stepFieldWords, stepKindOptions, stepKindWords } from './form/enum-options.js';
import { ItemList } from './form/item-list.js';
import { emptyText } from './form/item-templates.js';
import { listBounds } from './form/list-bounds.js';
import { ChecklistFields, ChoiceFields, DoneFields, ImageFields, InputFields } from './form/step-kind-fields.js';
import { QuizFields } from './form/quiz-fields.js';
import { droppedByKindChange, fieldsOfKind, kindChangeEdits } from './form/step-kind.js';

/** Props of {@link StepForm}. */
export interface StepFormProps {
  index: number;
  step: Record<string, unknown>;
  stepIds: readonly string[];
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onEdit: (edit: FormEdit) => void;
  onAddAfter: () => void;
  /** The card's heading, where Enter on the step list takes the focus. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The chosen step's card. */
export function StepForm({ index, step, stepIds, languages, problems, frozen, onEdit, onAddAfter, headingRef }: StepFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const base: DataPath = ['steps', index];
  const at = (...rest: (string | number)[]): DataPath => [...base, ...rest];
  const under = (...rest: (string | number)[]) => problemsUnder(problems, at(...rest));
  const set = (path: DataPath, value: unknown): void => onEdit({ kind: 'set', path, value });
  const kind = asText(step['kind']);
  const stepId = asText(step['id']);
  const nextOptions = [
    { value: '', label: t('editor.noNext') },
    ...stepIds.filter((other) => other !== stepId).map((other) => ({ value: other, label: other })),
  ];
  const commonProblems = asList(step['commonProblems']);
  const headingId = `${id}-heading`;
  const kindProps = { base, step, languages, problems, frozen, onEdit, nextOptions };
  // The fields this card has an input for; problems elsewhere in the step (a field its kind does
  // not have, the step itself) are listed at the top of the card.
  const shownFields = fieldsOfKind(kind);

  const changeKind = (value: string): void => {
    const next = value as StepKind;
    // Where the step led is not lost when it becomes a question: its first answer keeps it.
    const dropped = droppedByKindChange(step, next).filter((field) => !(field === 'next' && next === 'question'));
    if (
      dropped.length > 0 &&
      !window.confirm(t('form.confirmKindChange', { kind: stepKindWords(next, t), fields: dropped.map((field) => `«${stepFieldWords(field, t)}»`).join(', ') }))
    )
      return;
    for (const edit of kindChangeEdits(step, base, next, languages)) onEdit(edit);
  };

  return (
    <section className="step-card" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('editor.step', { number: index + 1, id: stepId || '—' })}
      </h3>
      <FieldProblems id={`${id}-other`} problems={problemsNotUnder(problems, base, shownFields)} />
      <div className="field-row">
        <TextField label={t('editor.stepId')} path={at('id')} value={step['id']} problems={under('id')} onSet={set} disabled={frozen} />
        <SelectField label={t('editor.kind')} value={kind} options={stepKindOptions(t)} problems={under('kind')} disabled={frozen} onChange={changeKind} />
      </div>
      <LocalizedField
        label={t('editor.stepTitle')}
        path={at('title')}
        value={step['title']}
        languages={languages}
        problems={under('title')}
        onSet={set}
        disabled={frozen}
      />
      <LocalizedField
        label={t('editor.text')}
        path={at('text')}
        value={step['text']}
        languages={languages}
        problems={under('text')}
        onSet={set}
        disabled={frozen}
        multiline
      />
      <LocalizedField
        label={t('editor.say')}
        path={at('say')}
        value={step['say']}
        languages={languages}
        problems={under('say')}
        onSet={set}
        disabled={frozen}
        multiline
        optional
      />
      <div className="field-row">
        <div className={`field checkbox-field${under('sensitive').length > 0 ? ' has-problem' : ''}`}>
          <input
            id={`${id}-sensitive`}
            type="checkbox"
            checked={step['sensitive'] === true}
            disabled={frozen}
            aria-describedby={under('sensitive').length > 0 ? `${id}-sensitive-problems` : undefined}
            // A sensitive step may not be spoken on the speaker: headphones is the safe default to offer with it.
            onChange={(event) => {
              set(at('sensitive'), event.target.checked ? true : undefined);
              if (event.target.checked && step['speak'] === undefined) set(at('speak'), 'headphones');
            }}
          />
          <label htmlFor={`${id}-sensitive`}>{t('editor.sensitive')}</label>
          <FieldProblems id={`${id}-sensitive-problems`} problems={under('sensitive')} />
        </div>
        <SelectField
          label={t('editor.speak')}
          value={asText(step['speak'])}
          options={speakOptions(t)}
          problems={under('speak')}
          disabled={frozen}
          onChange={(value) => set(at('speak'), value === '' ? undefined : value)}
        />
      </div>
      <CheckField label={t('form.submits')} path={at('submits')} value={step['submits']} problems={under('submits')} onSet={set} disabled={frozen} />
      {kind !== 'question' && kind !== 'done' ? (
        <SelectField
          label={t('editor.next')}
          value={asText(step['next'])}
          options={nextOptions}
          problems={under('next')}
          disabled={frozen}
          onChange={(value) => set(at('next'), value === '' ? undefined : value)}
        />
      ) : null}
      {kind === 'question' ? <ChoiceFields {...kindProps} /> : null}
      {kind === 'quiz' ? <QuizFields {...kindProps} /> : null}
      {kind === 'input' ? <InputFields {...kindProps} /> : null}
      {kind === 'checklist' ? <ChecklistFields {...kindProps} /> : null}
      {kind === 'done' ? <DoneFields {...kindProps} /> : null}
      <ImageFields {...kindProps} />
      <ItemList
        legend={t('editor.commonProblems')}
        path={at('commonProblems')}
        items={commonProblems}
        itemName={(number) => t('editor.problem', { number })}
        addLabel={t('editor.addProblem')}
        newItem={() => emptyText(languages)}
        max={listBounds.commonProblems.max}
        problems={problems}
        frozen={frozen}
        onEdit={onEdit}
      >
        {(_problem, n, path) => (
          <LocalizedField
            label={t('editor.problem', { number: n + 1 })}
            path={path}
            value={commonProblems[n]}
            languages={languages}
            problems={under('commonProblems', n)}
            onSet={set}
            disabled={frozen}
            multiline
          />
        )}
      </ItemList>
      <LocalizedField
        label={t('editor.help')}
        path={at('help')}
        value={step['help']}
        languages={languages}
        problems={under('help')}
        onSet={set}
        disabled={frozen}
        multiline
        optional
      />
      <div>
        <button type="button" className="button button-secondary" disabled={frozen} onClick={onAddAfter}>
          {t('editor.addStep')}
        </button>
      </div>
    </section>
  );
}
