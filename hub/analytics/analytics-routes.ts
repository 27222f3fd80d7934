/**
 * The staff analytics over a date range, as JSON and as a CSV download. The database only groups
 * and counts the anonymous kiosk events and reads the help calls' times; the figures are put
 * together by `core/analytics/funnel.ts`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { analyticsCsvRows, toCsv } from '../../core/analytics/csv.js';
import { buildAnalytics, rangeBounds } from '../../core/analytics/funnel.js';
import type { AnalyticsQuery, AnalyticsResponse } from '../../core/protocol/staff-console.js';
import type { HubDatabase } from '../db/schema.js';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';

/** Dependencies of the analytics routes. */
export interface AnalyticsRouteDependencies {
  db: Kysely<HubDatabase>;
  catalog: ProcedureCatalog;
  guards: Guards;
}

/** Reads and assembles the figures of a range. */
export async function readAnalytics(db: Kysely<HubDatabase>, catalog: ProcedureCatalog, range: AnalyticsQuery): Promise<AnalyticsResponse> {
  const { start, end } = rangeBounds(range.from, range.to);
  const events = await db
    .selectFrom('kiosk_events')
    .select((eb) => ['type', 'procedure_id', 'step_id', eb.fn.countAll<number>().as('events'), eb.fn.count<number>('session_id').distinct().as('sessions')])
    .where('at', '>=', start)
    .where('at', '<', end)
    .groupBy(['type', 'procedure_id', 'step_id'])
    .execute();
  const sessions = await db
    .selectFrom('kiosk_events')
    .select((eb) => eb.fn.count<number>('session_id').distinct().as('sessions'))
    .where('at', '>=', start)
    .where('at', '<', end)
    .executeTakeFirst();
  const calls = await db
    .selectFrom('calls')
    .select(['procedure_id', 'created_at', 'accepted_at', 'arrived_at', 'escalated_at'])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .execute();
  return buildAnalytics({
    from: range.from,
    to: range.to,
    events: events.map((row) => ({
      type: row.type,
      procedureId: row.procedure_id,
      stepId: row.step_id,
      events: Number(row.events),
      sessions: Number(row.sessions),
    })),
    sessions: Number(sessions?.sessions ?? 0),
    calls: calls.map((row) => ({
      procedureId: row.procedure_id,
      createdAt: row.created_at,
      acceptedAt: row.accepted_at,
      arrivedAt: row.arrived_at,
      escalatedAt: row.escalated_at,
    })),
    outline: (procedureId) => {
      const procedure = catalog.get(procedureId);
      return procedure ? { title: procedure.title, steps: procedure.steps.map((step) => ({ id: step.id, title: step.title })) } : undefined;
    },
  });
}

/** Registers GET analytics and GET analytics.csv. */
export function setupAnalyticsRoutes(app: FastifyInstance, deps: AnalyticsRouteDependencies): void {
  route(app, deps.guards, 'staffAnalytics', async ({ query }) => readAnalytics(deps.db, deps.catalog, query));
  route(app, deps.guards, 'staffAnalyticsCsv', async ({ reply, query: range }) => {
    const analytics = await readAnalytics(deps.db, deps.catalog, range);
    // The byte-order mark makes spreadsheet programs read the accents of the titles as UTF-8.
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="paso-analytics-${range.from}-to-${range.to}.csv"`);
    return '\uFEFF' + toCsv(analyticsCsvRows(analytics));
  });
}
