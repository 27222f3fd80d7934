import { useTranslation } from 'react-i18next';
import { defaultIdleSettings } from '../../../core/kiosk/idle.js';

/** Props of {@link AttractScreen}. */
export interface AttractScreenProps {
  /** The last session was wiped because nobody answered the idle warning. */
  wiped: boolean;
  onStart: () => void;
}

/** The screen between seniors: one big "Toque la pantalla para empezar", and how long the kiosk waits before clearing. */
export function AttractScreen({ wiped, onStart }: AttractScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen attract">
      <h1>{t('app.title')}</h1>
      {wiped ? <p className="attract-wiped" role="status">{t('attract.wiped')}</p> : null}
      <button type="button" className="attract-start" onClick={onStart}>
        {t('attract.start')}
      </button>
      <p className="attract-rule">
        {t('attract.idleRule', { idleMinutes: defaultIdleSettings.idleMs / 60_000, warningMinutes: defaultIdleSettings.warningMs / 60_000 })}
      </p>
    </main>
  );
}
