import { describe, expect, it } from 'vitest';
import { callTone, canTakeOverKiosk, nextAction, orderCalls, statusKey, waitedSeconds } from '../../../renderer/volunteer/call-card/call-state.js';
import { volunteerCall } from './volunteer-call.js';

describe('what a call asks of the volunteer looking at it', () => {
  it('offers "Voy para allá" on any call nobody has taken, escalated ones too', () => {
    for (const state of ['waiting', 'offered', 'escalated'] as const) expect(nextAction(volunteerCall({ state }))).toBe('accept');
  });

  it('offers "He llegado" and then "Resuelto" only to the volunteer who took the call', () => {
    expect(nextAction(volunteerCall({ state: 'accepted', mine: true }))).toBe('arrive');
    expect(nextAction(volunteerCall({ state: 'arrived', mine: true }))).toBe('resolve');
    expect(nextAction(volunteerCall({ state: 'accepted', mine: false, volunteerName: 'Ana' }))).toBeUndefined();
    expect(nextAction(volunteerCall({ state: 'arrived', mine: false, volunteerName: 'Ana' }))).toBeUndefined();
  });

  it('offers nothing on a call that is over', () => {
    for (const state of ['resolved', 'cancelled', 'expired'] as const) expect(nextAction(volunteerCall({ state, mine: true }))).toBeUndefined();
  });

  it('offers to take control of the kiosk only to the volunteer who holds the call, on the way or with the senior', () => {
    expect(canTakeOverKiosk(volunteerCall({ state: 'accepted', mine: true }))).toBe(true);
    expect(canTakeOverKiosk(volunteerCall({ state: 'arrived', mine: true }))).toBe(true);
    expect(canTakeOverKiosk(volunteerCall({ state: 'accepted', mine: false, volunteerName: 'Ana' }))).toBe(false);
    expect(canTakeOverKiosk(volunteerCall({ state: 'arrived', mine: false, volunteerName: 'Ana' }))).toBe(false);
    for (const state of ['waiting', 'offered', 'escalated', 'resolved', 'cancelled', 'expired'] as const)
      expect(canTakeOverKiosk(volunteerCall({ state, mine: true })), state).toBe(false);
  });

  it('says whose a taken call is', () => {
    expect(statusKey(volunteerCall({ state: 'accepted', mine: false }))).toBe('otherAccepted');
    expect(statusKey(volunteerCall({ state: 'accepted', mine: true }))).toBe('mineAccepted');
    expect(callTone(volunteerCall({ state: 'arrived', mine: false }))).toBe('taken');
  });

  it('lists my call first, then those waiting oldest first, then the rest', () => {
    const calls = [
      volunteerCall({ id: 'closed', state: 'resolved', createdAt: 1 }),
      volunteerCall({ id: 'taken', state: 'accepted', createdAt: 2 }),
      volunteerCall({ id: 'newer', state: 'offered', createdAt: 30 }),
      volunteerCall({ id: 'older', state: 'escalated', createdAt: 20 }),
      volunteerCall({ id: 'mine', state: 'arrived', mine: true, createdAt: 40 }),
    ];
    expect(orderCalls(calls).map((call) => call.id)).toEqual(['mine', 'older', 'newer', 'taken', 'closed']);
  });

  it('counts the wait by the hub clock, never below zero', () => {
    expect(waitedSeconds(volunteerCall({ createdAt: 10_000 }), 75_999)).toBe(65);
    expect(waitedSeconds(volunteerCall({ createdAt: 10_000 }), 9_000)).toBe(0);
  });
});
