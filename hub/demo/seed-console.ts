/**
 * Demo mode's staff console: the demo staff account owns the sample procedures, and a week of
 * made-up anonymous kiosk events fills the analytics, so the dashboards are not empty when
 * someone tries the product. Only in demo mode; the events use fixed ids, so running this at
 * every start (or on two hubs at once) adds them once.
 */
import type { Kysely } from 'kysely';
import type { Procedure } from '../../core/procedure/schema.js';
import type { HubDatabase } from '../db/schema.js';

const dayMs = 86_400_000;

/** A small deterministic generator: the demo looks the same at every start. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Gives the samples an owner and seeds demo events for the demo kiosk. */
export async function seedDemoConsole(db: Kysely<HubDatabase>, now: number, demo: { staffEmail: string; kioskId: string; siteId: string }): Promise<void> {
  const staff = await db.selectFrom('staff').select('id').where('email', '=', demo.staffEmail).executeTakeFirst();
  if (staff) await db.updateTable('procedures').set({ owner_staff_id: staff.id }).where('owner_staff_id', 'is', null).execute();

  if (await db.selectFrom('kiosk_events').select('id').where('id', 'like', 'demo-event-%').limit(1).executeTakeFirst()) return;
  const rows = await db
    .selectFrom('procedures')
    .innerJoin('procedure_versions', (join) =>
      join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'),
    )
    .select('procedure_versions.procedure_json')
    .orderBy('procedures.id')
    .execute();
  const procedures = rows.map((row) => JSON.parse(row.procedure_json) as Procedure).slice(0, 4);
  if (procedures.length === 0) return;

  const random = generator(20_260_101);
  const events: HubDatabase['kiosk_events'][] = [];
  const add = (session: string, at: number, type: string, procedureId: string, stepId: string | null): void => {
    events.push({
      id: `demo-event-${events.length + 1}`,
      kiosk_id: demo.kioskId,
      site_id: demo.siteId,
      session_id: session,
      type,
      procedure_id: procedureId,
      step_id: stepId,
      at,
    });
  };
  for (let n = 0; n < 60; n++) {
    const procedure = procedures[Math.floor(random() * procedures.length)] ?? procedures[0];
    if (!procedure) continue;
    const session = `demo-session-${String(n).padStart(4, '0')}`;
    let at = now - Math.floor(random() * 7 * dayMs) - 60 * 60_000;
    add(session, at, 'procedure-started', procedure.id, null);
    // Most seniors go a good way; some stop early, a few call for help on the way.
    const reach = Math.min(procedure.steps.length, 1 + Math.floor(random() ** 0.6 * procedure.steps.length));
    for (let index = 0; index < reach; index++) {
      const step = procedure.steps[index];
      if (!step) break;
      at += 20_000 + Math.floor(random() * 60_000);
      add(session, at, 'step-reached', procedure.id, step.id);
      if (random() < 0.06) add(session, at + 5_000, 'help-called', procedure.id, step.id);
    }
    const last = procedure.steps[reach - 1];
    if (reach === procedure.steps.length) add(session, at + 1_000, 'procedure-completed', procedure.id, null);
    else if (random() < 0.3) add(session, at + 180_000, 'idle-reset', procedure.id, last?.id ?? null);
    else add(session, at + 1_000, 'procedure-abandoned', procedure.id, last?.id ?? null);
  }
  for (let start = 0; start < events.length; start += 200) {
    await db
      .insertInto('kiosk_events')
      .values(events.slice(start, start + 200))
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }
}
