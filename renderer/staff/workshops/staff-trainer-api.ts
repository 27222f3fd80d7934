/**
 * A member of staff's calls as a workshop trainer at the site they chose (the `staff…Workshop`
 * routes, the site in the path; core/protocol/api-routes.ts), in the shape the shared trainer's
 * page asks for (renderer/ui/workshop-trainer/trainer-api.ts). A refusal with a workshop code is
 * said in the trainer page's words (`workshop.errors.*`), anything else in the console's.
 */
import type { TFunction } from 'i18next';
import type { TrainerApi, TrainerResult } from '../../ui/workshop-trainer/trainer-api.js';
import { workshopFailureKey } from '../../ui/workshop-trainer/workshop-failure-keys.js';
import { failureText } from '../hub-api/failure-text.js';
import { staffCall, type HubFailure, type HubResult } from '../hub-api/request.js';

/** What a failed staff trainer's call means, in words. */
export function staffWorkshopFailureText(failure: HubFailure, t: TFunction): { message: string; sessionEnded: boolean } {
  const key = failure.kind === 'refused' ? workshopFailureKey(failure.code) : undefined;
  return key ? { message: t(key), sessionEnded: false } : failureText(failure, t);
}

function worded<T>(result: HubResult<T>): TrainerResult<T> {
  return result.ok ? result : { ok: false, failure: (t) => staffWorkshopFailureText(result.failure, t) };
}

/** The calls of the member of staff signed in with `token`, leading at `siteId`. */
export function staffTrainerApi(token: string, siteId: string): TrainerApi {
  const site = { site: siteId };
  return {
    fetchLessons: async () => {
      const result = await staffCall('staffWorkshopLessons', { token });
      return worded(result.ok ? { ok: true, value: result.value.lessons } : result);
    },
    fetchWorkshops: async () => worded(await staffCall('staffTrainerWorkshops', { token, params: site })),
    start: async (lessonIds) => worded(await staffCall('staffStartWorkshop', { token, params: site, body: { lessonIds } })),
    command: async (workshopId, command) => {
      const params = { ...site, id: workshopId };
      switch (command.action) {
        case 'follow':
          return worded(await staffCall('staffWorkshopFollow', { token, params, body: { target: command.target } }));
        case 'pause':
          return worded(await staffCall('staffWorkshopPause', { token, params, body: { paused: true, message: command.message } }));
        case 'resume':
          return worded(await staffCall('staffWorkshopPause', { token, params, body: { paused: false } }));
        case 'answer-hand':
          return worded(await staffCall('staffWorkshopAnswerHand', { token, params: { ...params, seat: command.seat }, body: {} }));
      }
    },
    end: async (workshopId) => worded(await staffCall('staffEndWorkshop', { token, params: { ...site, id: workshopId }, body: {} })),
  };
}
