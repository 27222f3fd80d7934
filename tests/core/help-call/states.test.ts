import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, typicalAcceptSeconds } from '../../../core/help-call/estimate.js';
import { activeStates, callStates, finalStates, nextCallState, type CallAction } from '../../../core/help-call/states.js';

describe('the help call state machine', () => {
  it('walks the happy path: waiting → offered → accepted → arrived → resolved', () => {
    expect(nextCallState('waiting', 'offer')).toBe('offered');
    expect(nextCallState('offered', 'accept')).toBe('accepted');
    expect(nextCallState('accepted', 'arrive')).toBe('arrived');
    expect(nextCallState('arrived', 'resolve')).toBe('resolved');
  });

  it('a call can be accepted only once, and nothing moves a closed call', () => {
    expect(nextCallState('accepted', 'accept')).toBeUndefined();
    const actions: CallAction[] = ['offer', 'accept', 'arrive', 'resolve', 'cancel', 'escalate', 'expire'];
    for (const state of finalStates) for (const action of actions) expect(nextCallState(state, action), `${action} from ${state}`).toBeUndefined();
  });

  it('escalates only calls nobody accepted, and an escalated call can still be accepted or cancelled', () => {
    expect(nextCallState('offered', 'escalate')).toBe('escalated');
    expect(nextCallState('accepted', 'escalate')).toBeUndefined();
    expect(nextCallState('escalated', 'accept')).toBe('accepted');
    expect(nextCallState('escalated', 'cancel')).toBe('cancelled');
  });

  it('every state is either active or final', () => {
    expect([...activeStates, ...finalStates].sort()).toEqual([...callStates].sort());
  });
});

describe('the estimated wait', () => {
  it('is the median of recent acceptance times, or 90 s without history', () => {
    expect(typicalAcceptSeconds([])).toBe(90);
    expect(typicalAcceptSeconds([30, 10, 600])).toBe(30);
    expect(typicalAcceptSeconds([20, 40])).toBe(30);
  });

  it('grows with the callers ahead per available volunteer', () => {
    expect(estimateWaitSeconds([60], 1, 2)).toBe(60);
    expect(estimateWaitSeconds([60], 3, 2)).toBe(120);
    expect(estimateWaitSeconds([60], 3, 0)).toBe(180);
  });
});
