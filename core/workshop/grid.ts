/**
 * What the trainer's grid of a workshop shows of each participant, as pure rules: which seat
 * comes first, who has been stuck on one step too long, whose hand is newly raised, and the join
 * code cut into groups to read aloud. Times are the hub's clock (the console corrects its own
 * clock by the hub's `serverNow`), passed in, so tests set the clock.
 */
import type { WorkshopSeat } from '../protocol/workshop.js';

/** How long on one step before the grid says a participant may be stuck (the N = 3 minutes). */
export const stuckAfterMs = 3 * 60_000;

/** What the rules need of a participant: the part of the hub's seat view (core/protocol/workshop.ts) they read. */
export type GridSeat = Pick<WorkshopSeat, 'seat' | 'hand' | 'handRaisedAt' | 'stepSince' | 'finishedLessons'>;

/** When a raised hand went up; undefined when no hand waits (down, or already answered). */
function waitingHandSince(seat: GridSeat): number | undefined {
  return seat.hand === 'raised' ? (seat.handRaisedAt ?? 0) : undefined;
}

/** Whether the participant finished every one of the workshop's `lessonCount` lessons. */
export function hasFinished(seat: GridSeat, lessonCount: number): boolean {
  return lessonCount > 0 && seat.finishedLessons.length >= lessonCount;
}

/**
 * The grid's order: hands waiting for an answer first, the longest-waiting first, then everyone
 * by seat number. A phone shows two or three cards at a time: a hand below the fold is a hand
 * missed, so waiting hands come up; the rest keep the room's order, so a seat does not jump
 * about as people move on.
 */
export function orderSeats<T extends GridSeat>(seats: readonly T[]): T[] {
  return [...seats].sort((a, b) => {
    const handA = waitingHandSince(a);
    const handB = waitingHandSince(b);
    if (handA !== undefined && handB !== undefined && handA !== handB) return handA - handB;
    if (handA !== undefined && handB === undefined) return -1;
    if (handA === undefined && handB !== undefined) return 1;
    return a.seat - b.seat;
  });
}

/**
 * Whole minutes the participant has been on their step, when that is more than
 * {@link stuckAfterMs}; undefined otherwise. Someone who finished is not stuck, and someone whose
 * hand is up (or answered) is already shown as asking, which says more. While the trainer holds
 * everyone (paused, or all brought to one step) nobody is stuck by their own doing, so `held`
 * says none.
 */
export function stuckMinutes(seat: GridSeat, lessonCount: number, serverNow: number, held = false): number | undefined {
  if (held || hasFinished(seat, lessonCount) || seat.hand !== 'down' || seat.stepSince === undefined) return undefined;
  const onStep = serverNow - seat.stepSince;
  return onStep > stuckAfterMs ? Math.floor(onStep / 60_000) : undefined;
}

/**
 * The seats whose hand waits in `next` and did not in `previous` (a hand lowered and raised
 * again counts anew), in seat order: the console announces and rings for these only, so a
 * snapshot after a reconnect does not announce the same hands again.
 */
export function newlyRaisedHands<T extends GridSeat>(previous: readonly T[], next: readonly T[]): T[] {
  const before = new Map(previous.map((seat) => [seat.seat, waitingHandSince(seat)]));
  return next
    .filter((seat) => {
      const raised = waitingHandSince(seat);
      return raised !== undefined && before.get(seat.seat) !== raised;
    })
    .sort((a, b) => a.seat - b.seat);
}

/**
 * The join code in groups to read aloud: "48 27" for four digits, "482 71" for five, "482 913"
 * for six. Short groups are what people say and hear without losing their place.
 */
export function codeGroups(code: string): string[] {
  const digits = code.replace(/\D/g, '');
  if (digits.length <= 3) return digits === '' ? [] : [digits];
  if (digits.length === 4) return [digits.slice(0, 2), digits.slice(2)];
  return [digits.slice(0, 3), ...codeGroups(digits.slice(3))];
}

/** The code digit by digit ("4 8 2 9 1 3"), for screen readers, which would otherwise read "482" as a number. */
export function codeForSpeech(code: string): string {
  return code.replace(/\D/g, '').split('').join(' ');
}
