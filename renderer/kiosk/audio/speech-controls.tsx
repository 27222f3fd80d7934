import { useTranslation } from 'react-i18next';
import type { VolumeLevel } from '../../../core/audio/channel.js';
import { useSpeech, useSpeechStatus } from './speech-context.js';
import './speech.css';

/** Props of {@link SpeechControls}. */
export interface SpeechControlsProps {
  /** The session's comfort speed: "Más despacio" is pressed while it is slow. */
  speed: 'slow' | 'normal';
  volume: VolumeLevel;
  /** Keeps the choice in the session, so it goes when the session ends. */
  onChange: (change: { speechRate?: 'slow' | 'normal'; volume?: VolumeLevel }) => void;
}

/**
 * "Repetir", "Más despacio" and the volume, on every screen in the bar at the top, far from the
 * help button at the bottom; and a visible "Sin sonido" when the kiosk cannot speak, so a senior
 * waiting for a voice knows to read. A change is heard at once: the last prompt is said again.
 */
export function SpeechControls({ speed, volume, onChange }: SpeechControlsProps) {
  const { t } = useTranslation();
  const speech = useSpeech();
  const { status, availability } = useSpeechStatus();
  return (
    <div className="speech-controls" role="group" aria-label={t('speech.controls')}>
      {availability === 'unavailable' ? (
        <p className="speech-sign" role="status">
          {t('speech.unavailable')}
        </p>
      ) : null}
      <button type="button" className="kiosk-button" onClick={() => speech.repeat()}>
        {t('speech.repeat')}
      </button>
      <button
        type="button"
        className="kiosk-button"
        aria-pressed={speed === 'slow'}
        onClick={() => {
          const next = speed === 'slow' ? 'normal' : 'slow';
          speech.configure({ speed: next });
          onChange({ speechRate: next });
          speech.repeat();
        }}
      >
        {t('speech.slower')}
      </button>
      <button
        type="button"
        className="kiosk-button"
        onClick={() => {
          const next = volume === 'high' ? 'low' : 'high';
          speech.configure({ volume: next });
          onChange({ volume: next });
          speech.repeat();
        }}
      >
        {volume === 'high' ? t('speech.volumeHigh') : t('speech.volumeLow')}
      </button>
      {status.heldBack ? (
        <p className="speech-sign" role="status">
          {t('speech.private')}
        </p>
      ) : null}
    </div>
  );
}
