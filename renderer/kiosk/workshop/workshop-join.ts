/**
 * What the workshop's code and name screens do with what the senior typed (issue 18): join with
 * the code (the hub checks it and gives the seat), then again with the first name if one was
 * typed (the same seat), and move the session on; a refusal comes back as the words to show.
 */
import type { Dispatch, SetStateAction } from 'react';
import { navigate } from '../../../core/kiosk/session-navigator.js';
import { joinProblem, type JoinProblem } from '../../../core/kiosk/workshop-participation.js';
import type { KioskSession } from '../session/kiosk-session.js';
import { joinWorkshop } from './workshop-api.js';

/** The two screens' handlers for a kiosk with this device token. */
export function workshopJoinHandlers(
  token: string,
  setSession: Dispatch<SetStateAction<KioskSession>>,
): { onCode: (code: string) => Promise<JoinProblem | undefined>; onName: (code: string, name: string | undefined) => Promise<JoinProblem | undefined> } {
  return {
    onCode: async (code) => {
      const joined = await joinWorkshop(token, code, undefined);
      if (joined.kind !== 'joined') return joinProblem(joined);
      setSession((current) => ({
        ...current,
        screen: navigate(current.screen, { type: 'workshop-code-taken', code }),
        workshop: { view: joined.view, finished: [] },
      }));
      return undefined;
    },
    onName: async (code, name) => {
      // Joining again with the name keeps the seat (core/protocol/workshop.ts).
      const joined = name === undefined ? undefined : await joinWorkshop(token, code, name);
      if (joined && joined.kind !== 'joined') return joinProblem(joined);
      setSession((current) => ({
        ...current,
        screen: navigate(current.screen, { type: 'workshop-joined' }),
        ...(joined && current.workshop ? { workshop: { ...current.workshop, view: joined.view } } : {}),
      }));
      return undefined;
    },
  };
}
