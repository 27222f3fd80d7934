import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseMessageMaxLength, type TrainerWorkshopView } from '../../../core/protocol/workshop.js';
import { PressButton } from '../../ui/press/press-button.js';

/** Props of {@link PauseControls}. */
export interface PauseControlsProps {
  workshop: TrainerWorkshopView;
  busy: boolean;
  onPause(message: string): void;
  onResume(): void;
}

/**
 * Pausing every screen with a message ("Pausa: miren al voluntario", ready to send, changeable),
 * and resuming. While paused it says so, with the message the screens show.
 */
export function PauseControls({ workshop, busy, onPause, onResume }: PauseControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState<string | undefined>();
  const shown = message ?? t('workshop.pauseDefault');
  const paused = workshop.state === 'paused';
  return (
    <section className="workshop-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('workshop.pauseHeading')}</h3>
      {paused ? (
        <div className="stack">
          <p className="workshop-state-line workshop-paused" role="status">
            {t('workshop.pausedNow', { message: workshop.pauseMessage ?? '' })}
          </p>
          <PressButton className="button button-primary" aria-disabled={busy} onPress={() => !busy && onResume()}>
            {t('workshop.resume')}
          </PressButton>
        </div>
      ) : (
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-message`}>{t('workshop.pauseMessage')}</label>
            {/* Two lines, so the whole message shows on a phone before it goes to every screen. */}
            <textarea id={`${id}-message`} rows={2} maxLength={pauseMessageMaxLength} value={shown} onChange={(event) => setMessage(event.target.value)} />
          </div>
          <PressButton className="button button-primary" aria-disabled={busy} onPress={() => !busy && shown.trim() !== '' && onPause(shown.trim())}>
            {t('workshop.pause')}
          </PressButton>
        </div>
      )}
    </section>
  );
}
