/**
 * What the trainer's workshop page asks of the hub, whoever the trainer is: a volunteer at the
 * site they signed in for (renderer/volunteer/workshop/workshop-api.ts) or a member of staff at
 * the site they chose (renderer/staff/workshops/staff-trainer-api.ts). The page and its parts call
 * only this, so both consoles show the same page; each console's calls word their own failures
 * in their own language.
 */
import type { TFunction } from 'i18next';
import type { EndWorkshopResponse, LessonPlace, TrainerWorkshopResponse, TrainerWorkshopsResponse, WorkshopLesson } from '../../../core/protocol/workshop.js';

/** A failed call, said in words in the console's language; `sessionEnded` asks the console to sign in again. */
export type TrainerFailure = (t: TFunction) => { message: string; sessionEnded: boolean };

/** The outcome of a trainer's call. */
export type TrainerResult<T> = { ok: true; value: T } | { ok: false; failure: TrainerFailure };

/** What a trainer does to a running workshop. */
export type WorkshopCommand =
  | { action: 'follow'; target: LessonPlace | null }
  | { action: 'pause'; message: string }
  | { action: 'resume' }
  | { action: 'answer-hand'; seat: number };

/** A trainer's calls, bound to their session (and, for staff, to the site they chose). */
export interface TrainerApi {
  /** The lessons a workshop can offer: published practice procedures. */
  fetchLessons(): Promise<TrainerResult<WorkshopLesson[]>>;
  /** The running workshops this trainer may lead at the site. */
  fetchWorkshops(): Promise<TrainerResult<TrainerWorkshopsResponse>>;
  /** Starts a workshop with these lessons, in this order. */
  start(lessonIds: string[]): Promise<TrainerResult<TrainerWorkshopResponse>>;
  /** Sends a command; answers with the workshop as it now is. */
  command(workshopId: string, command: WorkshopCommand): Promise<TrainerResult<TrainerWorkshopResponse>>;
  /** Ends the workshop: every participant's kiosk goes back to normal; the answer is counts only. */
  end(workshopId: string): Promise<TrainerResult<EndWorkshopResponse>>;
}
