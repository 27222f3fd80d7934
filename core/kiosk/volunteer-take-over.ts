/**
 * When the kiosk asks for a volunteer's PIN (issue 13): only when the volunteer who holds the
 * kiosk's call asked from their phone, and only while that call is the one on the kiosk with a
 * volunteer on the way or there. A request for another call (an old one, a push that crossed a
 * cancel) opens nothing: nothing on the senior's own screen can open volunteer mode. Pure.
 */
import type { HelpCallStatus } from './help-call-status.js';

/** The hub's `kiosk.take-over`: which call, and the first name of the volunteer who asked. */
export interface TakeOverRequest {
  callId: string;
  volunteerName: string;
}

/** The request the kiosk acts on now, or undefined when there is none that fits its call. */
export function pendingTakeOver(status: HelpCallStatus, request: TakeOverRequest | undefined): TakeOverRequest | undefined {
  if (!request) return undefined;
  if (status.kind !== 'coming' && status.kind !== 'arrived') return undefined;
  return status.callId === request.callId ? request : undefined;
}

/**
 * What the kiosk does with a request it acts on, given the call the volunteer signed in at the
 * kiosk holds (if any): ask for the PIN, or, signed in already for this very call, open the
 * volunteer panel again without a PIN (the volunteer closed it and asked again from the phone).
 */
export function takeOverAction(request: TakeOverRequest | undefined, signedInForCall: string | undefined): 'none' | 'ask-pin' | 'reopen-panel' {
  if (!request) return 'none';
  return signedInForCall === request.callId ? 'reopen-panel' : 'ask-pin';
}
