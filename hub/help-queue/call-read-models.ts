/**
 * The help queue's read models: a call as the kiosk shows it (with its place in the queue and
 * an estimated wait) and as each volunteer's console shows it (with whether it was offered to
 * them), built from the site's call rows (call-rows.ts) and views.ts.
 */
import type { Kysely } from 'kysely';
import { activeStates, type CallState } from '../../core/help-call/states.js';
import type { KioskCallView, VolunteerCallView } from '../../core/protocol/http.js';
import type { VolunteerPrincipal } from '../auth/principal.js';
import type { HubDatabase } from '../db/schema.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { callRow, siteCallRows, type CallRow } from './call-rows.js';
import { kioskCallView, volunteerCallView } from './views.js';

/** What the read models read. */
export interface ReadDependencies {
  db: Kysely<HubDatabase>;
  catalog: ProcedureCatalog;
  now: () => number;
}

/** Reads calls as kiosks and volunteers see them. */
export class CallReadModels {
  constructor(private readonly deps: ReadDependencies) {}

  /** The kiosk's current call: its open one, or the one that closed in the last minute; null when none. */
  async kioskView(kioskId: string, siteId: string): Promise<KioskCallView | null> {
    const rows = await siteCallRows(this.deps.db, siteId, this.deps.now());
    const mine = rows.filter((row) => row.kiosk_id === kioskId);
    const call = mine.find((row) => activeStates.includes(row.state as CallState)) ?? mine[mine.length - 1];
    if (!call) return null;
    return kioskCallView(call, rows, await this.kioskContext(siteId));
  }

  /** The kiosk views of every kiosk of a site that has a call to show, by kiosk id. */
  async kioskViewsForSite(siteId: string): Promise<Map<string, KioskCallView>> {
    const rows = await siteCallRows(this.deps.db, siteId, this.deps.now());
    const views = new Map<string, KioskCallView>();
    if (rows.length === 0) return views;
    const context = await this.kioskContext(siteId);
    for (const row of rows) {
      const shown = views.get(row.kiosk_id);
      // A kiosk shows its open call before any closed one.
      if (shown && activeStates.includes(shown.state)) continue;
      views.set(row.kiosk_id, kioskCallView(row, rows, context));
    }
    return views;
  }

  /** Everything a volunteer's console lists. */
  async volunteerViews(volunteer: Pick<VolunteerPrincipal, 'volunteerId' | 'siteId'>): Promise<VolunteerCallView[]> {
    const rows = await siteCallRows(this.deps.db, volunteer.siteId, this.deps.now());
    const offered = await this.offeredCallIds(volunteer.volunteerId, rows);
    return rows.map((row) => volunteerCallView(row, { volunteerId: volunteer.volunteerId, offeredToMe: offered.has(row.id) }, this.deps.catalog));
  }

  /** One call as a volunteer sees it. */
  async volunteerView(volunteer: Pick<VolunteerPrincipal, 'volunteerId' | 'siteId'>, callId: string): Promise<VolunteerCallView | undefined> {
    const row = await callRow(this.deps.db, callId);
    if (!row || row.site_id !== volunteer.siteId) return undefined;
    const offered = await this.offeredCallIds(volunteer.volunteerId, [row]);
    return volunteerCallView(row, { volunteerId: volunteer.volunteerId, offeredToMe: offered.has(row.id) }, this.deps.catalog);
  }

  /** Whether a volunteer is switched to available. */
  async isAvailable(volunteerId: string): Promise<boolean> {
    const row = await this.deps.db.selectFrom('volunteers').select('available').where('id', '=', volunteerId).executeTakeFirst();
    return row?.available === 1;
  }

  private async offeredCallIds(volunteerId: string, rows: readonly CallRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const offers = await this.deps.db
      .selectFrom('call_offers')
      .select('call_id')
      .where('volunteer_id', '=', volunteerId)
      .where(
        'call_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return new Set(offers.map((offer) => offer.call_id));
  }

  /** What a kiosk's view needs besides the calls: recent accept times (the wait estimate), who is available, where to ask in person. */
  private async kioskContext(siteId: string): Promise<{ recentAcceptSeconds: number[]; availableVolunteers: number; inPersonHelp: string }> {
    const recent = await this.deps.db
      .selectFrom('calls')
      .select(['created_at', 'accepted_at'])
      .where('site_id', '=', siteId)
      .where('accepted_at', 'is not', null)
      .orderBy('accepted_at', 'desc')
      .limit(20)
      .execute();
    const available = await this.deps.db
      .selectFrom('volunteers')
      .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('volunteer_sites.site_id', '=', siteId)
      .where('volunteers.available', '=', 1)
      .executeTakeFirst();
    const site = await this.deps.db.selectFrom('sites').select('in_person_help').where('id', '=', siteId).executeTakeFirst();
    return {
      recentAcceptSeconds: recent.map((row) => ((row.accepted_at ?? row.created_at) - row.created_at) / 1000),
      availableVolunteers: Number(available?.count ?? 0),
      inPersonHelp: site?.in_person_help ?? '',
    };
  }
}
