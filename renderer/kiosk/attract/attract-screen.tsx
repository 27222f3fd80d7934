import { useTranslation } from 'react-i18next';
import { defaultIdleSettings } from '../../../core/kiosk/idle.js';
import { PressButton } from '../../ui/press/press-button.js';

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
      {wiped ? (
        <p className="attract-wiped" role="status">
          {t('attract.wiped')}
        </p>
      ) : null}
      <PressButton className="attract-start" onPress={onStart}>
        {t('attract.start')}
      </PressButton>
      <p className="attract-rule">
        {t('attract.idleRule', { count: defaultIdleSettings.idleMs / 60_000 })} {t('attract.wipeRule', { count: defaultIdleSettings.warningMs / 60_000 })}
      </p>
    </main>
  );
}
