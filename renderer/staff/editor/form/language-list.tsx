/**
 * The script's languages in the form: each by its name with a "Quitar" button, and a code to
 * type for a new one. (A list typed as "es, en" in a text field lost its comma as it was typed.)
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../../core/text/language-name.js';
import { FieldErrors } from '../../../ui/field/field.js';
import { FieldProblems } from '../form-fields.js';
import type { PlacedProblem } from '../located-problems.js';
import type { FormEdit } from '../yaml-document.js';
import { addLanguageEdit, isLanguageCode, removeLanguageEdit } from './languages.js';

/** Props of {@link LanguageList}. */
export interface LanguageListProps {
  data: Record<string, unknown>;
  /** The declared languages. */
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  frozen: boolean;
  onEdit: (edit: FormEdit) => void;
}

/** The languages every text is written in: remove one (with its texts), add one by its code. */
export function LanguageList({ data, languages, problems, frozen, onEdit }: LanguageListProps) {
  const { i18n, t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const name = (language: string) => `${languageName(language, i18n.language, { capitalised: true })} (${language})`;
  const add = (): void => {
    const typed = code.trim();
    if (!isLanguageCode(typed)) return setError(t('form.languageBad'));
    if (languages.includes(typed)) return setError(t('form.languageTaken'));
    onEdit(addLanguageEdit(data, typed));
    setCode('');
    setError(undefined);
  };
  return (
    <fieldset className="item-list language-list" aria-describedby={`${id}-hint`}>
      <legend>{t('editor.languages')}</legend>
      <p id={`${id}-hint`} className="hint">
        {t('form.languagesHint')}
      </p>
      <FieldProblems id={`${id}-problems`} problems={problems} />
      <ul className="language-items">
        {languages.map((language) => (
          <li key={language}>
            <span lang={language}>{name(language)}</span>
            <button
              type="button"
              className="button button-danger button-small"
              disabled={frozen || languages.length <= 1}
              onClick={() => {
                if (window.confirm(t('form.confirmRemoveLanguage', { language: name(language) }))) onEdit(removeLanguageEdit(data, language));
              }}
            >
              {t('form.removeLanguage', { language: name(language) })}
            </button>
          </li>
        ))}
      </ul>
      <div className="field field-inline">
        <label htmlFor={`${id}-code`}>{t('form.languageCode')}</label>
        <input
          id={`${id}-code`}
          type="text"
          value={code}
          disabled={frozen}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setCode(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" className="button button-secondary button-small" disabled={frozen || code.trim() === ''} onClick={add}>
          {t('form.addLanguage')}
        </button>
      </div>
      <FieldErrors id={`${id}-error`} errors={error ? [error] : []} />
    </fieldset>
  );
}
