/**
 * A practice question's fields (issue 18): its answers, which one is the safe answer (exactly one,
 * chosen like a radio button, so the form cannot mark two), and the explanation the kiosk shows and
 * says after any answer. Where the quiz leads is the step's own "next", shown by the step card.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblems, LocalizedField, TextField } from '../form-fields.js';
import { asList, asRecord, asText } from '../form-data.js';
import type { FormEdit } from '../yaml-document.js';
import { ItemList } from './item-list.js';
import { idsOf, newChoice } from './item-templates.js';
import { listBounds } from './list-bounds.js';
import { useKindTools, type KindFieldsProps } from './step-kind-fields.js';

/** The answers, the safe one and the explanation of a `quiz` step. */
export function QuizFields(props: KindFieldsProps) {
  const { step, languages, problems, frozen, onEdit } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const { at, under, set } = useKindTools(props);
  const choices = asList(step['choices']);
  // The checker's "exactly one safe answer" is placed at the list itself, not inside an answer.
  const listProblems = under('choices').filter((problem) => problem.path.length === at('choices').length);
  // One edit, so no check ever sees the moment between taking the mark off one answer and putting it on another.
  const markSafe = (safe: number): void =>
    onEdit({
      kind: 'batch',
      edits: choices.flatMap((choice, n): FormEdit[] => {
        const marked = asRecord(choice)['correct'];
        if (n === safe) return marked === true ? [] : [{ kind: 'set', path: at('choices', n, 'correct'), value: true }];
        return marked === undefined ? [] : [{ kind: 'set', path: at('choices', n, 'correct'), value: undefined }];
      }),
    });
  // An answer's words in the console's language when the script has them, else its first language, for the radio's label.
  const answerWords = (choice: unknown): string => {
    const label = asRecord(asRecord(choice)['label']);
    return asText(label[i18n.language]) || asText(label[languages[0] ?? 'es']);
  };
  return (
    <>
      <ItemList
        legend={t('editor.choices')}
        hint={t('form.quizChoicesHint')}
        path={at('choices')}
        items={choices}
        itemName={(number) => t('editor.choice', { number })}
        addLabel={t('editor.addChoice')}
        newItem={() => newChoice(idsOf(choices), languages)}
        min={listBounds.quizChoices.min}
        max={listBounds.quizChoices.max}
        problems={problems}
        frozen={frozen}
        onEdit={onEdit}
      >
        {(choice, n, path) => (
          <>
            <LocalizedField
              label={`${t('editor.choiceLabel')} ${n + 1}`}
              path={[...path, 'label']}
              value={choice['label']}
              languages={languages}
              problems={under('choices', n, 'label')}
              onSet={set}
              disabled={frozen}
            />
            <TextField
              label={`${t('editor.choiceId')} ${n + 1}`}
              path={[...path, 'id']}
              value={choice['id']}
              problems={under('choices', n, 'id')}
              onSet={set}
              disabled={frozen}
            />
            <LocalizedField
              label={t('form.choiceSay', { number: n + 1 })}
              path={[...path, 'say']}
              value={choice['say']}
              languages={languages}
              problems={under('choices', n, 'say')}
              onSet={set}
              disabled={frozen}
              optional
            />
          </>
        )}
      </ItemList>
      <fieldset
        className={`quiz-safe${listProblems.length > 0 ? ' has-problem' : ''}`}
        aria-describedby={listProblems.length > 0 ? `${id}-safe-problems` : undefined}
      >
        <legend>{t('form.quizSafeLegend')}</legend>
        {choices.map((choice, n) => (
          <div className="field checkbox-field" key={asText(asRecord(choice)['id']) || n}>
            <input
              id={`${id}-safe-${n}`}
              type="radio"
              name={`${id}-safe`}
              checked={asRecord(choice)['correct'] === true}
              disabled={frozen}
              onChange={() => markSafe(n)}
            />
            <label htmlFor={`${id}-safe-${n}`}>
              {t('editor.choice', { number: n + 1 })}
              {answerWords(choice) ? `: ${answerWords(choice)}` : ''}
            </label>
          </div>
        ))}
        <FieldProblems id={`${id}-safe-problems`} problems={listProblems} />
      </fieldset>
      <p className="hint">{t('form.explanationHint')}</p>
      <LocalizedField
        label={t('form.explanation')}
        path={at('explanation')}
        value={step['explanation']}
        languages={languages}
        problems={under('explanation')}
        onSet={set}
        disabled={frozen}
        multiline
      />
    </>
  );
}
