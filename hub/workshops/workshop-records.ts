/**
 * The workshop records for staff (issue 18), as JSON and as a CSV download: the database groups
 * and counts (workshops by their start, quiz answers by site, day, lesson and step), and
 * core/analytics/workshop-records.ts puts the figures together. No participant is in any of it.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { toCsv } from '../../core/analytics/csv.js';
import { rangeBounds } from '../../core/analytics/funnel.js';
import { buildWorkshopRecords, workshopRecordsCsvRows } from '../../core/analytics/workshop-records.js';
import type { AnalyticsQuery } from '../../core/protocol/staff-console.js';
import type { WorkshopRecordsResponse } from '../../core/protocol/workshop.js';
import type { HubDatabase } from '../db/schema.js';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';

/** Dependencies of the records routes. */
export interface WorkshopRecordsDependencies {
  db: Kysely<HubDatabase>;
  catalog: ProcedureCatalog;
  guards: Guards;
}

/** Reads and assembles the records of a range of whole UTC days. */
export async function readWorkshopRecords(db: Kysely<HubDatabase>, catalog: ProcedureCatalog, range: AnalyticsQuery): Promise<WorkshopRecordsResponse> {
  const { start, end } = rangeBounds(range.from, range.to);
  const held = await db
    .selectFrom('workshops')
    .select(['site_id', 'started_at', 'participants', 'lessons_completed'])
    .where('started_at', '>=', start)
    .where('started_at', '<', end)
    .execute();
  // Whole days since 1970: integer division on both SQLite and PostgreSQL (bigint / bigint).
  const day = sql<number>`at / 86400000`;
  const answers = await db
    .selectFrom('workshop_answers')
    .select((eb) => [
      'site_id',
      'lesson_id',
      'step_id',
      day.as('day'),
      eb.fn.countAll<number>().as('answers'),
      eb.fn.sum<number>(sql<number>`1 - correct`).as('wrong'),
    ])
    .where('at', '>=', start)
    .where('at', '<', end)
    .groupBy(['site_id', 'lesson_id', 'step_id', day])
    .execute();
  const sites = new Map((await db.selectFrom('sites').select(['id', 'name']).execute()).map((site) => [site.id, site.name]));
  return buildWorkshopRecords(
    range,
    held.map((row) => ({ siteId: row.site_id, startedAt: row.started_at, participants: row.participants, lessonsCompleted: row.lessons_completed })),
    answers.map((row) => ({
      siteId: row.site_id,
      day: Number(row.day),
      lessonId: row.lesson_id,
      stepId: row.step_id,
      answers: Number(row.answers),
      wrong: Number(row.wrong),
    })),
    {
      siteName: (siteId) => sites.get(siteId) ?? siteId,
      lessonTitle: (lessonId) => catalog.get(lessonId)?.title ?? null,
      stepTitle: (lessonId, stepId) => catalog.step(lessonId, stepId)?.title ?? null,
    },
  );
}

/** Registers GET workshop-records and GET workshop-records.csv (staff). */
export function setupWorkshopRecordsRoutes(app: FastifyInstance, deps: WorkshopRecordsDependencies): void {
  route(app, deps.guards, 'staffWorkshopRecords', async ({ query }) => readWorkshopRecords(deps.db, deps.catalog, query));
  route(app, deps.guards, 'staffWorkshopRecordsCsv', async ({ reply, query: range }) => {
    const records = await readWorkshopRecords(deps.db, deps.catalog, range);
    // The byte-order mark makes spreadsheet programs read the accents of the titles as UTF-8.
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="paso-workshops-${range.from}-to-${range.to}.csv"`);
    return '\uFEFF' + toCsv(workshopRecordsCsvRows(records));
  });
}
