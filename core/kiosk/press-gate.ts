/**
 * Which presses count on the kiosk (issue 13), as pure functions over the times they are given:
 *
 * - **Settle time**: a screen that has just appeared ignores presses from a finger for a moment
 *   (core/kiosk/settle.ts), so a double tap or a tremor cannot act on a screen the senior has not
 *   seen: two taps 120 ms apart on "Siguiente" at the review used to cross the final
 *   confirmation. Keys and switches are not held back: they are deliberate, one press at a time.
 * - **Tremor option** ("No repetir la misma tecla"): with it on, a second press on the same
 *   target less than 500 ms after the last one that counted is ignored: every button, not only
 *   the keyboard's keys.
 */
import { defaultSettleMs } from './settle.js';

/** How close two presses on one target are taken as a shaking finger landing twice (ms). */
export const repeatWindowMs = 500;

/** What the gate is told about a press. */
export interface Press<Target> {
  /** What was pressed: any value compared by identity (an element, a key's name). */
  target: Target;
  /** When, on the same clock as the screen's `shownAt` (ms). */
  at: number;
  /** A finger, a mouse or a pen (held to the settle time); false for a key or a switch. */
  pointer: boolean;
}

/** The settings of the gate. */
export interface PressGateSettings {
  settleMs: number;
  ignoreRepeats: boolean;
}

/** The defaults: the settle time on, the tremor option off (the senior turns it on). */
export const defaultPressGateSettings: PressGateSettings = { settleMs: defaultSettleMs, ignoreRepeats: false };

/** What the gate remembers: when the screen appeared, and the last press that counted. */
export interface PressGateState<Target> {
  shownAt: number;
  last?: { target: Target; at: number };
}

/** Why a press did not count. */
export type PressRefusal = 'settling' | 'repeat';

/** The verdict on one press, and the state after it. */
export type PressVerdict<Target> = { counts: true; state: PressGateState<Target> } | { counts: false; why: PressRefusal; state: PressGateState<Target> };

/**
 * A new screen (or a sheet over it) appeared at `at`: its settle time starts, and the tremor rule
 * starts afresh. A button that stays in place from one screen to the next ("Sí, lo tengo" for the
 * next thing to have at hand) asks a new question: the settle time covers the finger landing twice.
 */
export function screenShown<Target>(_state: PressGateState<Target> | undefined, at: number): PressGateState<Target> {
  return { shownAt: at };
}

/** Whether a press counts, and what the gate remembers after it. A refused press changes nothing. */
export function judgePress<Target>(state: PressGateState<Target>, press: Press<Target>, settings: PressGateSettings): PressVerdict<Target> {
  if (press.pointer && press.at - state.shownAt < settings.settleMs) return { counts: false, why: 'settling', state };
  const last = state.last;
  if (settings.ignoreRepeats && last !== undefined && last.target === press.target && press.at - last.at < repeatWindowMs)
    return { counts: false, why: 'repeat', state };
  return { counts: true, state: { shownAt: state.shownAt, last: { target: press.target, at: press.at } } };
}

/** Whether the screen shown at `shownAt` is still settling at `now`. */
export function isSettling(shownAt: number, now: number, settleMs: number): boolean {
  return now - shownAt < settleMs;
}
