import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseMessageMaxLength, type TrainerWorkshopView } from '../../../core/protocol/workshop.js';
import { PressButton } from '../press/press-button.js';

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
      {/* One button, relabelled: the focus stays on it from "Pausar a todos" to "Seguir" and back. */}
      <div className="stack">
        {paused ? (
          <p className="workshop-state-line workshop-paused" role="status">
            {t('workshop.pausedNow', { message: workshop.pauseMessage ?? '' })}
          </p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-message`}>{t('workshop.pauseMessage')}</label>
            {/* Two lines, so the whole message shows on a phone before it goes to every screen. */}
            <textarea id={`${id}-message`} rows={2} maxLength={pauseMessageMaxLength} value={shown} onChange={(event) => setMessage(event.target.value)} />
          </div>
        )}
        <PressButton
          className="button button-primary"
          aria-disabled={busy}
          onPress={() => {
            if (busy) return;
            if (paused) onResume();
            else if (shown.trim() !== '') onPause(shown.trim());
          }}
        >
          {paused ? t('workshop.resume') : t('workshop.pause')}
        </PressButton>
      </div>
    </section>
  );
}
