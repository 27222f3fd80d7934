/**
 * The workshop records put together (core/analytics/workshop-records.ts): workshops grouped by
 * site and the UTC month they started, quiz answers by site, month, lesson and step with the
 * share answered wrongly, the most missed first and at most 50; the CSV with its header, titles
 * in the language asked and formula-looking titles defused.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../core/analytics/csv.js';
import { buildWorkshopRecords, missedQuestionsListed, monthOf, workshopRecordsCsvRows } from '../../../core/analytics/workshop-records.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const names = {
  siteName: (siteId: string) => ({ norte: 'Centro Norte', sur: 'Centro Sur' })[siteId] ?? siteId,
  lessonTitle: (lessonId: string) => (lessonId === 'sms' ? { es: '=¿Este SMS es de verdad?', en: 'Is this text message real?' } : null),
  stepTitle: (_lessonId: string, stepId: string) => ({ es: `Pregunta ${stepId}`, en: `Question ${stepId}` }),
};

describe('the workshop records', () => {
  it('groups workshops by site and the UTC month they started', () => {
    const records = buildWorkshopRecords(
      { from: '2026-11-01', to: '2026-12-31' },
      [
        { siteId: 'norte', startedAt: Date.parse('2026-11-30T23:59:59Z'), participants: 5, lessonsCompleted: 7 },
        { siteId: 'norte', startedAt: Date.parse('2026-12-01T00:00:00Z'), participants: 3, lessonsCompleted: 2 },
        { siteId: 'norte', startedAt: Date.parse('2026-12-15T10:00:00Z'), participants: 4, lessonsCompleted: 0 },
        { siteId: 'sur', startedAt: Date.parse('2026-12-02T10:00:00Z'), participants: 1, lessonsCompleted: 1 },
      ],
      [],
      names,
    );
    expect(records.months).toEqual([
      { siteId: 'norte', siteName: 'Centro Norte', month: '2026-11', workshops: 1, participants: 5, lessonsCompleted: 7 },
      { siteId: 'norte', siteName: 'Centro Norte', month: '2026-12', workshops: 2, participants: 7, lessonsCompleted: 2 },
      { siteId: 'sur', siteName: 'Centro Sur', month: '2026-12', workshops: 1, participants: 1, lessonsCompleted: 1 },
    ]);
    expect(monthOf(Date.parse('2026-12-31T23:59:59Z'))).toBe('2026-12');
  });

  it('adds the days of a month together and lists the most missed first', () => {
    const records = buildWorkshopRecords(
      { from: '2026-12-01', to: '2026-12-31' },
      [],
      [
        { siteId: 'norte', day: day('2026-12-01'), lessonId: 'sms', stepId: 'a', answers: 4, wrong: 1 },
        { siteId: 'norte', day: day('2026-12-20'), lessonId: 'sms', stepId: 'a', answers: 4, wrong: 3 },
        { siteId: 'norte', day: day('2026-12-05'), lessonId: 'sms', stepId: 'b', answers: 2, wrong: 2 },
        { siteId: 'sur', day: day('2026-12-05'), lessonId: 'sms', stepId: 'b', answers: 10, wrong: 0 },
        { siteId: 'sur', day: day('2026-12-06'), lessonId: 'web', stepId: 'c', answers: 6, wrong: 3 },
      ],
      names,
    );
    expect(records.missedQuestions.map((question) => [question.siteId, question.stepId, question.answers, question.wrong, question.shareWrong])).toEqual([
      ['norte', 'b', 2, 2, 1],
      // Same share: more answers first.
      ['norte', 'a', 8, 4, 0.5],
      ['sur', 'c', 6, 3, 0.5],
      ['sur', 'b', 10, 0, 0],
    ]);
    expect(records.missedQuestions[3]?.lessonTitle).toEqual({ es: '=¿Este SMS es de verdad?', en: 'Is this text message real?' });
    expect(records.missedQuestions.find((question) => question.lessonId === 'web')?.lessonTitle).toBeNull();
  });

  it(`lists at most ${missedQuestionsListed} questions`, () => {
    const answers = Array.from({ length: 80 }, (_, index) => ({
      siteId: 'norte',
      day: day('2026-12-01'),
      lessonId: 'sms',
      stepId: `q${index}`,
      answers: 100,
      wrong: index,
    }));
    const records = buildWorkshopRecords({ from: '2026-12-01', to: '2026-12-01' }, [], answers, names);
    expect(records.missedQuestions).toHaveLength(missedQuestionsListed);
    expect(records.missedQuestions[0]?.stepId).toBe('q79');
  });

  it('writes the CSV: months, then questions, titles in the language asked, formulas defused', () => {
    const records = buildWorkshopRecords(
      { from: '2026-12-01', to: '2026-12-31' },
      [{ siteId: 'norte', startedAt: Date.parse('2026-12-03T10:00:00Z'), participants: 3, lessonsCompleted: 2 }],
      [{ siteId: 'norte', day: day('2026-12-03'), lessonId: 'sms', stepId: 'a', answers: 3, wrong: 1 }],
      names,
    );
    expect(toCsv(workshopRecordsCsvRows(records)).split('\r\n')).toEqual([
      'kind,site_id,site_name,month,workshops,participants,lessons_completed,lesson_id,lesson_title,step_id,step_title,answers,wrong,share_wrong',
      'month,norte,Centro Norte,2026-12,1,3,2,,,,,,,',
      "missed-question,norte,Centro Norte,2026-12,,,,sms,'=¿Este SMS es de verdad?,a,Pregunta a,3,1,0.333",
      '',
    ]);
    expect(toCsv(workshopRecordsCsvRows(records, 'en'))).toContain('sms,Is this text message real?,a,Question a,3,1,0.333');
  });
});
