/**
 * The help call's life, as a pure state machine. The hub's database updates are written from
 * these tables (`UPDATE … WHERE state IN (statesAllowing(action))`), so a transition the machine
 * forbids can never be committed, whichever hub process tries it.
 *
 * waiting → offered → accepted (volunteer on the way) → arrived → resolved
 * and, from the open states, cancelled (by the senior), escalated (nobody accepted in time:
 * staff alerted, still acceptable) or expired (left open far too long).
 */
export const callStates = ['waiting', 'offered', 'accepted', 'arrived', 'resolved', 'cancelled', 'escalated', 'expired'] as const;

/** A state of a help call. */
export type CallState = (typeof callStates)[number];

/** Something that moves a call from one state to another. */
export type CallAction = 'offer' | 'accept' | 'arrive' | 'resolve' | 'cancel' | 'escalate' | 'expire';

/** Calls still waiting for a volunteer to accept. */
export const unacceptedStates: readonly CallState[] = ['waiting', 'offered', 'escalated'];
/** Calls not yet over: waiting for a volunteer, or one on the way or there. */
export const activeStates: readonly CallState[] = [...unacceptedStates, 'accepted', 'arrived'];
/** Calls that are over. */
export const finalStates: readonly CallState[] = ['resolved', 'cancelled', 'expired'];

const transitions: Record<CallAction, { from: readonly CallState[]; to: CallState }> = {
  offer: { from: ['waiting'], to: 'offered' },
  accept: { from: unacceptedStates, to: 'accepted' },
  arrive: { from: ['accepted'], to: 'arrived' },
  resolve: { from: ['accepted', 'arrived'], to: 'resolved' },
  cancel: { from: activeStates, to: 'cancelled' },
  escalate: { from: ['waiting', 'offered'], to: 'escalated' },
  expire: { from: activeStates, to: 'expired' },
};

/** The states an action may start from. */
export function statesAllowing(action: CallAction): readonly CallState[] {
  return transitions[action].from;
}

/** The state an action leads to when it is allowed. */
export function stateAfter(action: CallAction): CallState {
  return transitions[action].to;
}

/** The state an action leads to from `state`, or undefined when the action is not allowed there. */
export function nextCallState(state: CallState, action: CallAction): CallState | undefined {
  const transition = transitions[action];
  return transition.from.includes(state) ? transition.to : undefined;
}

/** How a volunteer closes a call. */
export const callOutcomes = ['solved', 'needs-office-visit', 'needs-appointment'] as const;

/** The outcome of a resolved call. */
export type CallOutcome = (typeof callOutcomes)[number];
