import { useTranslation } from 'react-i18next';
import { defaultIdleSettings } from '../../../core/kiosk/idle.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenUi } from '../tactile/spoken-attributes.js';

/** Props of {@link AttractScreen}. */
export interface AttractScreenProps {
  /** The last session was wiped because nobody answered the idle warning. */
  wiped: boolean;
  onStart: () => void;
  /** The kiosk has a keypad and headphones: the screen says how to start the spoken mode (issue 17). */
  spokenModeOffered?: boolean;
  /** "Unirme a un taller" (issue 18): the workshop's code screen. */
  onJoinWorkshop?: () => void;
}

/** The screen between seniors: one big "Toque la pantalla para empezar", and how long the kiosk waits before clearing. */
export function AttractScreen({ wiped, onStart, spokenModeOffered = false, onJoinWorkshop }: AttractScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen attract">
      <h1>{t('app.title')}</h1>
      {wiped ? (
        <p className="attract-wiped" role="status">
          {t('attract.wiped')}
        </p>
      ) : null}
      <PressButton className="attract-start" {...spokenUi('attract.start')} onPress={onStart}>
        {t('attract.start')}
      </PressButton>
      {spokenModeOffered ? <p className="attract-spoken">{t('tactile.start')}</p> : null}
      {/* The rule and "Unirme a un taller" (issue 18) share a row: on a 768 px screen a row more did not fit. */}
      <div className="attract-foot">
        <p className="attract-rule">
          {t('attract.idleRule', { count: defaultIdleSettings.idleMs / 60_000 })} {t('attract.wipeRule', { count: defaultIdleSettings.warningMs / 60_000 })}
        </p>
        {onJoinWorkshop ? (
          <PressButton className="kiosk-button attract-workshop" {...spokenUi('workshop.join')} onPress={onJoinWorkshop}>
            {t('workshop.join')}
          </PressButton>
        ) : null}
      </div>
    </main>
  );
}
