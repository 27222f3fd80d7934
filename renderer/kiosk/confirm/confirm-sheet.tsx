/**
 * The question before an irreversible action (issue 13): "¿Borrar lo que ha escrito?" before
 * "Terminar" or "Empezar de nuevo" loses answers, "¿Lo envía ya?" before a step that sends.
 *
 * - "No" is the large default, focused and first; "Sí" is the smaller second button.
 * - The sheet sits in the half of the screen away from the tap that opened it, so a second tap
 *   (a double tap, a tremor) cannot land on "Sí": `placeAwayFrom` in core/kiosk/confirm-place.ts.
 * - It is a new thing under the finger: the settle time starts again as it opens.
 * - It is said as it opens, in the session's language.
 */
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Utterance } from '../../../core/audio/channel.js';
import { ui } from '../../../core/audio/screen-speech.js';
import { placeAwayFrom, type ScreenPoint } from '../../../core/kiosk/confirm-place.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenUi } from '../tactile/spoken-attributes.js';
import { useSpeech } from '../audio/speech-context.js';
import { useDialogClose } from '../dialog/use-dialog-close.js';
import { useSettle } from '../press/use-kiosk-press-gate.js';

/** What is being confirmed. */
export type ConfirmKind = 'erase' | 'send';

const words = {
  erase: { heading: 'confirm.eraseHeading', text: 'confirm.eraseText', no: 'confirm.keep', yes: 'confirm.erase' },
  send: { heading: 'confirm.sendHeading', text: 'confirm.sendText', no: 'confirm.notYet', yes: 'confirm.send' },
} as const;

/** What the sheet says as it opens: the question, why, and the two answers. */
export function confirmUtterances(kind: ConfirmKind): Utterance[] {
  const { heading, text, no, yes } = words[kind];
  return [ui(heading), ui(text), ui(no), ui(yes)];
}

/** Props of {@link ConfirmSheet}. */
export interface ConfirmSheetProps {
  kind: ConfirmKind;
  /** Where the tap that opened it landed (viewport px); undefined for a key or a switch. */
  from: ScreenPoint | undefined;
  onYes: () => void;
  onNo: () => void;
}

/** The question, over the screen (not the help button), "No" first and large. */
export function ConfirmSheet({ kind, from, onYes, onNo }: ConfirmSheetProps) {
  const { t } = useTranslation();
  const speech = useSpeech();
  const settle = useSettle();
  const noButton = useDialogClose(onNo);
  useLayoutEffect(() => {
    settle();
    speech.say(confirmUtterances(kind));
  }, [kind, settle, speech]);
  const { heading, text, no, yes } = words[kind];
  return (
    <div className="kiosk-dialog confirm-sheet" data-place={placeAwayFrom(from, window.innerHeight)} data-confirm={kind}>
      <div className="kiosk-dialog-box" role="alertdialog" aria-modal="true" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
        <h2 id="confirm-heading">{t(heading)}</h2>
        <p id="confirm-text">{t(text)}</p>
        <div className="button-row confirm-answers">
          <PressButton
            ref={noButton}
            className="kiosk-button kiosk-button-primary kiosk-button-large confirm-no"
            {...spokenUi(no, { role: 'choice', position: { index: 1, count: 2 } })}
            onPress={onNo}
          >
            {t(no)}
          </PressButton>
          <PressButton className="kiosk-button confirm-yes" {...spokenUi(yes, { role: 'choice', position: { index: 2, count: 2 } })} onPress={onYes}>
            {t(yes)}
          </PressButton>
        </div>
      </div>
    </div>
  );
}
