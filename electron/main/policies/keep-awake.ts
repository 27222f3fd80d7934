/**
 * Whether the display must stay awake: during the kiosk's opening hours, yes (a dark screen looks
 * broken to a senior); outside them the OS may sleep the screen as it likes.
 */
import { weekdays, type KioskConfig } from '../../../core/shell/kiosk-config.js';

/** A moment in the kiosk's local time. */
export interface LocalMoment {
  /** 0 = Sunday, as `Date#getDay()`. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The local moment of a Date (the kiosk's clock and time zone). */
export function localMoment(date: Date): LocalMoment {
  return { weekday: date.getDay(), minutes: date.getHours() * 60 + date.getMinutes() };
}

/** True when the kiosk is open at that moment: start inclusive, end exclusive. */
export function isOpenAt(hours: KioskConfig['openingHours'], moment: LocalMoment): boolean {
  const day = weekdays[moment.weekday];
  if (day === undefined) return false;
  return hours[day].some((period) => moment.minutes >= period.start && moment.minutes < period.end);
}

/** The power-save blocker to hold: on while open, off while closed. */
export function keepAwakeDecision(hours: KioskConfig['openingHours'], moment: LocalMoment): 'hold' | 'release' {
  return isOpenAt(hours, moment) ? 'hold' : 'release';
}
