import { describe, expect, it } from 'vitest';
import { callsReducer, closedCallShownMs, initialCallsState } from '../../../renderer/volunteer/console/calls-state.js';
import { volunteerCall } from './volunteer-call.js';

describe("the console's picture of the calls", () => {
  it('takes a snapshot whole, with the offset between the hub clock and this phone', () => {
    const state = callsReducer(initialCallsState(false), { type: 'snapshot', calls: [volunteerCall()], serverNow: 5_000, available: true, at: 3_000 });
    expect(state.calls).toHaveLength(1);
    expect(state.available).toBe(true);
    expect(state.clockOffsetMs).toBe(2_000);
    expect(state.synced).toBe(true);
  });

  it('replaces a call by its id when it changes, and adds a new one', () => {
    let state = callsReducer(initialCallsState(true), { type: 'snapshot', calls: [volunteerCall({ id: 'a' })], serverNow: 0, available: true, at: 0 });
    state = callsReducer(state, { type: 'call', call: volunteerCall({ id: 'a', state: 'accepted', volunteerName: 'Ana' }), at: 1 });
    state = callsReducer(state, { type: 'call', call: volunteerCall({ id: 'b' }), serverNow: 10, at: 2 });
    expect(state.calls.map((call) => [call.id, call.state])).toEqual([
      ['a', 'accepted'],
      ['b', 'offered'],
    ]);
  });

  it('takes a closed call off the list a minute after it closed', () => {
    let state = callsReducer(initialCallsState(true), { type: 'call', call: volunteerCall({ id: 'a', state: 'resolved', outcome: 'solved' }), at: 1_000 });
    state = callsReducer(state, { type: 'tick', at: 1_000 + closedCallShownMs - 1 });
    expect(state.calls).toHaveLength(1);
    state = callsReducer(state, { type: 'tick', at: 1_000 + closedCallShownMs });
    expect(state.calls).toHaveLength(0);
  });

  it('is not "synced" while the link is down, nor after it reopens until the next snapshot', () => {
    let state = callsReducer(initialCallsState(true), { type: 'snapshot', calls: [], serverNow: 0, available: true, at: 0 });
    state = callsReducer(state, { type: 'connection', status: 'reconnecting' });
    expect(state.synced).toBe(false);
    state = callsReducer(state, { type: 'connection', status: 'open' });
    expect(state.synced).toBe(false);
    state = callsReducer(state, { type: 'snapshot', calls: [], serverNow: 0, available: true, at: 0 });
    expect(state.synced).toBe(true);
  });
});
