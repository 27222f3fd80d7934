/**
 * The editor form's building blocks: a text per language side by side, plain fields, and the
 * problems each one holds; built on the shared field family (`renderer/ui/field`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeProblem } from '../../../core/procedure/messages/catalog.js';
import { languageName } from '../../../core/text/language-name.js';
import { Field, FieldErrors, FieldGroup, TextInput, useFieldIds } from '../../ui/field/field.js';
import type { PlacedProblem } from './located-problems.js';
import { asRecord, asText } from './form-data.js';
import type { DataPath } from './yaml-document.js';

/** Each problem as a sentence that says where it is in the file, in the console's language. */
function problemTexts(problems: readonly PlacedProblem[], t: TFunction, language: string): string[] {
  return problems.map((problem) => t('editor.problemAt', { line: problem.line, column: problem.column, message: describeProblem(problem, language) }));
}

/** Where a field's problems are listed, under it. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly PlacedProblem[] }) {
  const { i18n, t } = useTranslation();
  return <FieldErrors id={id} errors={problemTexts(problems, t, i18n.language)} />;
}

/** Props of {@link LocalizedField}. */
export interface LocalizedFieldProps {
  label: string;
  path: DataPath;
  value: unknown;
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  onSet: (path: DataPath, value: unknown) => void;
  /** Two lines or more for texts, one for titles. */
  multiline?: boolean;
  disabled?: boolean;
  /** An optional text (`say`, `help`): emptying every language removes it from the file. */
  optional?: boolean;
}

/** One text in every language of the procedure, side by side (es | en …), so a translator sees them together. */
export function LocalizedField({ label, path, value, languages, problems, onSet, multiline = false, disabled = false, optional = false }: LocalizedFieldProps) {
  const { i18n, t } = useTranslation();
  const ids = useFieldIds();
  const id = ids.id;
  const texts = asRecord(value);
  const mine = problems;
  return (
    <FieldGroup legend={label} className="localized" errors={problemTexts(mine, t, i18n.language)} ids={ids}>
      <div className="localized-columns">
        {languages.map((language) => {
          const fieldId = `${id}-${language}`;
          const invalid = mine.some((problem) => problem.path.length <= path.length || problem.path[path.length] === language);
          const common = {
            id: fieldId,
            lang: language,
            value: asText(texts[language]),
            disabled,
            'aria-invalid': invalid ? true : undefined,
            onChange: (event: { target: { value: string } }) => {
              const typed = event.target.value;
              const othersEmpty = Object.entries(texts).every(([other, text]) => other === language || asText(text) === '');
              if (optional && typed === '' && othersEmpty) onSet(path, undefined);
              else onSet([...path, language], typed);
            },
          } as const;
          return (
            <div className="localized-column" key={language}>
              <label htmlFor={fieldId}>
                <span className="visually-hidden">{label}, </span>
                {languageName(language, i18n.language, { capitalised: true })} <span className="muted">({language})</span>
              </label>
              {multiline ? <textarea {...common} rows={3} /> : <input type="text" {...common} />}
            </div>
          );
        })}
      </div>
    </FieldGroup>
  );
}

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string;
  path: DataPath;
  value: unknown;
  problems: readonly PlacedProblem[];
  onSet: (path: DataPath, value: unknown) => void;
  hint?: string;
  disabled?: boolean;
  /** Turns the typed text into the value to store (numbers, lists); undefined removes the field. */
  toValue?: (text: string) => unknown;
  display?: (value: unknown) => string;
  /** An optional field: emptying it removes it from the file. */
  optional?: boolean;
}

/** One plain field. */
export function TextField({
  label,
  path,
  value,
  problems,
  onSet,
  hint,
  disabled = false,
  optional = false,
  toValue = (text) => (optional && text === '' ? undefined : text),
  display = asText,
}: TextFieldProps) {
  const { i18n, t } = useTranslation();
  return (
    <TextInput
      label={label}
      hint={hint}
      errors={problemTexts(problems, t, i18n.language)}
      type="text"
      value={display(value)}
      disabled={disabled}
      onChange={(event) => onSet(path, toValue(event.target.value))}
    />
  );
}

/** Props of {@link LanguageChecks}. */
export interface LanguageChecksProps {
  label: string;
  hint: string;
  path: DataPath;
  /** The list as the file holds it (may hold codes that are not declared: they are kept). */
  value: unknown;
  languages: readonly string[];
  problems: readonly PlacedProblem[];
  onSet: (path: DataPath, value: unknown) => void;
  disabled?: boolean;
}

/**
 * A list of languages as one checkbox per declared language (typing a list in a text field loses
 * its comma as it is typed). Codes in the file that are not declared have no box and are kept,
 * so their problem stays in sight until the author fixes it; an empty list removes the field.
 */
export function LanguageChecks({ label, hint, path, value, languages, problems, onSet, disabled = false }: LanguageChecksProps) {
  const { i18n, t } = useTranslation();
  const listed = Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
  const toggle = (language: string, on: boolean): void => {
    const kept = listed.filter((code) => !languages.includes(code));
    const chosen = languages.filter((code) => (code === language ? on : listed.includes(code)));
    const next = [...chosen, ...kept];
    onSet(path, next.length > 0 ? next : undefined);
  };
  return (
    <FieldGroup legend={label} className="language-checks" hint={hint} errors={problemTexts(problems, t, i18n.language)}>
      {languages.map((language) => (
        <label key={language} className="checkbox-label">
          <input type="checkbox" checked={listed.includes(language)} disabled={disabled} onChange={(event) => toggle(language, event.target.checked)} />
          {languageName(language, i18n.language, { capitalised: true })} <span className="muted">({language})</span>
        </label>
      ))}
    </FieldGroup>
  );
}

/** Props of {@link CheckField}. */
export interface CheckFieldProps {
  label: string;
  path: DataPath;
  value: unknown;
  problems: readonly PlacedProblem[];
  /** Called with true, or undefined (the field leaves the file: every flag is off when absent). */
  onSet: (path: DataPath, value: true | undefined) => void;
  disabled?: boolean;
}

/** A yes/no flag of the script, as one checkbox with its problems. */
export function CheckField({ label, path, value, problems, onSet, disabled = false }: CheckFieldProps) {
  const { i18n, t } = useTranslation();
  const ids = useFieldIds();
  const invalid = problems.length > 0;
  return (
    <div className={`field checkbox-field${invalid ? ' has-problem' : ''}`}>
      <input
        id={ids.id}
        type="checkbox"
        checked={value === true}
        disabled={disabled}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? ids.errorId : undefined}
        onChange={(event) => onSet(path, event.target.checked ? true : undefined)}
      />
      <label htmlFor={ids.id}>{label}</label>
      <FieldErrors id={ids.errorId} errors={problemTexts(problems, t, i18n.language)} />
    </div>
  );
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps {
  label: string;
  hint?: string;
  value: string;
  options: readonly { value: string; label: string }[];
  problems: readonly PlacedProblem[];
  onChange: (value: string) => void;
  disabled?: boolean;
  children?: ReactNode;
}

/** A choice among fixed options; a value not among them (typed in the YAML) is shown too, so it is never hidden. */
export function SelectField({ label, hint, value, options, problems, onChange, disabled = false }: SelectFieldProps) {
  const { i18n, t } = useTranslation();
  const known = options.some((option) => option.value === value);
  return (
    <Field label={label} hint={hint} errors={problemTexts(problems, t, i18n.language)}>
      {(control) => (
        <select {...control} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
          {known ? null : <option value={value}>{value}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
