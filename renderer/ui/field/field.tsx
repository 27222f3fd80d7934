/**
 * The field family every form uses: a label, an optional hint, the control, and the errors under
 * it, wired for screen readers (the control is described by its hint and its errors, and marked
 * invalid while it has errors). One order everywhere: label, hint (read before typing), control,
 * errors (next to what they are about).
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/** What a field's control needs to be wired to its label, hint and errors. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** The ids of a field's parts, from its own id. */
export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
}

/** A field's id (the one given, else a fresh one) and the ids of its hint and errors. */
export function useFieldIds(given?: string): FieldIds {
  const fresh = useId();
  const id = given ?? fresh;
  return { id, hintId: `${id}-hint`, errorId: `${id}-problems` };
}

/** The `aria-describedby` of a control with this hint and these errors; undefined when it has neither. */
export function describedBy(ids: FieldIds, hasHint: boolean, hasErrors: boolean): string | undefined {
  return [hasHint ? ids.hintId : undefined, hasErrors ? ids.errorId : undefined].filter(Boolean).join(' ') || undefined;
}

/** A field's hint: what to type, read before typing. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="hint">
      {children}
    </p>
  );
}

/** A field's errors, listed under it, each marked with a warning sign that is not read aloud. */
export function FieldErrors({ id, errors }: { id: string; errors: readonly ReactNode[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-problems">
      {errors.map((error, index) => (
        <li key={index}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </li>
      ))}
    </ul>
  );
}

/** Props of {@link Field}. */
export interface FieldProps {
  label: ReactNode;
  /** The control's id; a fresh one when left out. */
  id?: string;
  hint?: ReactNode;
  errors?: readonly ReactNode[];
  /** The control, given the props that wire it to the label, hint and errors. */
  children: (control: FieldControlProps) => ReactNode;
}

/** One labelled control with its hint and errors. */
export function Field({ label, id: givenId, hint, errors = [], children }: FieldProps) {
  const ids = useFieldIds(givenId);
  const hasHint = hint !== undefined && hint !== null && hint !== '';
  const invalid = errors.length > 0;
  return (
    <div className={`field${invalid ? ' has-problem' : ''}`}>
      <label htmlFor={ids.id}>{label}</label>
      {hasHint ? <FieldHint id={ids.hintId}>{hint}</FieldHint> : null}
      {children({ id: ids.id, 'aria-describedby': describedBy(ids, hasHint, invalid), 'aria-invalid': invalid ? true : undefined })}
      <FieldErrors id={ids.errorId} errors={errors} />
    </div>
  );
}

/** Props of {@link TextInput}: a field's label, hint and errors, and the input's own attributes. */
export type TextInputProps = Omit<FieldProps, 'children'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-describedby' | 'aria-invalid'>;

/** A labelled text input (or any `type` of input). */
export function TextInput({ label, id, hint, errors, ...input }: TextInputProps) {
  return (
    <Field label={label} id={id} hint={hint} errors={errors}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}

/** Props of {@link SelectInput}: a field's label, hint and errors, and the select's own attributes and options. */
export type SelectInputProps = Omit<FieldProps, 'children'> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-describedby' | 'aria-invalid'> & { children: ReactNode };

/** A labelled choice among options (given as `<option>` children). */
export function SelectInput({ label, id, hint, errors, children, ...select }: SelectInputProps) {
  return (
    <Field label={label} id={id} hint={hint} errors={errors}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

/** Props of {@link FieldGroup}. */
export interface FieldGroupProps {
  legend: ReactNode;
  className: string;
  hint?: ReactNode;
  errors?: readonly ReactNode[];
  /** The group's ids; fresh ones when left out. */
  ids?: FieldIds;
  children: ReactNode;
}

/** Several controls answering one question (a text per language, a set of checkboxes), described by one hint and one list of errors. */
export function FieldGroup({ legend, className, hint, errors = [], ids: givenIds, children }: FieldGroupProps) {
  const freshIds = useFieldIds();
  const ids = givenIds ?? freshIds;
  const hasHint = hint !== undefined && hint !== null && hint !== '';
  const invalid = errors.length > 0;
  return (
    <fieldset className={`${className}${invalid ? ' has-problem' : ''}`} aria-describedby={describedBy(ids, hasHint, invalid)}>
      <legend>{legend}</legend>
      {hasHint ? <FieldHint id={ids.hintId}>{hint}</FieldHint> : null}
      {children}
      <FieldErrors id={ids.errorId} errors={errors} />
    </fieldset>
  );
}
