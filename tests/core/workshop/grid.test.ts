import { describe, expect, it } from 'vitest';
import {
  codeForSpeech,
  codeGroups,
  hasFinished,
  newlyRaisedHands,
  orderSeats,
  stuckAfterMs,
  stuckMinutes,
  type GridSeat,
} from '../../../core/workshop/grid.js';

const seat = (number: number, extra: Partial<GridSeat> = {}): GridSeat => ({ seat: number, hand: 'down', finishedLessons: [], stepSince: 0, ...extra });
const raised = (number: number, at: number): GridSeat => seat(number, { hand: 'raised', handRaisedAt: at });

describe("the trainer's grid", () => {
  it('puts waiting hands first, the longest-waiting first, then everyone by seat (an answered hand keeps its seat)', () => {
    const seats = [seat(4), raised(2, 9_000), seat(1), raised(3, 5_000), seat(5, { hand: 'answered', handRaisedAt: 1_000 })];
    expect(orderSeats(seats).map((s) => s.seat)).toEqual([3, 2, 1, 4, 5]);
  });

  it('keeps the room order when nobody asks, and does not change the list it was given', () => {
    const seats = [seat(3), seat(1), seat(2)];
    expect(orderSeats(seats).map((s) => s.seat)).toEqual([1, 2, 3]);
    expect(seats.map((s) => s.seat)).toEqual([3, 1, 2]);
  });

  it('says someone is stuck only after more than three minutes on one step, in whole minutes', () => {
    const since = 1_000_000;
    expect(stuckMinutes(seat(1, { stepSince: since }), 2, since + stuckAfterMs)).toBeUndefined();
    expect(stuckMinutes(seat(1, { stepSince: since }), 2, since + stuckAfterMs + 1)).toBe(3);
    expect(stuckMinutes(seat(1, { stepSince: since }), 2, since + 4 * 60_000 + 59_000)).toBe(4);
  });

  it('never calls stuck someone who finished, who asked for help, who has no step yet, or whom the trainer holds', () => {
    const late = 10 * 60_000;
    expect(stuckMinutes(seat(1, { finishedLessons: ['a', 'b'] }), 2, late)).toBeUndefined();
    expect(stuckMinutes(raised(1, 1), 2, late)).toBeUndefined();
    expect(stuckMinutes(seat(1, { hand: 'answered', handRaisedAt: 1 }), 2, late)).toBeUndefined();
    expect(stuckMinutes(seat(1, { stepSince: undefined }), 2, late)).toBeUndefined();
    expect(stuckMinutes(seat(1), 2, late, true)).toBeUndefined();
    expect(stuckMinutes(seat(1, { finishedLessons: ['a'] }), 2, late)).toBe(10);
  });

  it('has finished only when every lesson is done', () => {
    expect(hasFinished(seat(1, { finishedLessons: ['a'] }), 2)).toBe(false);
    expect(hasFinished(seat(1, { finishedLessons: ['a', 'b'] }), 2)).toBe(true);
    expect(hasFinished(seat(1), 0)).toBe(false);
  });

  it('finds the hands raised since the last picture, and a hand raised again; not an answered one', () => {
    const before = [seat(1), raised(2, 100), raised(3, 50)];
    const after = [raised(1, 300), raised(2, 100), raised(3, 200), raised(4, 250), seat(5, { hand: 'answered', handRaisedAt: 10 })];
    expect(newlyRaisedHands(before, after).map((s) => s.seat)).toEqual([1, 3, 4]);
    expect(newlyRaisedHands(after, after)).toEqual([]);
    expect(newlyRaisedHands(after, [seat(1), seat(2)])).toEqual([]);
  });

  it('cuts the join code into groups to read aloud, and spells it digit by digit for a screen reader', () => {
    expect(codeGroups('4827')).toEqual(['48', '27']);
    expect(codeGroups('48271')).toEqual(['482', '71']);
    expect(codeGroups('482913')).toEqual(['482', '913']);
    expect(codeGroups('482 913')).toEqual(['482', '913']);
    expect(codeGroups('')).toEqual([]);
    expect(codeForSpeech('482913')).toBe('4 8 2 9 1 3');
  });
});
