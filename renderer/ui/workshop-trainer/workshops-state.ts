/**
 * The console's picture of its site's running workshops, from the hub's `workshop.grid` pushes,
 * the list fetched over HTTP (on opening and after a reconnect, when an end may have been
 * missed) and the answers to the trainer's own commands. A pure reducer: the hook feeds it, tests can too.
 */
import type { TrainerWorkshopView } from '../../../core/protocol/workshop.js';

/** The running workshops, in the order they started, and the hub's clock offset. */
export interface WorkshopsState {
  workshops: readonly TrainerWorkshopView[];
  /** The hub's clock minus this device's: "stuck for 4 minutes" is measured on the hub's clock. */
  clockOffsetMs: number;
  /** The list came from the hub since the page opened (before that, "no workshop" is not yet known). */
  synced: boolean;
  /** What the last end the trainer asked for left (counts only), to say it once. */
  lastEnded?: { id: string; participants: number; lessonsCompleted: number };
}

/** What can change the picture. `at` is this device's clock when it arrived. */
type WorkshopsEvent =
  | { type: 'list'; workshops: readonly TrainerWorkshopView[]; serverNow: number; at: number }
  | { type: 'workshop'; workshop: TrainerWorkshopView; serverNow: number; at: number }
  | { type: 'ended'; id: string; participants: number; lessonsCompleted: number };

/** The picture before the hub has said anything. */
export const initialWorkshopsState: WorkshopsState = { workshops: [], clockOffsetMs: 0, synced: false };

/** Applies one event. An `ended` workshop leaves the list: it is over for everyone. */
export function workshopsReducer(state: WorkshopsState, event: WorkshopsEvent): WorkshopsState {
  switch (event.type) {
    case 'list':
      return {
        ...state,
        workshops: sortByStart(event.workshops.filter((workshop) => workshop.state !== 'ended')),
        clockOffsetMs: event.serverNow - event.at,
        synced: true,
      };
    case 'workshop': {
      const others = state.workshops.filter((workshop) => workshop.id !== event.workshop.id);
      const workshops = event.workshop.state === 'ended' ? others : sortByStart([...others, event.workshop]);
      return { ...state, workshops, clockOffsetMs: event.serverNow - event.at };
    }
    case 'ended':
      return {
        ...state,
        workshops: state.workshops.filter((workshop) => workshop.id !== event.id),
        lastEnded: { id: event.id, participants: event.participants, lessonsCompleted: event.lessonsCompleted },
      };
  }
}

function sortByStart(workshops: readonly TrainerWorkshopView[]): TrainerWorkshopView[] {
  return [...workshops].sort((a, b) => a.startedAt - b.startedAt);
}
