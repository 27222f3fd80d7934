/**
 * The kiosk's workshop requests (issue 18; core/protocol/workshop.ts): join by code (with the
 * first name the senior chose to type, if any), report the step on screen, raise or lower the
 * hand, report a quiz answer as right or wrong, leave. Lesson and step ids only ever leave the
 * kiosk, never an answer. Every failure is a value: the screens decide what to say.
 */
import type { KioskWorkshopView, WorkshopAnswerRequest, WorkshopProgressRequest } from '../../../core/protocol/workshop.js';
import { readKioskWorkshopResponse } from '../../../core/protocol/kiosk-answers.js';
import { refusalCode } from '../../ui/hub-client.js';
import { kioskCall, kioskCallAnswer } from '../hub-api/kiosk-api.js';

/** What a join came to: the kiosk's seat in the workshop, the hub's refusal code (and minutes to wait, after too many wrong codes), or no answer. */
export type JoinOutcome =
  | { kind: 'joined'; view: KioskWorkshopView }
  | { kind: 'refused'; code: string | undefined; minutes?: number | undefined }
  | { kind: 'network' };

/** Joins the running workshop of `code` at the kiosk's site (again: the same seat, the name changed). */
export async function joinWorkshop(token: string, code: string, firstName: string | undefined): Promise<JoinOutcome> {
  const answer = await kioskCallAnswer('kioskJoinWorkshop', token, readKioskWorkshopResponse, {
    body: firstName === undefined ? { code } : { code, firstName },
    timeoutMs: 5000,
  });
  if (!answer.ok)
    return answer.kind === 'refused' ? { kind: 'refused', code: refusalCode(answer.body), minutes: refusalMinutes(answer.body) } : { kind: 'network' };
  return answer.value.workshop ? { kind: 'joined', view: answer.value.workshop } : { kind: 'refused', code: undefined };
}

/** The minutes a refusal names (a lock's wait), when it names a number. */
function refusalMinutes(body: unknown): number | undefined {
  return typeof body === 'object' && body !== null && 'minutes' in body && typeof body.minutes === 'number' ? body.minutes : undefined;
}

const noAnswer = (value: unknown): unknown => value;

/** Where the kiosk is now; fire and forget (the next report says it again). */
export function reportProgress(token: string, report: WorkshopProgressRequest): void {
  void kioskCall('kioskWorkshopProgress', token, noAnswer, { body: report });
}

/** A quiz answered: right or wrong only. */
export function reportQuizAnswer(token: string, report: WorkshopAnswerRequest): void {
  void kioskCall('kioskWorkshopAnswer', token, noAnswer, { body: report });
}

/** Raises or lowers the hand; the kiosk's view as it now is, or undefined. */
export async function setHand(token: string, raised: boolean): Promise<KioskWorkshopView | undefined> {
  const answer = await kioskCall('kioskWorkshopHand', token, readKioskWorkshopResponse, { body: { raised } });
  return answer?.workshop ?? undefined;
}

/** Leaves the workshop: the hub deletes the kiosk's seat and first name at once. */
export function leaveWorkshop(token: string): void {
  void kioskCall('kioskLeaveWorkshop', token, noAnswer, { body: {} });
}
