/**
 * Volunteer mode at the touchscreen: the PIN dialog and, once signed in, the panel to jump to any
 * step, restart the procedure, close the call and leave. Nothing on the senior's screen opens
 * them: the PIN dialog appears only when the volunteer who holds the kiosk's call asks from their
 * phone ("Tomar el control del quiosco"), and it asks that volunteer's PIN alone (the hub knows
 * whose it is). Both are dialogs above the help dock, which stays in sight; the PIN dialog fits
 * every supported screen at every text size with "Entrar" and "Cancelar" in sight (its text is
 * the bar's: three quarters of the senior's, 32 to 48 px). The token is held by the app in
 * memory only and dropped with the session.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { useDialogClose } from '../dialog/use-dialog-close.js';
import { applyKey, type Key } from '../keyboard/keyboard-layout.js';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.js';
import type { ProcedureLanguage } from '../steps/procedure-language.js';
import { closeCallAsVolunteer, signInHolder, type KioskVolunteer, type PinRefusal } from './volunteer-api.js';
import './volunteer-mode.css';
import { PressButton, submitForm } from '../../ui/press/press-button.js';
import { skippedBySpokenMode } from '../tactile/spoken-attributes.js';

/** A PIN is 4 to 8 digits (core/protocol/common.ts, pinSchema): nothing else goes into the field. */
const pinOf = (text: string): string => text.replace(/[^0-9]/g, '').slice(0, 8);

/** Props of {@link VolunteerPinDialog}. */
export interface VolunteerPinDialogProps {
  /** The kiosk's device token: the PIN goes to the hub with it. */
  deviceToken: string;
  /** The kiosk's call the volunteer holds. */
  callId: string;
  /** Their first name, from the hub's request. */
  volunteerName: string;
  onSignedIn: (volunteer: KioskVolunteer) => void;
  onCancel: () => void;
}

/** "Ana: escriba su PIN", the field with "Borrar", "Entrar" and "Cancelar", and the digit keys. */
export function VolunteerPinDialog({ deviceToken, callId, volunteerName, onSignedIn, onCancel }: VolunteerPinDialogProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The field has the focus (a keyboard types there at once); Escape cancels.
  const field = useDialogClose<HTMLInputElement>(onCancel);
  const type = (key: Key): void => setPin((value) => pinOf(applyKey(value, key)));
  const refusal = (why: PinRefusal): string => {
    switch (why.kind) {
      case 'wrong':
        return t('volunteer.wrongPin');
      case 'locked':
        return t('volunteer.locked');
      case 'call-gone':
        return t('volunteer.callGone');
      case 'unreachable':
        return t('volunteer.unreachable');
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (busy) return;
    if (pin.length < 4) {
      setProblem(t('volunteer.pinLength'));
      return;
    }
    setBusy(true);
    void signInHolder(deviceToken, callId, pin).then((result) => {
      setBusy(false);
      if ('token' in result) return onSignedIn(result);
      // A refused PIN is not left in the field for the next try.
      setPin('');
      setProblem(refusal(result));
    });
  };
  return (
    // The volunteer's own mode: they can see, so the spoken mode passes over all of it (its words are unspoken: spoken-ui-keys.ts).
    <div className="kiosk-dialog volunteer-pin-dialog" role="dialog" aria-modal="false" aria-labelledby="volunteer-pin-heading" {...skippedBySpokenMode}>
      <form className="kiosk-dialog-box volunteer-pin" onSubmit={submit} noValidate>
        <h2 id="volunteer-pin-heading">
          <label htmlFor="volunteer-pin-field">{t('volunteer.pinHeading', { name: volunteerName })}</label>
        </h2>
        <div className="volunteer-pin-row">
          <input
            id="volunteer-pin-field"
            ref={field}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            aria-invalid={problem !== undefined || undefined}
            aria-describedby={problem !== undefined ? 'volunteer-pin-problem' : undefined}
            onChange={(event) => setPin(pinOf(event.target.value))}
          />
          <PressButton className="kiosk-button field-erase" onPress={() => type({ kind: 'erase' })}>
            {t('keyboard.erase')}
          </PressButton>
          <span className="volunteer-pin-actions">
            <PressButton onPress={submitForm} className="kiosk-button kiosk-button-primary" aria-disabled={busy || undefined}>
              {t('volunteer.signIn')}
            </PressButton>
            <PressButton className="kiosk-button" onPress={onCancel}>
              {t('volunteer.cancel')}
            </PressButton>
          </span>
        </div>
        {problem !== undefined ? (
          <p id="volunteer-pin-problem" className="step-error" role="alert">
            {problem}
          </p>
        ) : null}
        <OnScreenKeyboard format="number" onKey={type} />
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
  /** The kiosk's current call. */
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
    // The volunteer's own mode, passed over by the spoken mode like the PIN dialog.
    <div className="kiosk-dialog" role="dialog" aria-modal="false" aria-labelledby="volunteer-panel-heading" {...skippedBySpokenMode}>
      <div className="kiosk-dialog-box">
        <h2 id="volunteer-panel-heading">{t('volunteer.panelHeading', { name: volunteer.name })}</h2>
        {message !== undefined ? (
          <p className="volunteer-message" role="status">
            {message}
          </p>
        ) : null}
        <div className="button-row">
          {procedure ? (
            <PressButton className="kiosk-button" onPress={onRestart}>
              {t('volunteer.restart')}
            </PressButton>
          ) : null}
          {/* The call they took control for, while it is still the kiosk's. */}
          {callId === volunteer.callId ? (
            <PressButton
              className="kiosk-button"
              onPress={() => {
                void closeCallAsVolunteer(volunteer).then((done) => setMessage(done ? t('volunteer.callClosed') : t('volunteer.closeFailed')));
              }}
            >
              {t('volunteer.closeCall')}
            </PressButton>
          ) : null}
          <PressButton className="kiosk-button" onPress={onExit}>
            {t('volunteer.exit')}
          </PressButton>
          <PressButton className="kiosk-button kiosk-button-primary" onPress={onClose}>
            {t('glossary.close')}
          </PressButton>
        </div>
        {procedure && words ? (
          <>
            <p>{t('volunteer.jump')}</p>
            <ol className="volunteer-steps">
              {procedure.steps.map((step) => (
                <li key={step.id}>
                  <PressButton
                    className="kiosk-button"
                    lang={words.lang}
                    aria-current={step.id === currentStepId ? 'step' : undefined}
                    onPress={() => onJump(step.id)}
                  >
                    {words.text(step.title)}
                  </PressButton>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </div>
    </div>
  );
}
