/**
 * Holds the site's running workshops for the console: fed by the `workshop.grid` pushes of the
 * console's one socket (through the {@link HubListener} it hands to useVolunteerCalls), by the
 * list over HTTP whenever the socket (re)opens (an end pushed while the phone slept would
 * otherwise leave a workshop on screen), and by the answers to the trainer's own commands.
 */
import { useCallback, useMemo, useReducer } from 'react';
import type { EndWorkshopResponse, TrainerWorkshopResponse } from '../../../core/protocol/workshop.js';
import type { HubListener } from '../console/use-volunteer-calls.js';
import { fetchWorkshops } from './workshop-api.js';
import { initialWorkshopsState, workshopsReducer, type WorkshopsState } from './workshops-state.js';

/** What {@link useWorkshops} gives the console. */
export interface Workshops extends WorkshopsState {
  /** To hand to useVolunteerCalls. */
  listener: HubListener;
  /** Shows a workshop as a command's answer returned it. */
  applyWorkshop(response: TrainerWorkshopResponse): void;
  /** Takes an ended workshop off, keeping its counts to say once. */
  applyEnded(id: string, counts: EndWorkshopResponse): void;
}

/** The workshops of the site of the volunteer signed in with `token`. */
export function useWorkshops(token: string): Workshops {
  const [state, dispatch] = useReducer(workshopsReducer, initialWorkshopsState);

  const listener = useMemo<HubListener>(
    () => ({
      onMessage: (message, at) => {
        if (message.type === 'workshop.grid') dispatch({ type: 'workshop', workshop: message.workshop, serverNow: message.serverNow, at });
      },
      onOpen: () => {
        void fetchWorkshops(token).then((result) => {
          if (result.ok) dispatch({ type: 'list', workshops: result.value.workshops, serverNow: result.value.serverNow, at: Date.now() });
        });
      },
    }),
    [token],
  );
  const applyWorkshop = useCallback(
    (response: TrainerWorkshopResponse) => dispatch({ type: 'workshop', workshop: response.workshop, serverNow: response.serverNow, at: Date.now() }),
    [],
  );
  const applyEnded = useCallback((id: string, counts: EndWorkshopResponse) => dispatch({ type: 'ended', id, ...counts }), []);
  return { ...state, listener, applyWorkshop, applyEnded };
}
