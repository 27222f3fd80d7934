import { useTranslation } from 'react-i18next';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenUi } from '../tactile/spoken-attributes.js';

/** Props of {@link IdleWarning}. */
export interface IdleWarningProps {
  secondsLeft: number;
  onMoreTime: () => void;
}

/**
 * "¿Sigue ahí?" with the countdown and "Necesito más tiempo", over the whole screen but the help
 * button: modal, the screen beneath is inert (kiosk-app.tsx), and any touch on it, anywhere,
 * means "still here" (idle/use-idle.ts). The button says so in words for whoever looks for one.
 */
export function IdleWarning({ secondsLeft, onMoreTime }: IdleWarningProps) {
  const { t } = useTranslation();
  return (
    <div className="idle-warning-backdrop">
      <div className="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby="idle-heading" aria-describedby="idle-countdown">
        <h2 id="idle-heading">{t('idle.heading')}</h2>
        <p id="idle-countdown">{t('idle.countdown', { count: secondsLeft })}</p>
        {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the senior must find the one answer at once */}
        <PressButton className="kiosk-button kiosk-button-primary" {...spokenUi('idle.more')} onPress={onMoreTime} autoFocus>
          {t('idle.more')}
        </PressButton>
      </div>
    </div>
  );
}
