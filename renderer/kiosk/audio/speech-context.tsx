/**
 * Speech for the kiosk's screens: `useSpeech()` gives the one channel (say, stop, repeat,
 * preload, configure, reset) and `useSpeechStatus()` what the speech controls show. Any tap or
 * key press anywhere stops what is playing before the tap does anything else (ACCESSIBILITY.md:
 * within 250 ms; here it is synchronous).
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { defaultSpeechSettings, type SpeechChannel, type SpeechStatus } from '../../../core/audio/channel.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { createKioskSpeech, type SpeechAvailability } from './kiosk-speech.js';
import { announcePlayerEvent } from './player-announce.js';

/** What the screens get from {@link useSpeech}. */
export interface Speech extends SpeechChannel {
  /** From the kiosk's configuration: whether the comfort screen offers headphones. */
  hasHeadphones: boolean;
  /** The procedures on screen now, whose texts decide which audio is current (see kiosk-speech.ts). */
  showProcedures(procedures: readonly Procedure[]): void;
  /** A new session starts: the manifest is read again, so a build finished meanwhile is used. */
  refreshAudio(): void;
}

// Outside a provider (a screen rendered on its own) speech is silent, never an error.
const silentStatus: SpeechStatus = { settings: defaultSpeechSettings, playing: undefined, heldBack: false, failed: false };
const silent: Speech = {
  say: () => undefined,
  stop: () => undefined,
  repeat: () => undefined,
  sayAside: () => undefined,
  preload: () => undefined,
  configure: () => undefined,
  reset: () => undefined,
  status: () => silentStatus,
  subscribe: () => () => undefined,
  hasHeadphones: false,
  showProcedures: () => undefined,
  refreshAudio: () => undefined,
};

const SpeechContext = createContext<Speech>(silent);
const AvailabilityContext = createContext<SpeechAvailability>('unavailable');

/** Props of {@link SpeechProvider}. */
export interface SpeechProviderProps {
  token: string;
  hasHeadphones: boolean;
  children: ReactNode;
}

/** Creates the kiosk's speech once and loads its manifest. */
export function SpeechProvider({ token, hasHeadphones, children }: SpeechProviderProps) {
  const [availability, setAvailability] = useState<SpeechAvailability>('loading');
  const [speech] = useState(() => {
    // The speech reports availability itself: once loaded, and again if the hub turns out to have no speech.
    // The player's events go out on `window` for the browser tests to hear (player-announce.ts).
    const created = createKioskSpeech({ token, hasHeadphones, onAvailability: setAvailability, onPlayerEvent: announcePlayerEvent });
    const refreshAudio = (): void => void created.refresh();
    return { created, api: { ...created.channel, hasHeadphones, showProcedures: created.showProcedures, refreshAudio } satisfies Speech };
  });

  useEffect(() => {
    void speech.created.load();
  }, [speech]);

  useEffect(() => {
    // A key the spoken mode handled (it marks it so) stopped speech itself, before starting what
    // it says next: stopping here, later in the same key's dispatch, would silence that.
    const stop = (event: Event): void => {
      if (!event.defaultPrevented) speech.api.stop();
    };
    // Capture phase: speech stops before the control's own handler starts anything new.
    document.addEventListener('pointerdown', stop, true);
    document.addEventListener('keydown', stop, true);
    return () => {
      document.removeEventListener('pointerdown', stop, true);
      document.removeEventListener('keydown', stop, true);
    };
  }, [speech]);

  return (
    <AvailabilityContext.Provider value={availability}>
      <SpeechContext.Provider value={speech.api}>{children}</SpeechContext.Provider>
    </AvailabilityContext.Provider>
  );
}

/**
 * The speech of a kiosk drawn to be looked at, not used (the staff preview): silent, but drawn
 * as a kiosk that can speak, so its bar holds the same controls and takes the same room.
 */
export function PreviewSpeechProvider({ children }: { children: ReactNode }) {
  return <AvailabilityContext.Provider value="ready">{children}</AvailabilityContext.Provider>;
}

/** The kiosk's speech channel; stable across renders. */
export function useSpeech(): Speech {
  return useContext(SpeechContext);
}

/** Whether the kiosk can speak; re-renders only when that changes. */
export function useSpeechAvailability(): SpeechAvailability {
  return useContext(AvailabilityContext);
}

/** What the channel is doing and whether the kiosk can speak at all; re-renders on change. */
export function useSpeechStatus(): { status: SpeechStatus; availability: SpeechAvailability } {
  const speech = useContext(SpeechContext);
  const status = useSyncExternalStore(speech.subscribe, speech.status);
  return { status, availability: useContext(AvailabilityContext) };
}
