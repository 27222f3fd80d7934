/** Reading workshops and their participants, for the views (workshop-views.ts). */
import type { Kysely, Transaction } from 'kysely';
import type { HubDatabase, WorkshopParticipantsTable, WorkshopsTable } from '../db/schema.js';

type Reader = Kysely<HubDatabase> | Transaction<HubDatabase>;

/** A workshop with its participants. */
export interface WorkshopWithSeats {
  row: WorkshopsTable;
  participants: WorkshopParticipantsTable[];
}

/** One workshop by id, or undefined. */
export async function readWorkshop(db: Reader, workshopId: string): Promise<WorkshopWithSeats | undefined> {
  const row = await db.selectFrom('workshops').selectAll().where('id', '=', workshopId).executeTakeFirst();
  if (!row) return undefined;
  const participants = await db.selectFrom('workshop_participants').selectAll().where('workshop_id', '=', workshopId).execute();
  return { row, participants };
}

/** The workshops of a site that have not ended, oldest first, with their participants. */
export async function runningWorkshopsAt(db: Reader, siteId: string): Promise<WorkshopWithSeats[]> {
  const rows = await db.selectFrom('workshops').selectAll().where('site_id', '=', siteId).where('state', '<>', 'ended').orderBy('started_at').execute();
  if (rows.length === 0) return [];
  const participants = await db
    .selectFrom('workshop_participants')
    .selectAll()
    .where(
      'workshop_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => ({ row, participants: participants.filter((participant) => participant.workshop_id === row.id) }));
}

/** The workshop a kiosk takes part in, with its own row, or undefined. */
export async function workshopOfKiosk(db: Reader, kioskId: string): Promise<{ row: WorkshopsTable; participant: WorkshopParticipantsTable } | undefined> {
  const participant = await db.selectFrom('workshop_participants').selectAll().where('kiosk_id', '=', kioskId).executeTakeFirst();
  if (!participant) return undefined;
  const row = await db.selectFrom('workshops').selectAll().where('id', '=', participant.workshop_id).executeTakeFirst();
  return row ? { row, participant } : undefined;
}
