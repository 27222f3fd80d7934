/**
 * A workshop's rows as its trainers and its participants see them (core/protocol/workshop.ts).
 * Pure: the rows and the published catalogue in, the views out.
 */
import type { Procedure } from '../../core/procedure/schema.js';
import type { HandState, WorkshopState } from '../../core/protocol/workshop-states.js';
import type { KioskWorkshopView, TrainerWorkshopView, WorkshopLesson, WorkshopSeat } from '../../core/protocol/workshop.js';
import { workshopSeatLimit } from '../../core/protocol/workshop-states.js';
import type { LedWorkshop } from '../../core/workshop/trainer-rules.js';
import type { WorkshopParticipantsTable, WorkshopsTable } from '../db/schema.js';

/** A lesson as the workshop row keeps it: its id and the version published when the workshop started. */
export interface StoredLesson {
  id: string;
  version: number;
}

/** Reads the lessons column. */
export function storedLessons(row: Pick<WorkshopsTable, 'lessons'>): StoredLesson[] {
  return JSON.parse(row.lessons) as StoredLesson[];
}

/** Reads a JSON list of strings (finished lessons, answered steps). */
export function storedList(text: string): string[] {
  return JSON.parse(text) as string[];
}

/** What the trainer rule (core/workshop/trainer-rules.ts) reads of a workshop's row. */
export function ledWorkshop(row: Pick<WorkshopsTable, 'site_id' | 'started_by' | 'started_by_kind'>): LedWorkshop {
  return { siteId: row.site_id, startedBy: row.started_by, startedByKind: row.started_by_kind };
}

/** Where a lesson comes from: the published catalogue. */
export type LessonSource = (id: string) => Procedure | undefined;

/** A lesson as the trainer's page lists it; a lesson no longer published keeps its id. */
export function lessonView(id: string, version: number, procedure: Procedure | undefined): WorkshopLesson {
  return {
    id,
    title: procedure?.title ?? { es: id },
    version,
    steps: (procedure?.steps ?? []).map((step) => ({ id: step.id, title: step.title })),
  };
}

/** One seat of the grid. A private step's title stays off the trainer's phone, as for help calls. */
export function seatView(participant: WorkshopParticipantsTable, lessons: LessonSource): WorkshopSeat {
  const step = participant.lesson_id && participant.step_id ? lessons(participant.lesson_id)?.steps.find((s) => s.id === participant.step_id) : undefined;
  const hand = participant.hand as HandState;
  return {
    seat: participant.seat,
    ...(participant.first_name ? { firstName: participant.first_name } : {}),
    ...(participant.lesson_id && participant.step_id
      ? {
          lessonId: participant.lesson_id,
          stepId: participant.step_id,
          stepTitle: step && !step.sensitive ? step.title : null,
          ...(participant.step_since !== null ? { stepSince: participant.step_since } : {}),
        }
      : {}),
    finishedLessons: storedList(participant.finished_lessons),
    hand,
    ...(hand !== 'down' && participant.hand_raised_at !== null ? { handRaisedAt: participant.hand_raised_at } : {}),
    ...(hand === 'answered' && participant.hand_answered_by ? { handAnsweredBy: participant.hand_answered_by } : {}),
    joinedAt: participant.joined_at,
  };
}

function followOf(row: WorkshopsTable): TrainerWorkshopView['follow'] {
  return row.follow_lesson_id && row.follow_step_id && row.follow_at !== null
    ? { lessonId: row.follow_lesson_id, stepId: row.follow_step_id, at: row.follow_at }
    : null;
}

/** The workshop as its trainers see it, seats in seat order. */
export function trainerView(row: WorkshopsTable, participants: readonly WorkshopParticipantsTable[], lessons: LessonSource): TrainerWorkshopView {
  return {
    id: row.id,
    code: row.code,
    siteId: row.site_id,
    state: row.state as WorkshopState,
    ...(row.state === 'paused' && row.pause_message ? { pauseMessage: row.pause_message } : {}),
    follow: row.state === 'ended' ? null : followOf(row),
    lessons: storedLessons(row).map((lesson) => lessonView(lesson.id, lesson.version, lessons(lesson.id))),
    startedBy: row.started_by_name,
    startedAt: row.started_at,
    seats: [...participants].sort((a, b) => a.seat - b.seat).map((participant) => seatView(participant, lessons)),
    seatLimit: workshopSeatLimit,
  };
}

/** The workshop as one participating kiosk sees it. */
export function kioskView(
  row: WorkshopsTable,
  participant: Pick<WorkshopParticipantsTable, 'seat' | 'first_name' | 'hand' | 'hand_answered_by'>,
): KioskWorkshopView {
  const hand = participant.hand as HandState;
  return {
    id: row.id,
    state: row.state as WorkshopState,
    ...(row.state === 'paused' && row.pause_message ? { pauseMessage: row.pause_message } : {}),
    follow: row.state === 'ended' ? null : followOf(row),
    lessonIds: storedLessons(row).map((lesson) => lesson.id),
    seat: participant.seat,
    ...(participant.first_name ? { firstName: participant.first_name } : {}),
    hand,
    ...(hand === 'answered' && participant.hand_answered_by ? { handAnsweredBy: participant.hand_answered_by } : {}),
    trainerName: row.started_by_name,
  };
}

/** The last word to a kiosk whose workshop ended: its seat, nothing else of it (the row is gone). */
export function endedKioskView(row: WorkshopsTable, seat: number): KioskWorkshopView {
  return kioskView({ ...row, state: 'ended' }, { seat, first_name: null, hand: 'down', hand_answered_by: null });
}
