import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutcome } from '../../../core/help-call/states.js';
import type { VolunteerCallView } from '../../../core/protocol/http.js';
import type { CallCommand } from '../hub-api/hub-api.js';
import { languageName } from '../../../core/text/language-name.js';
import { pickText } from '../../../core/text/pick-text.js';
import { callTone, canTakeOverKiosk, nextAction, statusKey, waitedSeconds } from './call-state.js';
import { OutcomeChooser } from './outcome-chooser.js';
import { waitingTimeText } from './waiting-time.js';
import { PressButton } from '../../ui/press/press-button.js';

/**
 * How long a new button ignores taps. The button under the finger changes meaning after each
 * tap ("Voy para allá" becomes "He llegado"), and a shaky double tap must not say both.
 */
export const settleMs = 700;

/** Props of {@link CallCard}. */
export interface CallCardProps {
  call: VolunteerCallView;
  /** Now, by the hub's clock. */
  serverNow: number;
  /** Sends a command; resolves with a plain error message when the hub refused or could not be reached. */
  onCommand(callId: string, command: CallCommand): Promise<string | undefined>;
}

/**
 * One call as a step card: where (kiosk and its place), what (procedure and step, or only
 * "Paso privado"), how long the senior has waited, ONE big button for the volunteer's next
 * action, and what usually goes wrong at that step. A senior in the kiosk's spoken mode
 * (headphones and a keypad) is said so in words, on every card of theirs.
 * "Resuelto" first asks how it ended.
 * The volunteer who holds the call may also take control of its kiosk: the kiosk then asks for
 * their PIN (its volunteer mode has no other way in). A call someone else took, or one that is
 * over, shows only what and who, no action.
 */
export function CallCard({ call, serverNow, onCommand }: CallCardProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [choosingOutcome, setChoosingOutcome] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // The kiosk was asked for this volunteer's PIN: say where to type it.
  const [takeOverSent, setTakeOverSent] = useState(false);
  const actionButton = useRef<HTMLButtonElement>(null);
  const language = i18n.language;
  const action = nextAction(call);
  const tone = callTone(call);
  // Someone waits and it is, or may become, mine: the details that help are worth the space.
  const full = tone === 'needs-help' || tone === 'mine';
  const procedure = pickText(call.procedureTitle, language);
  const step = call.stepTitle ? pickText(call.stepTitle, language) : undefined;
  const langIfOther = (lang: string) => (lang === language ? undefined : lang);
  const takeOver = canTakeOverKiosk(call) && !choosingOutcome;
  const buttonsShown = `${action ?? 'none'}:${choosingOutcome}:${takeOver}`;
  const [settled, setSettled] = useState<string | undefined>();
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(buttonsShown), settleMs);
    return () => window.clearTimeout(timer);
  }, [buttonsShown]);
  const settling = settled !== buttonsShown;

  const run = async (command: CallCommand): Promise<void> => {
    if (busy || settling) return;
    setBusy(true);
    setError(undefined);
    setTakeOverSent(false);
    const failure = await onCommand(call.id, command);
    setBusy(false);
    setError(failure);
    if (command.action === 'resolve') setChoosingOutcome(false);
    if (command.action === 'take-over' && failure === undefined) setTakeOverSent(true);
  };
  const onAction = (): void => {
    if (settling) return;
    if (action === 'resolve') setChoosingOutcome(true);
    else if (action) void run({ action });
  };
  const onOutcome = (outcome: CallOutcome): void => void run({ action: 'resolve', outcome });
  const onBack = (): void => {
    setChoosingOutcome(false);
    // The button comes back on the next render; give it the focus the question had.
    window.setTimeout(() => actionButton.current?.focus(), 0);
  };

  const status = statusKey(call);
  const waited = waitedSeconds(call, serverNow);
  return (
    <article className={`call-card call-card-${tone}`} aria-labelledby={`${id}-kiosk`}>
      <p className="call-status">
        {t(`call.status.${status}`, { name: call.volunteerName ?? t('call.someone') })}
        {status === 'resolved' && call.outcome ? `: ${t(`call.outcome.${call.outcome}`)}` : null}
      </p>
      <div>
        <h3 id={`${id}-kiosk`} className="call-kiosk">
          {call.kioskName}
        </h3>
        {call.kioskLocation ? <p>{call.kioskLocation}</p> : null}
      </div>
      <dl className="call-facts">
        <div>
          {/* The procedure's name says what it is; its label is for screen readers, to save a line. */}
          <dt className="visually-hidden">{t('call.procedure')}:</dt>
          <dd className="call-procedure" lang={langIfOther(procedure.lang)}>
            {procedure.text}
          </dd>
        </div>
        <div>
          <dt>{t('call.step')}:</dt> {step ? <dd lang={langIfOther(step.lang)}>{step.text}</dd> : <dd className="call-private">{t('call.privateStep')}</dd>}
        </div>
        {full ? (
          <div>
            <dt>{t('call.waiting')}:</dt> <dd>{waited < 10 ? t('call.justNow') : waitingTimeText(waited, t)}</dd>
          </div>
        ) : null}
        {full && call.language !== language ? (
          <div>
            <dt>{t('call.speaks')}:</dt> <dd>{languageName(call.language, language, { capitalised: true })}</dd>
          </div>
        ) : null}
      </dl>
      {/* In words, not by colour or an icon alone: the senior may not see the kiosk's screen, and
          the volunteer must know before arriving to talk rather than point. */}
      {call.mode === 'spoken' ? <p className="call-note call-spoken-mode">{t('call.spokenMode')}</p> : null}
      {call.sensitiveStep && full ? <p className="call-note">{t('call.privateStepNote')}</p> : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {choosingOutcome && action === 'resolve' ? (
        <OutcomeChooser busy={busy || settling} onChoose={onOutcome} onBack={onBack} />
      ) : action ? (
        <PressButton ref={actionButton} className="button button-primary" aria-disabled={busy || settling} onPress={onAction}>
          {busy ? t('call.sending') : t(`call.${action}`)}
        </PressButton>
      ) : null}
      {takeOver ? (
        <div className="call-take-over">
          <PressButton
            className="button button-secondary"
            aria-disabled={busy || settling}
            aria-describedby={`${id}-take-over`}
            onPress={() => void run({ action: 'take-over' })}
          >
            {t('call.takeOver')}
          </PressButton>
          <p id={`${id}-take-over`} className="call-take-over-note" role="status">
            {takeOverSent ? t('call.takeOverSent') : t('call.takeOverHint')}
          </p>
        </div>
      ) : null}
      {full && call.commonProblems.length > 0 ? (
        <section className="call-problems" aria-labelledby={`${id}-problems`}>
          <h4 id={`${id}-problems`}>{t('call.commonProblems')}</h4>
          <ul>
            {call.commonProblems.map((problem, index) => {
              const text = pickText(problem, language);
              return (
                <li key={index} lang={langIfOther(text.lang)}>
                  {text.text}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
