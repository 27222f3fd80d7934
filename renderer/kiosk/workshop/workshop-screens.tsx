/**
 * A workshop's own screens on the kiosk (issue 18), in the PRÁCTICA look: the join code typed on
 * the on-screen keyboard's digits, the optional first name ("¿Cómo quiere que le llame el
 * voluntario? (opcional)"), the pause over the screen with the trainer's message, the raised
 * hand where the help call's status goes, and the end, with the certificate offered. The
 * lessons list is the catalogue's screen (catalogue/catalogue-screen.tsx). The decisions are
 * core/kiosk/workshop-participation.ts's; the requests workshop-api.ts's.
 */
import { useCallback, useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InputFormat } from '../../../core/procedure/schema.js';
import {
  firstNameToSend,
  isJoinCode,
  joinProblemPrompt,
  joinProblemWords,
  type HandShown,
  type JoinProblem,
} from '../../../core/kiosk/workshop-participation.js';
import { useSpeech } from '../audio/speech-context.js';
import { PressButton } from '../../ui/press/press-button.js';
import { DockNav } from '../fit/dock-nav.js';
import { PartNav } from '../fit/part-nav.js';
import { useFitParts } from '../fit/use-fit-parts.js';
import { applyKey } from '../keyboard/keyboard-layout.js';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.js';
import { fieldWidthFor } from '../steps/step-screen.js';
import { skippedBySpokenMode, spokenUi } from '../tactile/spoken-attributes.js';
import './workshop.css';

/**
 * A field typed on the on-screen keyboard, with "Borrar" beside it and its hint or error beside
 * it too where the row has room (else below), as a step's field (step-screen.tsx). The field is
 * as wide as `widest`, so "Borrar" stays on its row at 64 px on a 1,366 px screen.
 */
function KeyboardField({
  id,
  label,
  format,
  widest,
  value,
  onValue,
  hint,
  problem,
  problemApart = false,
}: {
  id: string;
  label: string;
  format: InputFormat;
  /** The widest answer the field shows whole (its width, fieldWidthFor). */
  widest: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  problem?: string;
  /** The problem is shown by the screen in a block of its own (the code screen's pager), not here. */
  problemApart?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="step-input-field" style={{ '--field-width': fieldWidthFor(widest) } as CSSProperties}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          // Its name also where a short screen leaves its label out (workshop.css): the same words.
          aria-label={label}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          inputMode={format === 'text' ? 'text' : 'numeric'}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={problem !== undefined}
          aria-describedby={problem !== undefined ? `${id}-problem` : hint ? `${id}-hint` : undefined}
        />
        <PressButton className="kiosk-button field-erase" {...skippedBySpokenMode} onPress={() => onValue(applyKey(value, { kind: 'erase' }, format))}>
          {t('keyboard.erase')}
        </PressButton>
        {problem !== undefined ? (
          problemApart ? null : (
            <p id={`${id}-problem`} className="step-error" role="alert">
              {problem}
            </p>
          )
        ) : hint ? (
          <p id={`${id}-hint`} className="step-hint">
            {hint}
          </p>
        ) : null}
      </div>
      <OnScreenKeyboard format={format} space={format === 'text'} onKey={(key) => onValue(applyKey(value, key, format))} />
    </>
  );
}

/** A join problem's words on screen (a lock's wait counted in minutes). */
function joinProblemText(t: TFunction, problem: JoinProblem): string {
  const { key, count } = joinProblemWords(problem);
  return count === undefined ? t(key) : t(key, { count });
}

/** The problem shown under a join field; a new one is also said (its prompt, rendered ahead). */
function useJoinProblem(): [JoinProblem | undefined, (problem: JoinProblem | undefined) => void] {
  const speech = useSpeech();
  const [problem, setProblem] = useState<JoinProblem | undefined>();
  const show = useCallback(
    (next: JoinProblem | undefined) => {
      setProblem(next);
      if (next !== undefined) speech.say([{ id: joinProblemPrompt(next) }]);
    },
    [speech],
  );
  return [problem, show];
}

/**
 * "Escriba el código del taller": 4 to 6 digits, sent with "Seguir"; "Atrás" goes back to the
 * comfort settings chosen on the way in (the text size, if the code is hard to read).
 */
export function WorkshopCodeScreen({
  onCode,
  onBack,
  navSlot,
}: {
  onCode: (code: string) => Promise<JoinProblem | undefined>;
  onBack: () => void;
  navSlot: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useJoinProblem();
  const [busy, setBusy] = useState(false);
  const send = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (busy) return;
    if (!isJoinCode(code)) return setProblem('workshop.codeInvalid');
    setBusy(true);
    const answer = await onCode(code);
    setBusy(false);
    setProblem(answer);
  };
  // The problem is a block of its own before the field: where it, the field and the keys do not
  // fit together (the lock's sentence at 64 px on a 768 px screen), the pager shows it first and
  // the field with its keys on the next part, as a step's parts (core/kiosk/fit-parts.ts). A new
  // problem starts again at part 1, where it is.
  const { parts, part, compact, shows, attachArea, next, previous } = useFitParts(problem ? 2 : 1, `workshop-code:${problem ?? ''}`);
  const problemText = problem ? joinProblemText(t, problem) : undefined;
  return (
    <main className="kiosk-screen fit-area workshop-screen" data-workshop-screen="code" data-part={part + 1} data-parts={parts} ref={attachArea}>
      <div className="fit-header" data-fit-header data-compact={compact || undefined}>
        <h1>{t('workshop.codeHeading')}</h1>
      </div>
      {problemText !== undefined ? (
        <div className="fit-block" data-fit-block hidden={!shows(0)}>
          <p id="workshop-code-problem" className="step-error" role="alert">
            {problemText}
          </p>
        </div>
      ) : null}
      <div className="fit-block" data-fit-block hidden={!shows(problemText !== undefined ? 1 : 0)}>
        <form id="workshop-code-form" className="step-input step-input-pad" onSubmit={(event) => void send(event)} noValidate>
          <KeyboardField
            id="workshop-code"
            label={t('workshop.codeLabel')}
            format="number"
            widest="123456"
            value={code}
            onValue={(next) => setCode(next.replace(/[^0-9]/g, '').slice(0, 6))}
            hint={busy ? t('workshop.joining') : t('workshop.codeHint')}
            {...(problemText !== undefined ? { problem: problemText, problemApart: true } : {})}
          />
        </form>
      </div>
      <PartNav
        slot={navSlot}
        part={part}
        parts={parts}
        onPrevious={previous}
        onNext={next}
        first={
          <PressButton key="back" className="kiosk-button nav-back" {...spokenUi('step.back')} onPress={onBack}>
            {t('step.back')}
          </PressButton>
        }
        last={
          <PressButton key="continue" className="kiosk-button kiosk-button-primary nav-forward" {...spokenUi('workshop.continue')} onPress={() => void send()}>
            {t('workshop.continue')}
          </PressButton>
        }
      />
    </main>
  );
}

/** "¿Cómo quiere que le llame el voluntario? (opcional)": a first name, or none. */
export function WorkshopNameScreen({
  onName,
  navSlot,
}: {
  onName: (name: string | undefined) => Promise<JoinProblem | undefined>;
  navSlot: HTMLElement | null;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useJoinProblem();
  const [busy, setBusy] = useState(false);
  const send = async (chosen: string | undefined): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const answer = await onName(chosen);
    setBusy(false);
    setProblem(answer);
  };
  return (
    <main className="kiosk-screen workshop-screen" data-workshop-screen="name">
      <h1>{t('workshop.nameHeading')}</h1>
      <form
        id="workshop-name-form"
        className="step-input"
        onSubmit={(event) => {
          event.preventDefault();
          void send(firstNameToSend(name));
        }}
        noValidate
      >
        <KeyboardField
          id="workshop-name"
          label={t('workshop.nameLabel')}
          format="text"
          // A first name shows whole; a longer one scrolls in its field (30 characters at most).
          widest="Encarnación"
          value={name}
          onValue={(next) => setName(Array.from(next).slice(0, 30).join(''))}
          {...(problem ? { problem: joinProblemText(t, problem) } : {})}
        />
      </form>
      <DockNav slot={navSlot}>
        <PressButton className="kiosk-button nav-back" {...spokenUi('workshop.nameSkip')} onPress={() => void send(undefined)}>
          {t('workshop.nameSkip')}
        </PressButton>
        <PressButton
          className="kiosk-button kiosk-button-primary nav-forward"
          {...spokenUi('workshop.continue')}
          onPress={() => void send(firstNameToSend(name))}
        >
          {t('workshop.continue')}
        </PressButton>
      </DockNav>
    </main>
  );
}

/**
 * The trainer paused the workshop: over the whole screen but the help button, the fixed sentence
 * the kiosk speaks ("Mire al voluntario y escuche"), then the trainer's own message, which is
 * free text and so shown only (core/audio/screen-speech.ts, workshopPauseUtterances).
 */
export function WorkshopPause({ message }: { message: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="idle-warning-backdrop workshop-pause" data-workshop-pause>
      <div className="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="workshop-pause-heading" aria-describedby="workshop-pause-text">
        <h2 id="workshop-pause-heading">{t('workshop.pausedHeading')}</h2>
        <p id="workshop-pause-text">{t('workshop.pausedText')}</p>
        {message ? (
          <p className="workshop-pause-message" data-workshop-pause-message>
            {message}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The hand, where a help call's status goes: raised ("El voluntario vendrá") or answered ("Ana viene"). */
export function WorkshopHandPanel({ hand, onLower }: { hand: HandShown; onLower: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="help-panel" aria-live="polite" hidden={hand.kind === 'down'} data-workshop-hand={hand.kind === 'down' ? undefined : hand.kind}>
      {hand.kind === 'down' ? null : (
        <>
          <p className="help-panel-message">{hand.kind === 'raised' ? t('workshop.handRaised') : t('workshop.handAnswered', { name: hand.name })}</p>
          <PressButton className="kiosk-button" {...spokenUi('workshop.lowerHand')} onPress={onLower}>
            {t('workshop.lowerHand')}
          </PressButton>
        </>
      )}
    </section>
  );
}

/**
 * The end of the workshop: thanks, "Imprimir mi certificado" (the certificate itself is paper
 * only: on screen it would not fit beside the rest on a short screen) and "Terminar".
 */
export function WorkshopEndedScreen({ certificate, onFinish, navSlot }: { certificate?: ReactNode; onFinish: () => void; navSlot: HTMLElement | null }) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen workshop-screen" data-workshop-screen="ended">
      <h1>{t('workshop.endedHeading')}</h1>
      <p>{t('workshop.endedText')}</p>
      {certificate ? (
        <div className="button-column no-print">
          <PressButton className="kiosk-button" {...spokenUi('workshop.printCertificate')} onPress={() => window.print()}>
            {t('workshop.printCertificate')}
          </PressButton>
        </div>
      ) : null}
      {certificate}
      <DockNav slot={navSlot}>
        <span />
        <PressButton className="kiosk-button kiosk-button-primary nav-forward" {...spokenUi('workshop.finish')} onPress={onFinish}>
          {t('workshop.finish')}
        </PressButton>
      </DockNav>
    </main>
  );
}
