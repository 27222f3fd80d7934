/**
 * "New procedure": asks for the procedure's id, creates its first draft from a starter script
 * that already passes the checker, and opens the editor on it. The id is checked here first so a
 * typo is explained at once; the hub checks it again and its refusals (an id already taken, one
 * written wrongly) are put in words next to the field.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { idSchema } from '../../../core/protocol/common.js';
import { routeHash } from '../app/routes.js';
import { failureText } from '../hub-api/failure-text.js';
import type { HubFailure } from '../hub-api/request.js';
import { createProcedure } from '../hub-api/staff-api.js';
import { localDay, starterScript } from './starter-script.js';

/** Props of {@link NewProcedure}. */
export interface NewProcedureProps {
  token: string;
  /** The signed-in member of staff, written as the new script's owner. */
  staffName: string;
  onSessionEnded: (message: string) => void;
}

/** The "New procedure" button and, once pressed, its one-field form. */
export function NewProcedure({ token, staffName, onSessionEnded }: NewProcedureProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  // The form appears because the person asked for it: the focus goes where they will type.
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);

  const refusal = (failure: HubFailure, wanted: string): string | undefined => {
    if (failure.kind === 'refused' && (failure.code === 'already-exists' || failure.status === 409)) return t('newProcedure.exists', { id: wanted });
    if (failure.kind === 'refused' && failure.status === 400 && failure.field === 'id') return t('newProcedure.badId');
    const text = failureText(failure, t);
    if (text.sessionEnded) {
      onSessionEnded(text.message);
      return undefined;
    }
    return text.message;
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const wanted = value.trim();
    const local = wanted === '' ? t('newProcedure.emptyId') : idSchema.safeParse(wanted).success ? undefined : t('newProcedure.badId');
    setError(local);
    if (local) return field.current?.focus();
    setSending(true);
    const created = await createProcedure(token, wanted, starterScript(wanted, staffName, localDay(new Date())));
    setSending(false);
    if (created.ok) {
      window.location.hash = routeHash({ page: 'editor', procedureId: wanted });
      return;
    }
    setError(refusal(created.failure, wanted));
    field.current?.focus();
  };

  const close = (): void => {
    setOpen(false);
    setError(undefined);
    setValue('');
    // Back to the button that opened the form, so keyboard users do not lose their place.
    requestAnimationFrame(() => opener.current?.focus());
  };

  if (!open)
    return (
      <div className="page-actions">
        <button ref={opener} type="button" className="button button-primary" onClick={() => setOpen(true)}>
          {t('newProcedure.open')}
        </button>
      </div>
    );
  return (
    <section className="new-procedure" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('newProcedure.heading')}</h2>
      <form className="inline-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-id`}>{t('newProcedure.idLabel')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('newProcedure.idHint')}
          </p>
          <input
            id={`${id}-id`}
            ref={field}
            type="text"
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : undefined].filter(Boolean).join(' ')}
            onChange={(event) => setValue(event.target.value)}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="field-error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" aria-disabled={sending}>
            {sending ? t('newProcedure.creating') : t('newProcedure.create')}
          </button>
          <button type="button" className="button button-secondary" onClick={close}>
            {t('newProcedure.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
