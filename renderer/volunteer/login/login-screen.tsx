import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pinSchema } from '../../../core/protocol/common.js';
import type { VolunteerLoginResponse } from '../../../core/protocol/http.js';
import { ConsoleHeader } from '../header/console-header.js';
import { LanguageSwitch } from '../language-switch/language-switch.js';
import { fetchDemoMode } from '../../ui/demo-mode.js';
import { fetchSites, signIn, type SiteChoice } from '../hub-api/hub-api.js';
import { signInFailureText } from '../hub-api/hub-error-text.js';
import type { LastSignIn } from '../session/session-store.js';
import { PressButton, submitForm } from '../../ui/press/press-button.js';

/** Props of {@link LoginScreen}. */
export interface LoginScreenProps {
  /** The centre and name used last time on this device. */
  remembered: LastSignIn | undefined;
  /** A message to show first, e.g. that the session ended. */
  notice?: string | undefined;
  onSignedIn(response: VolunteerLoginResponse, used: LastSignIn): void;
}

type SitesState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; sites: SiteChoice[] };
type Field = 'site' | 'name' | 'pin';

/**
 * Signing in: the centre (from the hub's list), the name and the PIN, typed on the phone's
 * number keypad. Mistakes are said next to the field; the hub's refusals (wrong PIN, locked
 * account) are said in plain words above the button.
 */
export function LoginScreen({ remembered, notice, onSignedIn }: LoginScreenProps) {
  const { t } = useTranslation();
  const id = useId();
  const [sites, setSites] = useState<SitesState>({ kind: 'loading' });
  const [demo, setDemo] = useState(false);
  const [siteId, setSiteId] = useState(remembered?.siteId ?? '');
  const [name, setName] = useState(remembered?.name ?? '');
  const [pin, setPin] = useState('');
  const [showPin, setShowPin] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>(notice);
  const [sending, setSending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const siteField = useRef<HTMLSelectElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    void fetchSites().then((result) => {
      if (!current) return;
      if (!result.ok) return setSites({ kind: 'failed' });
      setSites({ kind: 'loaded', sites: result.value });
      // One centre (the usual case): choose it. A remembered centre that no longer exists: forget it.
      setSiteId((chosen) => (result.value.some((site) => site.id === chosen) ? chosen : result.value.length === 1 ? (result.value[0]?.id ?? '') : ''));
    });
    void fetchDemoMode().then((demo) => {
      if (current) setDemo(demo);
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    const errors: Partial<Record<Field, string>> = {};
    if (!siteId) errors.site = t('errors.chooseSite');
    if (name.trim() === '') errors.name = t('errors.emptyName');
    if (!pinSchema.safeParse(pin).success) errors.pin = t('errors.badPin');
    setFieldErrors(errors);
    const firstWrong = (['site', 'name', 'pin'] as const).find((field) => errors[field]);
    if (firstWrong) {
      setFormError(undefined);
      ({ site: siteField, name: nameField, pin: pinField })[firstWrong].current?.focus();
      return;
    }
    setSending(true);
    setFormError(undefined);
    const result = await signIn({ siteId, name: name.trim(), pin });
    setSending(false);
    if (result.ok) {
      onSignedIn(result.value, { siteId, name: name.trim() });
      return;
    }
    setPin('');
    setFormError(signInFailureText(result.failure, t));
    pinField.current?.focus();
  };

  const describedBy = (field: Field, ...extra: (string | undefined)[]): string | undefined =>
    [...extra, fieldErrors[field] ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    fieldErrors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {fieldErrors[field]}
      </p>
    ) : null;

  return (
    <>
      <ConsoleHeader demo={demo}>
        <LanguageSwitch />
      </ConsoleHeader>
      <main className="console-main">
        <h2>{t('login.heading')}</h2>
        <p>{t('login.intro')}</p>
        {sites.kind === 'loading' ? <p role="status">{t('login.loadingSites')}</p> : null}
        {sites.kind === 'failed' ? (
          <div className="stack">
            <p role="alert" className="form-error">
              {t('errors.offline')}
            </p>
            <PressButton className="button button-secondary" onPress={() => setAttempt((value) => value + 1)}>
              {t('login.retry')}
            </PressButton>
          </div>
        ) : null}
        {sites.kind === 'loaded' && sites.sites.length === 0 ? (
          <p role="alert" className="form-error">
            {t('errors.noSites')}
          </p>
        ) : null}
        {sites.kind === 'loaded' && sites.sites.length > 0 ? (
          <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
            {sites.sites.length === 1 ? (
              // One centre, the usual case: nothing to choose, and a closed list would cut its name.
              <p className="field">
                <span className="field-label">{t('login.site')}</span>
                <span>{sites.sites[0]?.name}</span>
              </p>
            ) : (
              <div className="field">
                <label htmlFor={`${id}-site`}>{t('login.site')}</label>
                <select
                  id={`${id}-site`}
                  ref={siteField}
                  value={siteId}
                  aria-invalid={fieldErrors.site ? true : undefined}
                  aria-describedby={describedBy('site')}
                  onChange={(event) => setSiteId(event.target.value)}
                >
                  {siteId === '' ? <option value="">—</option> : null}
                  {sites.sites.map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.name}
                    </option>
                  ))}
                </select>
                {fieldError('site')}
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('login.name')}</label>
              <input
                id={`${id}-name`}
                ref={nameField}
                type="text"
                autoComplete="username"
                autoCapitalize="words"
                spellCheck={false}
                value={name}
                aria-invalid={fieldErrors.name ? true : undefined}
                aria-describedby={describedBy('name')}
                onChange={(event) => setName(event.target.value)}
              />
              {fieldError('name')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-pin`}>{t('login.pin')}</label>
              <p id={`${id}-pin-hint`} className="field-hint">
                {t('login.pinHint')}
              </p>
              <input
                id={`${id}-pin`}
                ref={pinField}
                type={showPin ? 'text' : 'password'}
                inputMode="numeric"
                pattern="[0-9]*"
                autoComplete="current-password"
                maxLength={8}
                value={pin}
                aria-invalid={fieldErrors.pin ? true : undefined}
                aria-describedby={describedBy('pin', `${id}-pin-hint`, formError ? `${id}-form-error` : undefined)}
                onChange={(event) => setPin(event.target.value.replace(/\s/g, ''))}
              />
              {fieldError('pin')}
              {/* Right under the PIN: where the eyes (and the focus) are after a refusal. */}
              {formError ? (
                <p id={`${id}-form-error`} role="alert" className="form-error">
                  {formError}
                </p>
              ) : null}
            </div>
            <PressButton className="button button-secondary" aria-pressed={showPin} onPress={() => setShowPin((value) => !value)}>
              <span className="check-mark" aria-hidden="true">
                {showPin ? '✓' : ''}
              </span>
              {t('login.showPin')}
            </PressButton>
            <PressButton onPress={submitForm} className="button button-primary" aria-disabled={sending}>
              {sending ? t('login.sending') : t('login.submit')}
            </PressButton>
          </form>
        ) : null}
      </main>
    </>
  );
}
