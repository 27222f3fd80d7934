import { useTranslation } from 'react-i18next';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';

/** Props of {@link HelpPanel}. */
export interface HelpPanelProps {
  status: HelpCallStatus;
  onCancel: () => void;
}

/** What the help call is doing, in words, with "Cancelar llamada"; nothing when there is no call. */
export function HelpPanel({ status, onCancel }: HelpPanelProps) {
  const { t } = useTranslation();
  const message = ((): string | undefined => {
    switch (status.kind) {
      case 'calling':
        return t('help.calling');
      case 'queued':
        return status.estimatedWaitSeconds > 0
          ? t('help.queued', { position: status.position, minutes: Math.max(1, Math.round(status.estimatedWaitSeconds / 60)) })
          : t('help.queuedSoon', { position: status.position });
      case 'coming':
        return t('help.coming', { name: status.volunteerName });
      case 'arrived':
        return t('help.arrived', { name: status.volunteerName });
      case 'nobody-came':
        return t('help.nobodyCame', { inPersonHelp: status.inPersonHelp });
      case 'unreachable':
        return `${t('help.unreachable', { inPersonHelp: status.inPersonHelp })} ${t('help.stillTrying')}`;
      default:
        return undefined;
    }
  })();
  return (
    <section className="help-panel" aria-live="polite" hidden={message === undefined}>
      {message === undefined ? null : (
        <>
          <p className="help-panel-message">{message}</p>
          {status.kind === 'arrived' ? null : (
            <button type="button" className="kiosk-button" onClick={onCancel}>
              {t('help.cancel')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
