/**
 * Holds the site's running workshops for a trainer's console: fed by the `workshop.grid` pushes
 * of the console's socket (through the {@link HubListener} it hands to it), by the
 * list over HTTP whenever the socket (re)opens (an end pushed while the phone slept would
 * otherwise leave a workshop on screen), and by the answers to the trainer's own commands.
 */
import { useCallback, useMemo, useReducer } from 'react';
import type { EndWorkshopResponse, TrainerWorkshopResponse } from '../../../core/protocol/workshop.js';
import type { HubMessage } from '../../../core/protocol/ws.js';
import type { TrainerApi } from './trainer-api.js';
import { initialWorkshopsState, workshopsReducer, type WorkshopsState } from './workshops-state.js';

/** Hears a console's socket: the `workshop.grid` pushes, and each (re)opening (pushes may have been missed meanwhile). */
export interface HubListener {
  onMessage(message: HubMessage, at: number): void;
  onOpen(): void;
}

/** What {@link useWorkshops} gives the console. */
export interface Workshops extends WorkshopsState {
  /** To hand to the console's socket (the volunteer's useVolunteerCalls, the staff page's own). */
  listener: HubListener;
  /** Shows a workshop as a command's answer returned it. */
  applyWorkshop(response: TrainerWorkshopResponse): void;
  /** Takes an ended workshop off, keeping its counts to say once. */
  applyEnded(id: string, counts: EndWorkshopResponse): void;
}

/** The workshops the trainer whose calls are `api` may lead at their site. */
export function useWorkshops(api: TrainerApi): Workshops {
  const [state, dispatch] = useReducer(workshopsReducer, initialWorkshopsState);

  const listener = useMemo<HubListener>(
    () => ({
      onMessage: (message, at) => {
        if (message.type === 'workshop.grid') dispatch({ type: 'workshop', workshop: message.workshop, serverNow: message.serverNow, at });
      },
      onOpen: () => {
        void api.fetchWorkshops().then((result) => {
          if (result.ok) dispatch({ type: 'list', workshops: result.value.workshops, serverNow: result.value.serverNow, at: Date.now() });
        });
      },
    }),
    [api],
  );
  const applyWorkshop = useCallback(
    (response: TrainerWorkshopResponse) => dispatch({ type: 'workshop', workshop: response.workshop, serverNow: response.serverNow, at: Date.now() }),
    [],
  );
  const applyEnded = useCallback((id: string, counts: EndWorkshopResponse) => dispatch({ type: 'ended', id, ...counts }), []);
  return { ...state, listener, applyWorkshop, applyEnded };
}
