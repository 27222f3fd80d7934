/**
 * Demo mode's workshop records (issue 18): three made-up workshops of the last week at the demo
 * site, ended, with their counts and the right-or-wrong answers of the safety lessons' questions,
 * so the Analytics page's "Talleres" section is not empty when someone tries the product. Counts
 * only, like real records: no participant is made up, because none is ever kept. Fixed ids, so
 * running this at every start adds nothing twice.
 */
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/schema.js';
import { isUniqueViolation } from '../workshops/workshop-transactions.js';

const dayMs = 86_400_000;

/** The made-up workshops: days ago, participants, lessons completed, and per question how many answered and how many wrongly. */
const made = [
  { daysAgo: 6, participants: 8, lessonsCompleted: 11, answers: [8, 5, 8, 1, 7, 2] },
  { daysAgo: 4, participants: 6, lessonsCompleted: 9, answers: [6, 3, 6, 0, 6, 2] },
  { daysAgo: 2, participants: 10, lessonsCompleted: 14, answers: [10, 4, 9, 2, 10, 3] },
] as const;

/** The questions answered: the SMS lesson's three quizzes (answers, wrong) in `made[].answers` order. */
const questions = ['sms-banco', 'sms-hacienda', 'sms-paquete'] as const;

/** Seeds the demo site's workshop records once. */
export async function seedDemoWorkshops(db: Kysely<HubDatabase>, now: number, demo: { siteId: string; volunteerId: string }): Promise<void> {
  const id = (index: number) => `0de30000-0000-4000-8000-00000000000${index + 1}`;
  if (await db.selectFrom('workshops').select('id').where('id', '=', id(0)).executeTakeFirst()) return;
  // Two hubs starting together on one database may both get here: the loser's insert is refused whole.
  await db
    .transaction()
    .execute(async (trx) => {
      for (const [index, workshop] of made.entries()) {
        const startedAt = now - workshop.daysAgo * dayMs;
        await trx
          .insertInto('workshops')
          .values({
            id: id(index),
            site_id: demo.siteId,
            code: String(4100 + index),
            state: 'ended',
            pause_message: null,
            follow_lesson_id: null,
            follow_step_id: null,
            follow_at: null,
            lessons: JSON.stringify([
              { id: 'leccion-sms-falso', version: 1 },
              { id: 'leccion-pin-clave', version: 1 },
            ]),
            started_by: demo.volunteerId,
            started_by_name: 'Ana',
            started_by_kind: 'volunteer',
            started_at: startedAt,
            ended_at: startedAt + 90 * 60_000,
            last_activity_at: startedAt + 90 * 60_000,
            participants: workshop.participants,
            lessons_completed: workshop.lessonsCompleted,
          })
          .execute();
        const rows: HubDatabase['workshop_answers'][] = [];
        questions.forEach((stepId, question) => {
          const answered = workshop.answers[question * 2] ?? 0;
          const wrong = workshop.answers[question * 2 + 1] ?? 0;
          for (let answer = 0; answer < answered; answer += 1)
            rows.push({
              id: `${id(index)}-${stepId}-${answer}`,
              workshop_id: id(index),
              site_id: demo.siteId,
              lesson_id: 'leccion-sms-falso',
              step_id: stepId,
              correct: answer < wrong ? 0 : 1,
              at: startedAt + (20 + question * 10) * 60_000,
            });
        });
        await trx.insertInto('workshop_answers').values(rows).execute();
      }
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
    });
}
