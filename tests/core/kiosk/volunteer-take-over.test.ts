import { describe, expect, it } from 'vitest';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';
import { pendingTakeOver, takeOverAction } from '../../../core/kiosk/volunteer-take-over.js';

const callId = '00000000-0000-4000-8000-000000000001';
const request = { callId, volunteerName: 'Ana' };

describe("when the kiosk asks for a volunteer's PIN", () => {
  it('asks while the call the volunteer asked for has them on the way or at the kiosk', () => {
    expect(pendingTakeOver({ kind: 'coming', callId, volunteerName: 'Ana' }, request)).toEqual(request);
    expect(pendingTakeOver({ kind: 'arrived', callId, volunteerName: 'Ana' }, request)).toEqual(request);
  });

  it('never without a request from the phone', () => {
    expect(pendingTakeOver({ kind: 'arrived', callId, volunteerName: 'Ana' }, undefined)).toBeUndefined();
  });

  it("not for another call than the kiosk's, nor once the call is over or not yet taken", () => {
    expect(pendingTakeOver({ kind: 'arrived', callId: '00000000-0000-4000-8000-000000000002', volunteerName: 'Ana' }, request)).toBeUndefined();
    const others: HelpCallStatus[] = [
      { kind: 'none' },
      { kind: 'calling', since: 0 },
      { kind: 'queued', callId, position: 1, estimatedWaitSeconds: 0 },
      { kind: 'nobody-came', callId, inPersonHelp: 'Recepción' },
      { kind: 'unreachable', inPersonHelp: 'Recepción', stillTrying: true },
      { kind: 'closed', callId },
    ];
    for (const status of others) expect(pendingTakeOver(status, request), status.kind).toBeUndefined();
  });
});

describe('what a request from the phone does at the kiosk', () => {
  it('asks for the PIN of a volunteer not signed in at the kiosk', () => {
    expect(takeOverAction(request, undefined)).toBe('ask-pin');
  });

  it('asks again when the volunteer signed in here holds another call', () => {
    expect(takeOverAction(request, '00000000-0000-4000-8000-000000000002')).toBe('ask-pin');
  });

  it('opens the panel again, without a PIN, for the volunteer signed in here for this call', () => {
    expect(takeOverAction(request, callId)).toBe('reopen-panel');
  });

  it('does nothing without a request', () => {
    expect(takeOverAction(undefined, callId)).toBe('none');
    expect(takeOverAction(undefined, undefined)).toBe('none');
  });
});
