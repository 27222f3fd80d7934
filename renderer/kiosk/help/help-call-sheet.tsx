/**
 * The help call in full, over the step, on a short screen where the help button shows the
 * call's status in a few words (kiosk-app.tsx): the whole sentence, "Cancelar llamada" and
 * "Seguir esperando". Cancelling takes two taps there, so a shaky tap on the help button never
 * cancels a call by itself. Not modal and above the help dock, like the glossary's dialog.
 */
import { useTranslation } from 'react-i18next';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';
import { helpCallMessage } from './help-call-words.js';
import { useDialogClose } from '../dialog/use-dialog-close.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenUi } from '../tactile/spoken-attributes.js';

/** Props of {@link HelpCallSheet}. */
export interface HelpCallSheetProps {
  status: HelpCallStatus;
  onCancel: () => void;
  onClose: () => void;
}

/** The call's status in full, with its two choices; nothing when there is no call. */
export function HelpCallSheet({ status, onCancel, onClose }: HelpCallSheetProps) {
  const { t } = useTranslation();
  const keepWaiting = useDialogClose(onClose);
  const message = helpCallMessage(status, t);
  if (message === undefined) return null;
  return (
    <div className="kiosk-dialog help-call-sheet" role="dialog" aria-modal="false" aria-labelledby="help-call-sheet-message">
      <div className="kiosk-dialog-box">
        <p id="help-call-sheet-message" className="help-call-sheet-message" aria-live="polite">
          {message}
        </p>
        <div className="button-row">
          <PressButton
            ref={keepWaiting}
            className="kiosk-button kiosk-button-primary"
            {...spokenUi(status.kind === 'arrived' ? 'glossary.close' : 'help.keepWaiting')}
            onPress={onClose}
          >
            {/* With the volunteer there, there is nothing to wait for: the sheet just closes. */}
            {status.kind === 'arrived' ? t('glossary.close') : t('help.keepWaiting')}
          </PressButton>
          {status.kind === 'arrived' ? null : (
            <PressButton className="kiosk-button" {...spokenUi('help.cancel')} onPress={onCancel}>
              {t('help.cancel')}
            </PressButton>
          )}
        </div>
      </div>
    </div>
  );
}
