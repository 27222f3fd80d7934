/** The fields of one step: its id and kind, its texts per language, where it leads, and the notes for volunteers. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepKind } from '../../../core/procedure/schema.js';
import { FieldProblems, LocalizedField, SelectField, TextField } from './form-fields.js';
import { asList, asRecord, asText } from './form-data.js';
import { problemsNotUnder, problemsUnder, type PlacedProblem } from './located-problems.js';
import type { DataPath, FormEdit } from './yaml-document.js';

/** Props of {@link StepForm}. */
export interface StepFormProps {
  index: number;
  step: Record<string, unknown>;
  stepIds: readonly string[];
  kinds: readonly StepKind[];
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onEdit: (edit: FormEdit) => void;
  onAddAfter: () => void;
}

// The step fields this form has an input for; problems elsewhere in the step are listed on the card.
const shownFields = ['id', 'kind', 'title', 'text', 'say', 'help', 'sensitive', 'speak', 'next', 'choices', 'commonProblems'];

/** The chosen step's card. */
export function StepForm({ index, step, stepIds, kinds, languages, problems, frozen, onEdit, onAddAfter }: StepFormProps) {
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
  const choices = asList(step['choices']);
  const commonProblems = asList(step['commonProblems']);
  const headingId = `${id}-heading`;

  return (
    <section className="step-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.step', { number: index + 1, id: stepId || '—' })}</h3>
      <FieldProblems id={`${id}-other`} problems={problemsNotUnder(problems, base, shownFields)} />
      <div className="field-row">
        <TextField label={t('editor.stepId')} path={at('id')} value={step['id']} problems={under('id')} onSet={set} disabled={frozen} />
        <SelectField
          label={t('editor.kind')}
          value={kind}
          options={kinds.map((value) => ({ value, label: value }))}
          problems={under('kind')}
          disabled={frozen}
          onChange={(value) => set(at('kind'), value)}
        />
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
          options={[
            { value: '', label: t('editor.speakDefault') },
            { value: 'headphones', label: 'headphones' },
            { value: 'never', label: 'never' },
            { value: 'speaker', label: 'speaker' },
          ]}
          problems={under('speak')}
          disabled={frozen}
          onChange={(value) => set(at('speak'), value === '' ? undefined : value)}
        />
      </div>
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
      {kind === 'question' ? (
        <fieldset className="choices">
          <legend>{t('editor.choices')}</legend>
          <FieldProblems
            id={`${id}-choices`}
            problems={problemsNotUnder(
              problems,
              at('choices'),
              choices.map((_choice, n) => n),
            )}
          />
          {choices.map((choice, n) => {
            const record = asRecord(choice);
            return (
              <div className="choice" key={n}>
                <p className="choice-heading">{t('editor.choice', { number: n + 1 })}</p>
                <div className="field-row">
                  <TextField
                    label={`${t('editor.choiceId')} ${n + 1}`}
                    path={at('choices', n, 'id')}
                    value={record['id']}
                    problems={under('choices', n, 'id')}
                    onSet={set}
                    disabled={frozen}
                  />
                  <SelectField
                    label={`${t('editor.leadsTo')} (${t('editor.choice', { number: n + 1 })})`}
                    value={asText(record['next'])}
                    options={nextOptions}
                    problems={under('choices', n, 'next')}
                    disabled={frozen}
                    onChange={(value) => set(at('choices', n, 'next'), value === '' ? undefined : value)}
                  />
                </div>
                <LocalizedField
                  label={`${t('editor.choiceLabel')} ${n + 1}`}
                  path={at('choices', n, 'label')}
                  value={record['label']}
                  languages={languages}
                  problems={under('choices', n, 'label')}
                  onSet={set}
                  disabled={frozen}
                />
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={frozen}
                  onClick={() => onEdit({ kind: 'delete', path: at('choices', n) })}
                >
                  {t('editor.removeChoice', { number: n + 1 })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={frozen || choices.length >= 6}
            onClick={() =>
              onEdit({
                kind: 'insert',
                path: at('choices'),
                index: choices.length,
                value: {
                  id: `respuesta-${choices.length + 1}`,
                  label: Object.fromEntries(languages.map((language) => [language, t('editor.newChoice', { lng: language })])),
                },
              })
            }
          >
            {t('editor.addChoice')}
          </button>
        </fieldset>
      ) : null}
      <fieldset className="common-problems">
        <legend>{t('editor.commonProblems')}</legend>
        {commonProblems.map((problem, n) => (
          <div key={n} className="common-problem">
            <LocalizedField
              label={t('editor.problem', { number: n + 1 })}
              path={at('commonProblems', n)}
              value={problem}
              languages={languages}
              problems={under('commonProblems', n)}
              onSet={set}
              disabled={frozen}
              multiline
            />
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={frozen}
              onClick={() => onEdit({ kind: 'delete', path: at('commonProblems', n) })}
            >
              {t('editor.removeProblem', { number: n + 1 })}
            </button>
          </div>
        ))}
        <FieldProblems
          id={`${id}-common`}
          problems={problemsNotUnder(
            problems,
            at('commonProblems'),
            commonProblems.map((_problem, n) => n),
          )}
        />
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={frozen}
          onClick={() =>
            onEdit({
              kind: 'insert',
              path: at('commonProblems'),
              index: commonProblems.length,
              value: Object.fromEntries(languages.map((language) => [language, ''])),
            })
          }
        >
          {t('editor.addProblem')}
        </button>
      </fieldset>
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
