import { useTranslation } from 'react-i18next';

/** Props of {@link IdleWarning}. */
export interface IdleWarningProps {
  secondsLeft: number;
  onMoreTime: () => void;
}

/** "¿Sigue ahí?" with the countdown and "Necesito más tiempo". The help button stays uncovered below it. */
export function IdleWarning({ secondsLeft, onMoreTime }: IdleWarningProps) {
  const { t } = useTranslation();
  return (
    <div className="idle-warning" role="alertdialog" aria-modal="false" aria-labelledby="idle-heading" aria-describedby="idle-countdown">
      <h2 id="idle-heading">{t('idle.heading')}</h2>
      <p id="idle-countdown">{t('idle.countdown', { seconds: secondsLeft })}</p>
      {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the senior must find the one answer at once */}
      <button type="button" className="kiosk-button kiosk-button-primary" onClick={onMoreTime} autoFocus>
        {t('idle.more')}
      </button>
    </div>
  );
}
