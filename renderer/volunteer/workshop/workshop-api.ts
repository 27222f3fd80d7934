/**
 * The volunteer trainer's calls to the hub for a workshop (routes and schemas in
 * core/protocol/workshop.ts), through the console's one client: answers checked, failures as
 * values worded by workshop-failure-text.ts.
 */
import { request, type HubResult } from '../hub-api/hub-api.js';
import type { TrainerApi, TrainerResult } from '../../ui/workshop-trainer/trainer-api.js';
import { workshopFailureText } from './workshop-failure-text.js';

function worded<T>(result: HubResult<T>): TrainerResult<T> {
  return result.ok ? result : { ok: false, failure: (t) => workshopFailureText(result.failure, t) };
}

/** The calls of the volunteer signed in with `token`, at their site. */
export function volunteerTrainerApi(token: string): TrainerApi {
  return {
    fetchLessons: async () => {
      const result = await request('workshopLessons', { token });
      return worded(result.ok ? { ok: true, value: result.value.lessons } : result);
    },
    fetchWorkshops: async () => worded(await request('trainerWorkshops', { token })),
    start: async (lessonIds) => worded(await request('startWorkshop', { token, body: { lessonIds } })),
    command: async (workshopId, command) => {
      const params = { id: workshopId };
      switch (command.action) {
        case 'follow':
          return worded(await request('workshopFollow', { token, params, body: { target: command.target } }));
        case 'pause':
          return worded(await request('workshopPause', { token, params, body: { paused: true, message: command.message } }));
        case 'resume':
          return worded(await request('workshopPause', { token, params, body: { paused: false } }));
        case 'answer-hand':
          return worded(await request('workshopAnswerHand', { token, params: { id: workshopId, seat: command.seat }, body: {} }));
      }
    },
    end: async (workshopId) => worded(await request('endWorkshop', { token, params: { id: workshopId }, body: {} })),
  };
}
