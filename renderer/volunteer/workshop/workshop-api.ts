/**
 * The trainer's calls to the hub for a workshop (routes and schemas in core/protocol/workshop.ts),
 * through the console's one client: answers checked, failures as values.
 */
import type { EndWorkshopResponse, LessonPlace, TrainerWorkshopResponse, TrainerWorkshopsResponse, WorkshopLesson } from '../../../core/protocol/workshop.js';
import { request, type HubResult } from '../hub-api/hub-api.js';

/** The lessons a workshop can offer: the site's published practice procedures. */
export async function fetchLessons(token: string): Promise<HubResult<WorkshopLesson[]>> {
  const result = await request('workshopLessons', { token });
  return result.ok ? { ok: true, value: result.value.lessons } : result;
}

/** The running workshops of the trainer's site. */
export function fetchWorkshops(token: string): Promise<HubResult<TrainerWorkshopsResponse>> {
  return request('trainerWorkshops', { token });
}

/** Starts a workshop with these lessons, in this order. */
export function startWorkshop(token: string, lessonIds: string[]): Promise<HubResult<TrainerWorkshopResponse>> {
  return request('startWorkshop', { token, body: { lessonIds } });
}

/** What a trainer does to a running workshop. */
export type WorkshopCommand =
  | { action: 'follow'; target: LessonPlace | null }
  | { action: 'pause'; message: string }
  | { action: 'resume' }
  | { action: 'answer-hand'; seat: number };

/** Sends a command; answers with the workshop as it now is. */
export function sendWorkshopCommand(token: string, workshopId: string, command: WorkshopCommand): Promise<HubResult<TrainerWorkshopResponse>> {
  const params = { id: workshopId };
  switch (command.action) {
    case 'follow':
      return request('workshopFollow', { token, params, body: { target: command.target } });
    case 'pause':
      return request('workshopPause', { token, params, body: { paused: true, message: command.message } });
    case 'resume':
      return request('workshopPause', { token, params, body: { paused: false } });
    case 'answer-hand':
      return request('workshopAnswerHand', { token, params: { id: workshopId, seat: command.seat }, body: {} });
  }
}

/** Ends the workshop: every participant's kiosk goes back to normal; the answer is counts only. */
export function endWorkshop(token: string, workshopId: string): Promise<HubResult<EndWorkshopResponse>> {
  return request('endWorkshop', { token, params: { id: workshopId }, body: {} });
}
