/**
 * "Apagar la pantalla" in the spoken mode (issue 17): the screen shows only a neutral "Pantalla
 * apagada por privacidad" while the senior goes on working by ear, so nobody nearby reads their
 * answers. The page beneath stays as it is (keys still reach its controls); a tap on the
 * blanked screen (a volunteer who has come to help) turns it back on.
 */
import { useTranslation } from 'react-i18next';
import { spokenUi } from './spoken-attributes.js';
import './spoken-mode.css';

/** The cover over a blanked screen. */
export function BlankScreen({ onTurnOn }: { onTurnOn: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="spoken-blank" role="status" data-spoken-blank onPointerDown={onTurnOn}>
      <p>{t('tactile.blanked')}</p>
    </div>
  );
}

/**
 * The spoken mode's own screen switch, the last control in reading order: the `/` key does the
 * same, but a two-switch user reaches everything by scanning, this too. Shown only to the keys
 * (it is drawn off-screen), because a sighted person at the kiosk has the tap on the cover.
 */
export function ScreenSwitch({ off, onToggle }: { off: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const key = off ? 'tactile.screenOn' : 'tactile.screenOff';
  return (
    <button type="button" className="spoken-only" {...spokenUi(key)} onClick={onToggle}>
      {t(key)}
    </button>
  );
}
