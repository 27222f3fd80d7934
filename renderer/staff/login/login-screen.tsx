import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffLoginResponse } from '../../../core/protocol/http.js';
import { fetchDemoMode } from '../../ui/demo-mode.js';
import { StaffHeader } from '../app/staff-header.js';
import { signInFailureText } from '../hub-api/failure-text.js';
import { staffCall } from '../hub-api/request.js';

/** Props of {@link LoginScreen}. */
export interface LoginScreenProps {
  /** A message to show first, e.g. that the session ended. */
  notice?: string | undefined;
  onSignedIn(response: StaffLoginResponse): void;
}

type Field = 'email' | 'password';

// The demo account, shown only when the hub says it runs in demo mode (hub/demo/seed.ts).
const demoAccount = { email: 'staff@example.org', password: 'demo-staff' };

/** Signing in with e-mail and password; mistakes are said next to the field, refusals above the button. */
export function LoginScreen({ notice, onSignedIn }: LoginScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const [demo, setDemo] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>(notice);
  const [sending, setSending] = useState(false);
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    void fetchDemoMode().then((value) => {
      if (current) setDemo(value);
    });
    document.title = t('app.pageTitle');
    return () => {
      current = false;
    };
  }, [t]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const errors: Partial<Record<Field, string>> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = t('errors.badEmail');
    if (password === '') errors.password = t('errors.emptyPassword');
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      setFormError(undefined);
      (errors.email ? emailField : passwordField).current?.focus();
      return;
    }
    setSending(true);
    setFormError(undefined);
    const result = await staffCall('staffLogin', { body: { email: email.trim(), password } });
    setSending(false);
    if (result.ok) return onSignedIn(result.value);
    setPassword('');
    setFormError(signInFailureText(result.failure, t));
    passwordField.current?.focus();
  };

  const describedBy = (field: Field, ...extra: (string | undefined)[]): string | undefined =>
    [...extra, fieldErrors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <StaffHeader demo={demo} />
      <main id="main" tabIndex={-1} className="staff-main staff-narrow">
        <h1>{t('login.heading')}</h1>
        <p>{t('login.intro')}</p>
        {demo ? <p className="hint">{t('login.demoHint', demoAccount)}</p> : null}
        <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('login.email')}</label>
            <input
              id={`${id}-email`}
              ref={emailField}
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={describedBy('email')}
              onChange={(event) => setEmail(event.target.value)}
            />
            {fieldErrors.email ? (
              <p id={`${id}-email-error`} className="field-error">
                {fieldErrors.email}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('login.password')}</label>
            <input
              id={`${id}-password`}
              ref={passwordField}
              type="password"
              autoComplete="current-password"
              value={password}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={describedBy('password', formError ? `${id}-form-error` : undefined)}
              onChange={(event) => setPassword(event.target.value)}
            />
            {fieldErrors.password ? (
              <p id={`${id}-password-error`} className="field-error">
                {fieldErrors.password}
              </p>
            ) : null}
          </div>
          {formError ? (
            <p id={`${id}-form-error`} role="alert" className="form-error">
              {formError}
            </p>
          ) : null}
          <div>
            <button type="submit" className="button button-primary" aria-disabled={sending}>
              {sending ? t('login.sending') : t('login.submit')}
            </button>
          </div>
        </form>
      </main>
    </>
  );
}
