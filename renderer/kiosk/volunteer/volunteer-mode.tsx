/**
 * Volunteer mode at the touchscreen: the sign-in dialog (name and PIN, with the on-screen
 * keyboard) and, once signed in, the panel to jump to any step, restart the procedure, close the
 * call and leave. Both are dialogs above the help dock, which stays in sight. The token is held
 * by the app in memory only and dropped with the session.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { applyKey, type Key } from '../keyboard/keyboard-layout.js';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.js';
import type { ProcedureLanguage } from '../steps/procedure-language.js';
import { closeCallAsVolunteer, volunteerLogin, type KioskVolunteer } from './volunteer-api.js';

/** The volunteer's own mode has no tremor option: every tap counts. */
const acceptEveryTap = (): boolean => true;

/** Props of {@link VolunteerSignIn}. */
export interface VolunteerSignInProps {
  siteId: string | undefined;
  onSignedIn: (volunteer: KioskVolunteer) => void;
  onCancel: () => void;
}

/** Name and PIN, for the kiosk's own site. */
export function VolunteerSignIn({ siteId, onSignedIn, onCancel }: VolunteerSignInProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [field, setField] = useState<'name' | 'pin'>('name');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const type = (key: Key): void => (field === 'name' ? setName((value) => applyKey(value, key)) : setPin((value) => applyKey(value, key)));
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (siteId === undefined || busy) return;
    setBusy(true);
    void volunteerLogin(siteId, name, pin).then((result) => {
      setBusy(false);
      if (result === 'wrong') setProblem(t('volunteer.wrong'));
      else if (result === undefined) setProblem(t('volunteer.unreachable'));
      else onSignedIn(result);
    });
  };
  return (
    <div className="kiosk-dialog" role="dialog" aria-modal="false" aria-labelledby="volunteer-heading">
      <form className="kiosk-dialog-box volunteer-sign-in" onSubmit={submit} noValidate>
        <h2 id="volunteer-heading">{t('volunteer.signInHeading')}</h2>
        <div className="volunteer-fields">
          <label>
            {t('volunteer.name')}
            <input ref={first} value={name} autoComplete="off" onFocus={() => setField('name')} onChange={(event) => setName(event.target.value)} />
          </label>
          <label>
            {t('volunteer.pin')}
            <input type="password" inputMode="numeric" value={pin} autoComplete="off" onFocus={() => setField('pin')} onChange={(event) => setPin(event.target.value)} />
          </label>
          {/* Beside the fields, as beside a step's field: it erases in the one last touched. */}
          <button type="button" className="kiosk-button field-erase" onClick={() => type({ kind: 'erase' })}>
            {t('keyboard.erase')}
          </button>
        </div>
        {problem !== undefined ? (
          <p className="step-error" role="alert">
            {problem}
          </p>
        ) : null}
        {/* The digits first (the PIN), with "Espacio" (a name has spaces). */}
        <OnScreenKeyboard format="dni-nie" space accepts={acceptEveryTap} onKey={type} />
        <div className="button-row">
          <button type="submit" className="kiosk-button kiosk-button-primary" disabled={busy}>
            {t('volunteer.signIn')}
          </button>
          <button type="button" className="kiosk-button" onClick={onCancel}>
            {t('volunteer.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Props of {@link VolunteerPanel}. */
export interface VolunteerPanelProps {
  volunteer: KioskVolunteer;
  procedure: Procedure | undefined;
  words: ProcedureLanguage | undefined;
  currentStepId: string | undefined;
  callId: string | undefined;
  onJump: (stepId: string) => void;
  onRestart: () => void;
  onExit: () => void;
  onClose: () => void;
}

/** Every step to jump to, restart, close the call, leave volunteer mode. */
export function VolunteerPanel({ volunteer, procedure, words, currentStepId, callId, onJump, onRestart, onExit, onClose }: VolunteerPanelProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | undefined>(undefined);
  return (
    <div className="kiosk-dialog" role="dialog" aria-modal="false" aria-labelledby="volunteer-panel-heading">
      <div className="kiosk-dialog-box">
        <h2 id="volunteer-panel-heading">{t('volunteer.panelHeading', { name: volunteer.name })}</h2>
        {message !== undefined ? (
          <p className="volunteer-message" role="status">
            {message}
          </p>
        ) : null}
        <div className="button-row">
          {procedure ? (
            <button type="button" className="kiosk-button" onClick={onRestart}>
              {t('volunteer.restart')}
            </button>
          ) : null}
          {callId !== undefined ? (
            <button
              type="button"
              className="kiosk-button"
              onClick={() => {
                void closeCallAsVolunteer(volunteer.token, callId).then((done) => setMessage(done ? t('volunteer.callClosed') : t('volunteer.closeFailed')));
              }}
            >
              {t('volunteer.closeCall')}
            </button>
          ) : null}
          <button type="button" className="kiosk-button" onClick={onExit}>
            {t('volunteer.exit')}
          </button>
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={onClose}>
            {t('glossary.close')}
          </button>
        </div>
        {procedure && words ? (
          <>
            <p>{t('volunteer.jump')}</p>
            <ol className="volunteer-steps">
              {procedure.steps.map((step) => (
                <li key={step.id}>
                  <button type="button" className="kiosk-button" lang={words.lang} aria-current={step.id === currentStepId ? 'step' : undefined} onClick={() => onJump(step.id)}>
                    {words.text(step.title)}
                  </button>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </div>
  );
}
