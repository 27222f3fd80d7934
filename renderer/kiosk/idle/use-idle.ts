/**
 * The idle rule of core/kiosk/idle.ts on a one-second clock: any touch or key is activity;
 * "Necesito más tiempo" extends; when the warning goes unanswered `onWipe` ends the session.
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
    const activity = (): void => {
      state.current = noteActivity(state.current, Date.now());
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
