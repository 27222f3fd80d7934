import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PressButton } from '../../ui/press/press-button.js';

/** Props of {@link AvailabilitySwitch}. */
export interface AvailabilitySwitchProps {
  available: boolean;
  busy: boolean;
  onChange(available: boolean): void;
}

/**
 * "Disponible": one wide switch drawn as a big tick box (clearer to older eyes than a sliding
 * knob, whose "on" side is a guess), with a sentence under it saying what the state means
 * ("No disponible: no le llegarán avisos."), so the state never rests on colour alone.
 */
export function AvailabilitySwitch({ available, busy, onChange }: AvailabilitySwitchProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="availability">
      <PressButton
        role="switch"
        aria-checked={available}
        aria-describedby={`${id}-meaning`}
        aria-disabled={busy}
        className={`button availability-switch${available ? ' is-on' : ''}`}
        onPress={() => !busy && onChange(!available)}
      >
        <span className="check-mark" aria-hidden="true">
          {available ? '✓' : ''}
        </span>
        {t('console.available')}
      </PressButton>
      <p id={`${id}-meaning`} className="availability-meaning">
        {available ? t('console.availableOn') : t('console.availableOff')}
      </p>
    </div>
  );
}
