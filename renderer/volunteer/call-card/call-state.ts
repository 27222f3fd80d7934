/**
 * What a call means to the volunteer looking at it: the one thing they can do next, how its
 * state is said, and the order calls are listed in. Pure, so the rules are read in one place.
 */
import { activeStates, unacceptedStates } from '../../../core/help-call/states.js';
import type { VolunteerCallView } from '../../../core/protocol/http.js';

/** The one action a call offers: go, say you arrived, or close it. */
export type NextAction = 'accept' | 'arrive' | 'resolve';

/** The next action for this volunteer, or undefined when there is nothing for them to do. */
export function nextAction(call: VolunteerCallView): NextAction | undefined {
  if (unacceptedStates.includes(call.state)) return 'accept';
  if (!call.mine) return undefined;
  if (call.state === 'accepted') return 'arrive';
  if (call.state === 'arrived') return 'resolve';
  return undefined;
}

/**
 * Whether this volunteer may take control of the call's kiosk ("Tomar el control del quiosco":
 * the kiosk then asks for their PIN): only the one who holds it, on the way or with the senior.
 * It is the only way into the kiosk's volunteer mode, so no senior can stumble into it.
 */
export function canTakeOverKiosk(call: VolunteerCallView): boolean {
  return call.mine && (call.state === 'accepted' || call.state === 'arrived');
}

/** Whether the call is still open (someone still needs or is getting help). */
export function isOpen(call: VolunteerCallView): boolean {
  return activeStates.includes(call.state);
}

/** The translation key (under `call.status`) of the call's state line. */
export type StatusKey = 'unaccepted' | 'escalated' | 'mineAccepted' | 'mineArrived' | 'otherAccepted' | 'otherArrived' | 'resolved' | 'cancelled' | 'expired';

/** How the call's state is said to this volunteer. */
export function statusKey(call: VolunteerCallView): StatusKey {
  switch (call.state) {
    case 'waiting':
    case 'offered':
      return 'unaccepted';
    case 'escalated':
      return 'escalated';
    case 'accepted':
      return call.mine ? 'mineAccepted' : 'otherAccepted';
    case 'arrived':
      return call.mine ? 'mineArrived' : 'otherArrived';
    case 'resolved':
    case 'cancelled':
    case 'expired':
      return call.state;
  }
}

/** How the card looks: needs someone, mine, someone else's, or over. */
export type CallTone = 'needs-help' | 'mine' | 'taken' | 'closed';

/** The card's look for this volunteer. */
export function callTone(call: VolunteerCallView): CallTone {
  if (!isOpen(call)) return 'closed';
  if (unacceptedStates.includes(call.state)) return 'needs-help';
  return call.mine ? 'mine' : 'taken';
}

const toneOrder: Record<CallTone, number> = { mine: 0, 'needs-help': 1, taken: 2, closed: 3 };

/** Calls in the order a volunteer needs them: mine, then those waiting (oldest first), then the rest. */
export function orderCalls(calls: readonly VolunteerCallView[]): VolunteerCallView[] {
  return [...calls].sort((a, b) => toneOrder[callTone(a)] - toneOrder[callTone(b)] || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Whole seconds the senior has been waiting, by the hub's clock. */
export function waitedSeconds(call: VolunteerCallView, serverNow: number): number {
  return Math.max(0, Math.floor((serverNow - call.createdAt) / 1000));
}
