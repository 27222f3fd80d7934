/**
 * The idle rule of core/kiosk/idle.ts on a one-second clock: any touch or key anywhere is the
 * senior's presence, and during the warning it answers the warning at once (issue 13); "Necesito
 * más tiempo" says the same in words. When the warning goes unanswered `onWipe` ends the session.
 * Off while nobody is using the kiosk (the attract screen) and held while a help call is open.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { advanceIdle, defaultIdleSettings, extendTime, noteActivity, secondsToAnswer, startIdle, type IdleState } from '../../../core/kiosk/idle.js';

/** What the idle warning needs. */
export interface Idle {
  /** Seconds left to answer the warning, or undefined when there is no warning. */
  secondsLeft: number | undefined;
  extend(): void;
}

/** Runs the idle clock while `running`. */
export function useIdle(running: boolean, helpCallOpen: boolean, onWipe: () => void): Idle {
  const state = useRef<IdleState>(startIdle(0));
  const [secondsLeft, setSecondsLeft] = useState<number | undefined>(undefined);
  const wipe = useRef(onWipe);
  const helpOpen = useRef(helpCallOpen);
  useEffect(() => {
    wipe.current = onWipe;
    helpOpen.current = helpCallOpen;
  });

  useEffect(() => {
    if (!running) return;
    state.current = startIdle(Date.now());
    // Capture phase, on the window: seen before any control acts, and whatever is under the finger.
    const activity = (): void => {
      const warned = state.current.phase === 'warning';
      state.current = noteActivity(state.current, Date.now());
      // The warning goes as the finger lands. What lifts it then finds no press begun beneath
      // (a press starts on its own pointerdown), so the tap that answers acts on nothing else.
      if (warned && state.current.phase === 'active') setSecondsLeft(undefined);
    };
    window.addEventListener('pointerdown', activity, true);
    window.addEventListener('keydown', activity, true);
    const timer = window.setInterval(() => {
      const now = Date.now();
      state.current = advanceIdle(state.current, now, defaultIdleSettings, helpOpen.current);
      if (state.current.phase === 'wiped') {
        setSecondsLeft(undefined);
        wipe.current();
        return;
      }
      setSecondsLeft(secondsToAnswer(state.current, now));
    }, 1000);
    return () => {
      window.removeEventListener('pointerdown', activity, true);
      window.removeEventListener('keydown', activity, true);
      window.clearInterval(timer);
      setSecondsLeft(undefined);
    };
  }, [running]);

  const extend = useCallback((): void => {
    state.current = extendTime(state.current, Date.now());
    setSecondsLeft(undefined);
  }, []);

  return { secondsLeft, extend };
}
