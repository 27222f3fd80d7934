/**
 * The fields only some kinds of step have: a question's answers, an input's format, label and
 * rule, a checklist's things to tick, a final step's texts and QR address; and the picture any
 * step may have.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField, FieldProblems, LocalizedField, SelectField, TextField } from '../form-fields.js';
import { asText } from '../form-data.js';
import { problemsNotUnder, problemsUnder, type PlacedProblem } from '../located-problems.js';
import type { DataPath, FormEdit } from '../yaml-document.js';
import { inputFormatOptions, type EnumOption } from './enum-options.js';
import { ItemList } from './item-list.js';
import { listBounds } from './list-bounds.js';
import { idsOf, newChecklistItem, newChoice, newImage } from './item-templates.js';

/** Props of the kind-specific field groups. */
export interface KindFieldsProps {
  /** The step's path: `['steps', 3]`. */
  base: DataPath;
  step: Record<string, unknown>;
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onEdit: (edit: FormEdit) => void;
  /** The steps an answer may lead to, "— ninguno —" first. */
  nextOptions: readonly EnumOption[];
}

/** A kind's form helpers: a path under the step, the problems placed under one, and a set edit. */
export function useKindTools({ base, problems, onEdit }: KindFieldsProps) {
  const at = (...rest: (string | number)[]): DataPath => [...base, ...rest];
  const under = (...rest: (string | number)[]) => problemsUnder(problems, at(...rest));
  const set = (path: DataPath, value: unknown): void => onEdit({ kind: 'set', path, value });
  return { at, under, set };
}

/** A question's answers: each with its words, how it is spoken and where it leads. */
export function ChoiceFields(props: KindFieldsProps) {
  const { t } = useTranslation();
  const { step, languages, problems, frozen, onEdit, nextOptions } = props;
  const { at, under, set } = useKindTools(props);
  const choices = Array.isArray(step['choices']) ? step['choices'] : [];
  return (
    <ItemList
      legend={t('editor.choices')}
      path={at('choices')}
      items={choices}
      itemName={(number) => t('editor.choice', { number })}
      addLabel={t('editor.addChoice')}
      newItem={() => newChoice(idsOf(choices), languages)}
      min={listBounds.choices.min}
      max={listBounds.choices.max}
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
          <div className="field-row">
            <SelectField
              label={`${t('editor.leadsTo')} (${t('editor.choice', { number: n + 1 })})`}
              value={asText(choice['next'])}
              options={nextOptions}
              problems={under('choices', n, 'next')}
              disabled={frozen}
              onChange={(value) => set([...path, 'next'], value === '' ? undefined : value)}
            />
            <TextField
              label={`${t('editor.choiceId')} ${n + 1}`}
              path={[...path, 'id']}
              value={choice['id']}
              problems={under('choices', n, 'id')}
              onSet={set}
              disabled={frozen}
            />
          </div>
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
  );
}

/** A typed answer: what is typed, the box's name, an example, and an optional extra rule. */
export function InputFields(props: KindFieldsProps) {
  const { t } = useTranslation();
  const { step, languages, frozen } = props;
  const { at, under, set } = useKindTools(props);
  return (
    <>
      <div className="field-row">
        <SelectField
          label={t('form.format')}
          value={asText(step['format'])}
          options={inputFormatOptions(t)}
          problems={under('format')}
          disabled={frozen}
          onChange={(value) => set(at('format'), value)}
        />
        <TextField
          label={t('form.inputExample')}
          path={at('example')}
          value={step['example']}
          problems={under('example')}
          onSet={set}
          disabled={frozen}
          optional
        />
      </div>
      <LocalizedField
        label={t('form.inputLabel')}
        path={at('label')}
        value={step['label']}
        languages={languages}
        problems={under('label')}
        onSet={set}
        disabled={frozen}
      />
      <CheckField label={t('form.optional')} path={at('optional')} value={step['optional']} problems={under('optional')} onSet={set} disabled={frozen} />
      <TextField
        label={t('form.pattern')}
        hint={t('form.patternHint')}
        path={at('pattern')}
        value={step['pattern']}
        problems={under('pattern')}
        onSet={set}
        disabled={frozen}
        optional
      />
      <LocalizedField
        label={t('form.patternError')}
        path={at('patternError')}
        value={step['patternError']}
        languages={languages}
        problems={under('patternError')}
        onSet={set}
        disabled={frozen}
        optional
      />
    </>
  );
}

/** A checklist: its things to tick and whether all must be ticked. */
export function ChecklistFields(props: KindFieldsProps) {
  const { t } = useTranslation();
  const { step, languages, problems, frozen, onEdit } = props;
  const { at, under, set } = useKindTools(props);
  const items = Array.isArray(step['items']) ? step['items'] : [];
  return (
    <>
      <ItemList
        legend={t('form.items')}
        path={at('items')}
        items={items}
        itemName={(number) => t('form.item', { number })}
        addLabel={t('form.addItem')}
        newItem={() => newChecklistItem(idsOf(items), languages)}
        min={listBounds.items.min}
        max={listBounds.items.max}
        problems={problems}
        frozen={frozen}
        onEdit={onEdit}
      >
        {(item, n, path) => (
          <>
            <LocalizedField
              label={t('form.itemLabel')}
              path={[...path, 'label']}
              value={item['label']}
              languages={languages}
              problems={under('items', n, 'label')}
              onSet={set}
              disabled={frozen}
            />
            <TextField label={t('form.itemId')} path={[...path, 'id']} value={item['id']} problems={under('items', n, 'id')} onSet={set} disabled={frozen} />
          </>
        )}
      </ItemList>
      <CheckField
        label={t('form.requireAll')}
        path={at('requireAll')}
        value={step['requireAll']}
        problems={under('requireAll')}
        onSet={set}
        disabled={frozen}
      />
    </>
  );
}

/** A final step: what happens next, the take-home sheet's extra text and its QR address. */
export function DoneFields(props: KindFieldsProps) {
  const { t } = useTranslation();
  const { step, languages, frozen } = props;
  const { at, under, set } = useKindTools(props);
  const common = { languages, onSet: set, disabled: frozen, multiline: true, optional: true } as const;
  return (
    <>
      <LocalizedField {...common} label={t('form.whatNext')} path={at('whatNext')} value={step['whatNext']} problems={under('whatNext')} />
      <LocalizedField {...common} label={t('form.takeHome')} path={at('takeHome')} value={step['takeHome']} problems={under('takeHome')} />
      <TextField label={t('form.qrUrl')} path={at('qrUrl')} value={step['qrUrl']} problems={under('qrUrl')} onSet={set} disabled={frozen} optional />
    </>
  );
}

/** A step's picture: its file and its description, added and removed as a whole. */
export function ImageFields(props: KindFieldsProps) {
  const { t } = useTranslation();
  const { step, languages, frozen } = props;
  const { at, under, set } = useKindTools(props);
  const image = step['image'];
  const has = image !== undefined && image !== null;
  const id = useId();
  return (
    <fieldset className="item-list" aria-describedby={`${id}-hint`}>
      <legend>{t('form.image')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('form.imageHint')}
      </p>
      <FieldProblems id={`${id}-problems`} problems={problemsNotUnder(props.problems, at('image'), ['src', 'alt'])} />
      {has ? (
        <>
          <TextField
            label={t('form.imageSrc')}
            path={at('image', 'src')}
            value={(image as Record<string, unknown>)['src']}
            problems={under('image', 'src')}
            onSet={set}
            disabled={frozen}
          />
          <LocalizedField
            label={t('form.imageAlt')}
            path={at('image', 'alt')}
            value={(image as Record<string, unknown>)['alt']}
            languages={languages}
            problems={under('image', 'alt')}
            onSet={set}
            disabled={frozen}
          />
        </>
      ) : null}
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={frozen}
        onClick={() => set(at('image'), has ? undefined : newImage(languages))}
      >
        {has ? t('form.removeImage') : t('form.addImage')}
      </button>
    </fieldset>
  );
}
