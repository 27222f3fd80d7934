/**
 * What the shell does when the kiosk page dies or hangs, as a pure state machine: the first
 * failures reload the page (cheap, keeps the app running); too many in a short time mean
 * reloading does not help, so the whole app relaunches. A page that exits cleanly (the window is
 * closing) is not a failure.
 */

/** The limits: `maxReloads` failures within `windowMs` are reloaded; one more relaunches. */
export interface RecoveryLimits {
  maxReloads: number;
  windowMs: number;
  /** How long a page may stay unresponsive before it counts as hung. */
  hangGraceMs: number;
}

/** Three reloads in ten minutes, then a relaunch; a page frozen for 15 s is hung. */
export const defaultRecoveryLimits: RecoveryLimits = { maxReloads: 3, windowMs: 10 * 60_000, hangGraceMs: 15_000 };

/** When the recent failures happened, and since when the page has been unresponsive. */
export interface RecoveryState {
  failures: readonly number[];
  unresponsiveSince: number | undefined;
}

/** What happened to the page. `gone` carries Electron's `render-process-gone` reason. */
export type RecoveryEvent =
  | { type: 'gone'; reason: string; at: number }
  | { type: 'unresponsive'; at: number }
  | { type: 'responsive'; at: number }
  | { type: 'tick'; at: number };

/**
 * What the shell must do now. A hung page is first crashed (`crash-renderer`); its death then
 * arrives as a `gone` event like any other and is counted once, there.
 */
export type RecoveryAction = 'nothing' | 'reload' | 'relaunch' | 'crash-renderer';

/** A state with no failures. */
export const initialRecovery: RecoveryState = { failures: [], unresponsiveSince: undefined };

function fail(state: RecoveryState, at: number, limits: RecoveryLimits): { state: RecoveryState; action: RecoveryAction } {
  const failures = [...state.failures.filter((time) => at - time < limits.windowMs), at];
  const action: RecoveryAction = failures.length > limits.maxReloads ? 'relaunch' : 'reload';
  // After a relaunch the count starts again (the new process starts from the initial state anyway).
  return { state: { failures: action === 'relaunch' ? [] : failures, unresponsiveSince: undefined }, action };
}

/** The next state and the action for one event. */
export function nextRecovery(
  state: RecoveryState,
  event: RecoveryEvent,
  limits: RecoveryLimits = defaultRecoveryLimits,
): { state: RecoveryState; action: RecoveryAction } {
  switch (event.type) {
    case 'gone':
      // clean-exit: the renderer ended normally, e.g. because the window is closing.
      if (event.reason === 'clean-exit') return { state, action: 'nothing' };
      return fail(state, event.at, limits);
    case 'unresponsive':
      return { state: { ...state, unresponsiveSince: state.unresponsiveSince ?? event.at }, action: 'nothing' };
    case 'responsive':
      return { state: { ...state, unresponsiveSince: undefined }, action: 'nothing' };
    case 'tick':
      if (state.unresponsiveSince !== undefined && event.at - state.unresponsiveSince >= limits.hangGraceMs)
        return { state: { ...state, unresponsiveSince: undefined }, action: 'crash-renderer' };
      return { state, action: 'nothing' };
  }
}
