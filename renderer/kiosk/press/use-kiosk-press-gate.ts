/**
 * The kiosk's rule for which presses count (core/kiosk/press-gate.ts), on the page's clock:
 * every new screen, sheet or part starts a settle time, during which `<html>` carries
 * `data-settling`; the tremor option is applied to every button. Given to every PressButton
 * through PressGateProvider (renderer/ui/press/press-button.tsx).
 */
import { createContext, useContext, useLayoutEffect, useMemo, useRef } from 'react';
import { judgePress, screenShown, type PressGateState } from '../../../core/kiosk/press-gate.js';
import { settlingAttribute } from '../../../core/kiosk/settle.js';
import type { PressGate } from '../../ui/press/press-button.js';

/** The kiosk's gate, and a way for a sheet or a part that appears to start the settle time. */
export interface KioskPressGate {
  gate: PressGate;
  /** Something new is under the senior's finger: presses wait the settle time again. */
  settle(): void;
}

const SettleContext = createContext<() => void>(() => undefined);

/** What a screen calls when it shows something new in place (a part, a page, a sheet). */
export const SettleProvider = SettleContext.Provider;

/** Starts the settle time again; for a part, a page or a sheet that appears without a new screen. */
export function useSettle(): () => void {
  return useContext(SettleContext);
}

/**
 * The gate for the screen named `screenKey` (a new key starts its settle time), with the
 * session's tremor option. `settleMs` 0 turns the settle time off.
 */
export function useKioskPressGate(screenKey: string, settleMs: number, ignoreRepeats: boolean): KioskPressGate {
  const state = useRef<PressGateState<Element>>({ shownAt: Number.NEGATIVE_INFINITY });
  const timer = useRef<number | undefined>(undefined);
  const settings = useRef({ settleMs, ignoreRepeats });
  useLayoutEffect(() => {
    settings.current = { settleMs, ignoreRepeats };
  }, [settleMs, ignoreRepeats]);

  const api = useMemo<KioskPressGate>(() => {
    const root = document.documentElement;
    const settle = (): void => {
      state.current = screenShown(state.current, performance.now());
      window.clearTimeout(timer.current);
      const { settleMs: ms } = settings.current;
      if (ms <= 0) return;
      root.setAttribute(settlingAttribute, '');
      timer.current = window.setTimeout(() => root.removeAttribute(settlingAttribute), ms);
    };
    const gate: PressGate = {
      allows: (target, pointer) => {
        const verdict = judgePress(state.current, { target, at: performance.now(), pointer }, settings.current);
        state.current = verdict.state;
        return verdict.counts;
      },
    };
    return { gate, settle };
  }, []);

  // Before the paint: the new screen is never drawn without its settle time running.
  useLayoutEffect(() => {
    api.settle();
  }, [api, screenKey]);
  useLayoutEffect(
    () => () => {
      window.clearTimeout(timer.current);
      document.documentElement.removeAttribute(settlingAttribute);
    },
    [],
  );
  return api;
}
