import { useTranslation } from 'react-i18next';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';
import { helpCallMessage } from './help-call-words.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenUi } from '../tactile/spoken-attributes.js';

/** Props of {@link HelpPanel}. */
export interface HelpPanelProps {
  status: HelpCallStatus;
  onCancel: () => void;
}

/** What the help call is doing, in words, with "Cancelar llamada"; nothing when there is no call. */
export function HelpPanel({ status, onCancel }: HelpPanelProps) {
  const { t } = useTranslation();
  const message = helpCallMessage(status, t);
  return (
    <section className="help-panel" aria-live="polite" hidden={message === undefined} data-help-call-status={message === undefined ? undefined : status.kind}>
      {message === undefined ? null : (
        <>
          <p className="help-panel-message">{message}</p>
          {status.kind === 'arrived' ? null : (
            <PressButton className="kiosk-button" {...spokenUi('help.cancel')} onPress={onCancel}>
              {t('help.cancel')}
            </PressButton>
          )}
        </>
      )}
    </section>
  );
}
