/**
 * The sound and buzz of a new call: two short beeps made with Web Audio (no file to load) and a
 * vibration where the phone has one. Browsers only let a page make sound after a tap, so the
 * audio is unlocked by the first tap on the console (signing in, the availability switch).
 */

/** Plays the new-call alert. */
export interface CallAlert {
  /** Call from a tap handler: creates or resumes the audio so later alerts can sound. */
  unlock(): void;
  /** Beeps and vibrates. */
  ring(): void;
}

/** The browser parts the alert uses, passed in so it can run where they are missing. */
export interface CallAlertDevices {
  createAudioContext?: () => AudioContext;
  vibrate?: (pattern: number[]) => void;
}

const beepHz = 880;
const beepSeconds = 0.18;
const beepGapSeconds = 0.12;
const vibrationPattern = [200, 100, 200];

/** Creates the alert for this device. */
export function createCallAlert(devices: CallAlertDevices): CallAlert {
  let context: AudioContext | undefined;
  const audio = (): AudioContext | undefined => {
    if (!context && devices.createAudioContext) {
      try {
        context = devices.createAudioContext();
      } catch {
        devices.createAudioContext = undefined;
      }
    }
    return context;
  };
  return {
    unlock: () => {
      const current = audio();
      if (current?.state === 'suspended') void current.resume().catch(() => undefined);
    },
    ring: () => {
      devices.vibrate?.(vibrationPattern);
      const current = audio();
      if (!current) return;
      if (current.state === 'suspended') void current.resume().catch(() => undefined);
      const start = current.currentTime + 0.02;
      for (const offset of [0, beepSeconds + beepGapSeconds]) beep(current, start + offset);
    },
  };
}

function beep(context: AudioContext, at: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = beepHz;
  // A short fade in and out: a hard start or stop clicks in the speaker.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.4, at + 0.02);
  gain.gain.setValueAtTime(0.4, at + beepSeconds - 0.03);
  gain.gain.linearRampToValueAtTime(0, at + beepSeconds);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + beepSeconds);
}

/** The alert with the page's own audio and vibration, where the browser has them. */
export function browserCallAlert(): CallAlert {
  return createCallAlert({
    ...(typeof AudioContext === 'function' ? { createAudioContext: () => new AudioContext() } : {}),
    ...(typeof navigator.vibrate === 'function' ? { vibrate: (pattern: number[]) => navigator.vibrate(pattern) } : {}),
  });
}
