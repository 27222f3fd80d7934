/**
 * The console's picture of the site's calls, built from the hub's pushes and the answers to the
 * volunteer's own commands. A pure reducer: the hook feeds it, tests can too.
 */
import type { ConnectionStatus } from '../../../core/protocol/hub-connection.js';
import type { VolunteerCallView } from '../../../core/protocol/http.js';
import { isOpen } from '../call-card/call-state.js';

/** How long a closed call stays on screen, like the hub's snapshots keep it (recentlyClosedMs). */
export const closedCallShownMs = 60_000;

/** Everything the console shows that comes from the hub. */
export interface CallsState {
  calls: readonly VolunteerCallView[];
  /** The hub's clock minus this device's, so waiting times are right on a phone whose clock is off. */
  clockOffsetMs: number;
  available: boolean;
  connection: ConnectionStatus;
  /** A snapshot arrived since the link last (re)opened: the list is the hub's, not a leftover. */
  synced: boolean;
  /** The hub's demo flag, once it said hello. */
  demo: boolean | undefined;
  /** When this device first saw each call closed (its own clock), to take it off the list later. */
  closedSeenAt: ReadonlyMap<string, number>;
}

/** What can change the picture. `at` is this device's clock. */
export type CallsEvent =
  | { type: 'snapshot'; calls: readonly VolunteerCallView[]; serverNow: number; available: boolean; at: number }
  | { type: 'call'; call: VolunteerCallView; serverNow?: number; at: number }
  | { type: 'available'; available: boolean }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'welcome'; demo: boolean }
  | { type: 'tick'; at: number };

/** The picture before the hub has said anything. */
export function initialCallsState(available: boolean): CallsState {
  return { calls: [], clockOffsetMs: 0, available, connection: 'connecting', synced: false, demo: undefined, closedSeenAt: new Map() };
}

/** Applies one event. */
export function callsReducer(state: CallsState, event: CallsEvent): CallsState {
  switch (event.type) {
    case 'snapshot':
      return {
        ...state,
        calls: event.calls,
        synced: true,
        available: event.available,
        clockOffsetMs: event.serverNow - event.at,
        closedSeenAt: noteClosed(new Map(), event.calls, state.closedSeenAt, event.at),
      };
    case 'call': {
      const others = state.calls.filter((call) => call.id !== event.call.id);
      return {
        ...state,
        calls: [...others, event.call],
        clockOffsetMs: event.serverNow === undefined ? state.clockOffsetMs : event.serverNow - event.at,
        closedSeenAt: noteClosed(new Map(state.closedSeenAt), [event.call], state.closedSeenAt, event.at),
      };
    }
    case 'available':
      return { ...state, available: event.available };
    case 'connection':
      return { ...state, connection: event.status, synced: state.synced && event.status === 'open' };
    case 'welcome':
      return { ...state, demo: event.demo };
    case 'tick': {
      const expired = state.calls.filter((call) => {
        const seen = state.closedSeenAt.get(call.id);
        return seen !== undefined && event.at - seen >= closedCallShownMs;
      });
      if (expired.length === 0) return state;
      const gone = new Set(expired.map((call) => call.id));
      const closedSeenAt = new Map([...state.closedSeenAt].filter(([id]) => !gone.has(id)));
      return { ...state, calls: state.calls.filter((call) => !gone.has(call.id)), closedSeenAt };
    }
  }
}

function noteClosed(into: Map<string, number>, calls: readonly VolunteerCallView[], before: ReadonlyMap<string, number>, at: number): Map<string, number> {
  for (const call of calls) {
    if (isOpen(call)) into.delete(call.id);
    else into.set(call.id, before.get(call.id) ?? at);
  }
  return into;
}
