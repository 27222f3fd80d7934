/**
 * The workshop records staff see (issue 18): per site and UTC month, workshops held,
 * participants and lessons completed, and the quiz questions most often answered wrongly, as
 * figures and as CSV rows. Pure: the hub's SQL only groups and counts; nothing here knows a
 * participant, and nothing it is given could name one.
 */
import type { LocalizedText } from '../procedure/schema.js';
import type { MissedQuestion, WorkshopMonthFigures, WorkshopRecordsResponse } from '../protocol/workshop.js';
import type { CsvCell } from './csv.js';

/** Most missed questions listed. */
export const missedQuestionsListed = 50;

/** One workshop as the records count it: where, when it started, and its counts. */
export interface HeldWorkshop {
  siteId: string;
  startedAt: number;
  participants: number;
  lessonsCompleted: number;
}

/** Quiz answers of one question at one site on one UTC day, as the database grouped them. */
export interface AnswerCount {
  siteId: string;
  /** Days since 1970 (UTC). */
  day: number;
  lessonId: string;
  stepId: string;
  answers: number;
  wrong: number;
}

/** What the records need besides the counts: site names, and lesson and step titles. */
export interface RecordNames {
  siteName(siteId: string): string;
  lessonTitle(lessonId: string): LocalizedText | null;
  stepTitle(lessonId: string, stepId: string): LocalizedText | null;
}

/** `YYYY-MM` of a moment (UTC). */
export function monthOf(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 7);
}

/** Assembles the records of a range from the workshops held and the grouped answers. */
export function buildWorkshopRecords(
  range: { from: string; to: string },
  held: readonly HeldWorkshop[],
  answers: readonly AnswerCount[],
  names: RecordNames,
): WorkshopRecordsResponse {
  const months = new Map<string, WorkshopMonthFigures>();
  for (const workshop of held) {
    const month = monthOf(workshop.startedAt);
    const key = `${workshop.siteId}\u0000${month}`;
    const figures = months.get(key) ?? {
      siteId: workshop.siteId,
      siteName: names.siteName(workshop.siteId),
      month,
      workshops: 0,
      participants: 0,
      lessonsCompleted: 0,
    };
    figures.workshops += 1;
    figures.participants += workshop.participants;
    figures.lessonsCompleted += workshop.lessonsCompleted;
    months.set(key, figures);
  }
  const questions = new Map<string, MissedQuestion>();
  for (const count of answers) {
    const month = monthOf(count.day * 86_400_000);
    const key = [count.siteId, month, count.lessonId, count.stepId].join('\u0000');
    const question = questions.get(key) ?? {
      siteId: count.siteId,
      month,
      lessonId: count.lessonId,
      stepId: count.stepId,
      lessonTitle: names.lessonTitle(count.lessonId),
      stepTitle: names.stepTitle(count.lessonId, count.stepId),
      answers: 0,
      wrong: 0,
      shareWrong: 0,
    };
    question.answers += count.answers;
    question.wrong += count.wrong;
    questions.set(key, question);
  }
  const missed = [...questions.values()]
    .filter((question) => question.answers > 0)
    .map((question) => ({ ...question, shareWrong: question.wrong / question.answers }))
    .sort(
      (a, b) =>
        b.shareWrong - a.shareWrong ||
        b.answers - a.answers ||
        a.month.localeCompare(b.month) ||
        a.lessonId.localeCompare(b.lessonId) ||
        a.stepId.localeCompare(b.stepId),
    )
    .slice(0, missedQuestionsListed);
  return {
    from: range.from,
    to: range.to,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.siteName.localeCompare(b.siteName)),
    missedQuestions: missed,
  };
}

/** The columns of the workshop records CSV: one table, a `kind` column telling months from questions. */
export const workshopRecordsCsvHeader = [
  'kind',
  'site_id',
  'site_name',
  'month',
  'workshops',
  'participants',
  'lessons_completed',
  'lesson_id',
  'lesson_title',
  'step_id',
  'step_title',
  'answers',
  'wrong',
  'share_wrong',
] as const;

function titleIn(text: LocalizedText | null, language: string): string | null {
  if (!text) return null;
  return text[language] ?? Object.values(text)[0] ?? null;
}

/** The records as CSV rows: the months, then the most missed questions (titles in `language`). */
export function workshopRecordsCsvRows(records: WorkshopRecordsResponse, language = 'es'): CsvCell[][] {
  const rows: CsvCell[][] = [[...workshopRecordsCsvHeader]];
  for (const month of records.months)
    rows.push([
      'month',
      month.siteId,
      month.siteName,
      month.month,
      month.workshops,
      month.participants,
      month.lessonsCompleted,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  const siteNames = new Map(records.months.map((month) => [month.siteId, month.siteName]));
  for (const question of records.missedQuestions)
    rows.push([
      'missed-question',
      question.siteId,
      siteNames.get(question.siteId) ?? null,
      question.month,
      null,
      null,
      null,
      question.lessonId,
      titleIn(question.lessonTitle, language),
      question.stepId,
      titleIn(question.stepTitle, language),
      question.answers,
      question.wrong,
      Math.round(question.shareWrong * 1000) / 1000,
    ]);
  return rows;
}
