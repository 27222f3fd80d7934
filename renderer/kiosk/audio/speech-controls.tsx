import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeLevel } from '../../../core/audio/channel.js';
import type { BarControlSpec } from '../app/session-bar.js';
import { useSpeech, useSpeechStatus } from './speech-context.js';
import './speech.css';

/** Props of {@link useSpeechControls}. */
export interface SpeechControlsProps {
  /** The session's comfort speed: "Más despacio" is pressed while it is slow. */
  speed: 'slow' | 'normal';
  volume: VolumeLevel;
  /** Keeps the choice in the session, so it goes when the session ends. */
  onChange: (change: { speechRate?: 'slow' | 'normal'; volume?: VolumeLevel }) => void;
}

/** The speech's controls for the bar at the top, and the signs that say the kiosk is not speaking. */
export interface SpeechControls {
  /** "Repetir", "Más despacio" and the volume, in that order. */
  controls: BarControlSpec[];
  /** "Sin sonido" when the kiosk cannot speak, "Esto no se lee en voz alta" on a private step. */
  signs: ReactNode;
}

/**
 * "Repetir", "Más despacio" and the volume, on every screen in the bar at the top, far from the
 * help button at the bottom; and a visible "Sin sonido" when the kiosk cannot speak, so a senior
 * waiting for a voice knows to read. A change is heard at once: the last prompt is said again.
 */
export function useSpeechControls({ speed, volume, onChange }: SpeechControlsProps): SpeechControls {
  const { t } = useTranslation();
  const speech = useSpeech();
  const { status, availability } = useSpeechStatus();
  // A change is kept in the session and heard at once: the last prompt is said again.
  const change = (setting: { speed: 'slow' | 'normal' } | { volume: VolumeLevel }): void => {
    speech.configure(setting);
    onChange('speed' in setting ? { speechRate: setting.speed } : setting);
    speech.repeat();
  };
  const controls: BarControlSpec[] = [
    { id: 'repeat', label: t('speech.repeat'), onPress: () => speech.repeat() },
    { id: 'slower', label: t('speech.slower'), pressed: speed === 'slow', staysInSheet: true, onPress: () => change({ speed: speed === 'slow' ? 'normal' : 'slow' }) },
    { id: 'volume', label: volume === 'high' ? t('speech.volumeHigh') : t('speech.volumeLow'), staysInSheet: true, onPress: () => change({ volume: volume === 'high' ? 'low' : 'high' }) },
  ];
  const signs = (
    <>
      {availability === 'unavailable' ? (
        <p className="speech-sign" role="status" data-bar-fixed>
          {t('speech.unavailable')}
        </p>
      ) : null}
      {status.heldBack ? (
        <p className="speech-sign" role="status" data-bar-fixed>
          {t('speech.private')}
        </p>
      ) : null}
    </>
  );
  return { controls, signs };
}
