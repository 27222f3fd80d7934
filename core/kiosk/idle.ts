/**
 * The kiosk's idle rule, as a pure state machine over the time it is given. After `idleMs`
 * without a touch the senior is warned (on screen, spoken and with a tone) and has at least
 * `warningMs` to answer; "Necesito más tiempo" starts over, as often as wanted; if nobody
 * answers, the session is wiped. While a help call is open nothing is wiped: the senior is
 * waiting for a person, not gone.
 */

/** The idle settings of a kiosk. */
export interface IdleSettings {
  /** Quiet time before the warning (default 120 s). */
  idleMs: number;
  /** Time to answer the warning (at least 60 s). */
  warningMs: number;
}

/** The defaults of ACCESSIBILITY.md: warn after about two minutes, give a full minute to answer. */
export const defaultIdleSettings: IdleSettings = { idleMs: 120_000, warningMs: 60_000 };

/** The shortest time to answer the warning that WCAG 2.2.1 allows (20 s) is not enough for seniors; this is ours. */
export const minimumWarningMs = 60_000;

/** Where the idle clock stands. */
export type IdleState =
  | { phase: 'active'; lastActivityAt: number }
  | { phase: 'warning'; warnedAt: number; wipeAt: number }
  | { phase: 'wiped'; wipedAt: number };

/** Refuses settings that would rush a senior. */
export function checkIdleSettings(settings: IdleSettings): IdleSettings {
  if (!(settings.idleMs >= 10_000)) throw new Error(`the idle time must be at least 10 s; it is ${settings.idleMs} ms`);
  if (!(settings.warningMs >= minimumWarningMs)) throw new Error(`the time to answer the idle warning must be at least 60 s; it is ${settings.warningMs} ms`);
  return settings;
}

/** A fresh idle clock. */
export function startIdle(now: number): IdleState {
  return { phase: 'active', lastActivityAt: now };
}

/**
 * A touch or a key anywhere: the senior is here, and the quiet time starts again. During the
 * warning too: any touch on it means "still here" (issue 13; only "Necesito más tiempo" counted,
 * and a senior who went on typing lost everything a minute later). After the wipe, nothing.
 */
export function noteActivity(state: IdleState, now: number): IdleState {
  return state.phase === 'wiped' ? state : { phase: 'active', lastActivityAt: now };
}

/** "Necesito más tiempo": the warning goes away and the quiet time starts again. */
export function extendTime(state: IdleState, now: number): IdleState {
  return state.phase === 'wiped' ? state : { phase: 'active', lastActivityAt: now };
}

/**
 * Moves the clock to `now`: warns when the quiet time is over, wipes when the warning went
 * unanswered, and never does either while a help call is open.
 */
export function advanceIdle(state: IdleState, now: number, settings: IdleSettings, helpCallOpen: boolean): IdleState {
  if (helpCallOpen) return state.phase === 'wiped' ? state : { phase: 'active', lastActivityAt: now };
  if (state.phase === 'active' && now - state.lastActivityAt >= settings.idleMs) return { phase: 'warning', warnedAt: now, wipeAt: now + settings.warningMs };
  if (state.phase === 'warning' && now >= state.wipeAt) return { phase: 'wiped', wipedAt: now };
  return state;
}

/** Whole seconds left to answer the warning, for the countdown on screen. */
export function secondsToAnswer(state: IdleState, now: number): number | undefined {
  return state.phase === 'warning' ? Math.max(0, Math.ceil((state.wipeAt - now) / 1000)) : undefined;
}
