import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeLevel } from '../../../core/audio/channel.js';
import { ui } from '../../../core/audio/screen-speech.js';
import type { BarControlSpec } from '../app/session-bar.js';
import { useSpeech, useSpeechStatus } from './speech-context.js';
import './speech.css';

/** Props of {@link useSpeechControls}. */
export interface SpeechControlsProps {
  /** The session's speed of speech: the control says it ("Voz: lenta"). */
  speed: 'slow' | 'normal';
  volume: VolumeLevel;
  /** Keeps the choice in the session, so it goes when the session ends. */
  onChange: (change: { speechRate?: 'slow' | 'normal'; volume?: VolumeLevel }) => void;
}

/** The speech's controls for the bar at the top, and the signs that say the kiosk is not speaking. */
export interface SpeechControls {
  /** "Repetir", the voice's speed and the volume, in that order. */
  controls: BarControlSpec[];
  /** "Sin sonido" when the kiosk cannot speak, "Esto no se lee en voz alta" on a private step. */
  signs: ReactNode;
}

/**
 * "Repetir", the voice's speed and the volume, on every screen in the bar at the top, far from the
 * help button at the bottom; and a visible "Sin sonido" when the kiosk cannot speak, so a senior
 * waiting for a voice knows to read.
 *
 * The speed is one control that says the speed it is at, "Voz: lenta" or "Voz: normal", and
 * goes to the other at a tap, saying a sample at the new speed. (It was a toggle, "Más despacio",
 * shown pressed while slow: seniors tapped it to slow down and got the normal speed, issue 13.)
 * A change of volume is heard at once: the last prompt is said again.
 */
export function useSpeechControls({ speed, volume, onChange }: SpeechControlsProps): SpeechControls {
  const { t } = useTranslation();
  const speech = useSpeech();
  const { status, availability } = useSpeechStatus();
  // A change is kept in the session and heard at once.
  const changeSpeed = (next: 'slow' | 'normal'): void => {
    speech.configure({ speed: next });
    onChange({ speechRate: next });
    // A sample at the new speed; "Repetir" still says the screen (at the new speed).
    speech.sayAside([ui(next === 'slow' ? 'speech.sampleSlow' : 'speech.sampleNormal')]);
  };
  const changeVolume = (next: VolumeLevel): void => {
    speech.configure({ volume: next });
    onChange({ volume: next });
    speech.repeat();
  };
  const controls: BarControlSpec[] = [
    { id: 'repeat', label: t('speech.repeat'), labelKey: 'speech.repeat', onPress: () => speech.repeat() },
    {
      id: 'speed',
      label: speed === 'slow' ? t('speech.speedSlow') : t('speech.speedNormal'),
      labelKey: speed === 'slow' ? 'speech.speedSlow' : 'speech.speedNormal',
      staysInSheet: true,
      onPress: () => changeSpeed(speed === 'slow' ? 'normal' : 'slow'),
    },
    {
      id: 'volume',
      label: volume === 'high' ? t('speech.volumeHigh') : t('speech.volumeLow'),
      labelKey: volume === 'high' ? 'speech.volumeHigh' : 'speech.volumeLow',
      staysInSheet: true,
      onPress: () => changeVolume(volume === 'high' ? 'low' : 'high'),
    },
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
