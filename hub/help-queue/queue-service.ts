/**
 * The help queue: every command on a help call, each one a database transaction whose UPDATE
 * only matches the states the state machine allows (so two volunteers tapping "accept" together
 * cannot both win: exactly one UPDATE finds the call still unaccepted). The change is announced
 * only once committed (see change-feed.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { activeStates, stateAfter, statesAllowing, unacceptedStates, type CallAction, type CallOutcome, type CallState } from '../../core/help-call/states.js';
import type { CreateCallRequest, KioskCallView, VolunteerCallView } from '../../core/protocol/http.js';
import type { KioskPrincipal, VolunteerPrincipal } from '../auth/principal.js';
import type { ChangeFeed, SiteChange } from '../db/change-feed.js';
import type { CallsTable, HubDatabase } from '../db/schema.js';
import { HubError, notFound } from '../http/hub-error.js';
import type { HubMetrics } from '../metrics/metrics.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { callRow, siteCallRows, type CallRow } from './call-rows.js';
import { firstName, kioskCallView, volunteerCallView } from './views.js';

/** The states in which a volunteer holds a call: on the way, or with the senior. */
const heldStates: readonly CallState[] = ['accepted', 'arrived'];

/** What the queue needs from the rest of the hub; the clock and ids are passed in so tests control them. */
export interface QueueDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  catalog: ProcedureCatalog;
  metrics: HubMetrics;
  now: () => number;
  newId: () => string;
  /** A call still open after this long is expired by the sweep. */
  expireAfterMs: number;
}

/** Which timestamp column each action stamps. */
const stampColumn: Record<CallAction, keyof CallsTable> = {
  offer: 'offered_at',
  accept: 'accepted_at',
  arrive: 'arrived_at',
  resolve: 'resolved_at',
  cancel: 'cancelled_at',
  escalate: 'escalated_at',
  expire: 'expired_at',
};

/** The help queue of one hub process. */
export class HelpQueue {
  constructor(private readonly deps: QueueDependencies) {}

  /**
   * Asks for a volunteer. The same idempotency key (a retry, a reconnect) returns the call
   * already made, and a kiosk with a call still open gets that call back instead of a second one.
   */
  async createCall(kiosk: KioskPrincipal, request: CreateCallRequest): Promise<{ callId: string; created: boolean }> {
    const existing = await this.findReusableCall(kiosk.kioskId, request.idempotencyKey);
    if (existing) return { callId: existing, created: false };
    const now = this.deps.now();
    const callId = this.deps.newId();
    try {
      await this.inTransaction({ siteId: kiosk.siteId, callId }, async (trx) => {
        await trx
          .insertInto('calls')
          .values({
            id: callId,
            site_id: kiosk.siteId,
            kiosk_id: kiosk.kioskId,
            idempotency_key: request.idempotencyKey,
            procedure_id: request.procedureId,
            procedure_version: request.procedureVersion ?? null,
            step_id: request.stepId,
            language: request.language,
            state: 'waiting',
            volunteer_id: null,
            outcome: null,
            created_at: now,
            offered_at: null,
            accepted_at: null,
            arrived_at: null,
            resolved_at: null,
            cancelled_at: null,
            escalated_at: null,
            expired_at: null,
            updated_at: now,
          })
          .execute();
        const volunteers = await this.eligibleVolunteers(trx, kiosk.siteId, request.language);
        await this.offer(trx, callId, volunteers, now);
      });
    } catch (error) {
      // Two retries raced past the first look: the database kept one; return it.
      const raced = await this.findReusableCall(kiosk.kioskId, request.idempotencyKey);
      if (raced) return { callId: raced, created: false };
      throw error;
    }
    this.deps.metrics.callCreated();
    return { callId, created: true };
  }

  /** The senior changed their mind. */
  async cancelCall(kiosk: KioskPrincipal, callId: string): Promise<void> {
    const call = await this.deps.db.selectFrom('calls').select(['id', 'kiosk_id', 'state']).where('id', '=', callId).executeTakeFirst();
    if (!call || call.kiosk_id !== kiosk.kioskId) throw notFound('This call');
    if (call.state === 'cancelled') return;
    const done = await this.transition(kiosk.siteId, callId, 'cancel', { kioskId: kiosk.kioskId });
    if (!done) throw new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
  }

  /** The volunteer's availability switch; becoming available picks up calls still waiting. */
  async setAvailability(volunteer: VolunteerPrincipal, available: boolean): Promise<void> {
    // A switch to what it already is changes nothing (waiting calls were offered when it became available).
    if ((await this.isAvailable(volunteer.volunteerId)) === available) return;
    const now = this.deps.now();
    await this.inTransaction({ siteId: volunteer.siteId, volunteerId: volunteer.volunteerId }, async (trx) => {
      await trx
        .updateTable('volunteers')
        .set({ available: available ? 1 : 0 })
        .where('id', '=', volunteer.volunteerId)
        .execute();
      if (!available) return;
      const open = await trx
        .selectFrom('calls')
        .select(['id', 'language'])
        .where('site_id', '=', volunteer.siteId)
        .where('state', 'in', unacceptedStates)
        .execute();
      for (const call of open) {
        const eligible = await this.eligibleVolunteers(trx, volunteer.siteId, call.language);
        if (eligible.includes(volunteer.volunteerId)) await this.offer(trx, call.id, [volunteer.volunteerId], now);
      }
    });
  }

  /** "Voy para allá": the first volunteer to accept gets the call; the others are told who did. */
  async acceptCall(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    const accepted = await this.transition(volunteer.siteId, callId, 'accept', { volunteerId: volunteer.volunteerId, setVolunteer: true });
    if (accepted) {
      this.deps.metrics.observeTransition('accept', (accepted.accepted_at ?? 0) - accepted.created_at);
      return;
    }
    const call = await callRow(this.deps.db, callId);
    if (!call || call.site_id !== volunteer.siteId) throw notFound('This call');
    if (call.state === 'accepted' || call.state === 'arrived') {
      if (call.volunteer_id === volunteer.volunteerId) throw new HubError(409, 'You have already accepted this call.', undefined, { code: 'already-accepted' });
      const by = call.volunteer_name ?? 'Another volunteer';
      throw new HubError(409, `${by} has already taken this call.`, undefined, { code: 'call-taken', by });
    }
    throw new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
  }

  /** "He llegado". */
  async arriveAtCall(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    const arrived = await this.transition(volunteer.siteId, callId, 'arrive', { volunteerId: volunteer.volunteerId, ownOnly: true });
    if (!arrived) throw await this.refusal(volunteer, callId, 'arrive');
    this.deps.metrics.observeTransition('arrive', (arrived.arrived_at ?? 0) - (arrived.accepted_at ?? arrived.created_at));
  }

  /** "Resuelto", with how it ended. */
  async resolveCall(volunteer: VolunteerPrincipal, callId: string, outcome: CallOutcome): Promise<void> {
    const resolved = await this.transition(volunteer.siteId, callId, 'resolve', { volunteerId: volunteer.volunteerId, ownOnly: true, outcome });
    if (!resolved) throw await this.refusal(volunteer, callId, 'resolve');
    this.deps.metrics.observeTransition('resolve', (resolved.resolved_at ?? 0) - resolved.created_at);
  }

  /**
   * "Tomar el control del quiosco": the volunteer who holds a call (accepted or arrived) asks its
   * kiosk for their PIN. Nothing is stored; the request is announced once the call is read again
   * inside the transaction (so a call closed meanwhile announces nothing), and only that kiosk is told.
   */
  async requestTakeOver(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    const call = await callRow(this.deps.db, callId);
    if (!call || call.site_id !== volunteer.siteId) throw notFound('This call');
    if (call.volunteer_id !== volunteer.volunteerId)
      throw new HubError(403, 'Only the volunteer who accepted this call can do that.', undefined, { code: 'not-your-call' });
    if (!heldStates.includes(call.state as CallState)) throw new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
    const change: SiteChange = {
      siteId: call.site_id,
      takeOver: { kioskId: call.kiosk_id, callId, volunteerName: firstName(call.volunteer_name ?? volunteer.name) },
    };
    await this.inTransaction(change, async (trx) => {
      const still = await trx
        .selectFrom('calls')
        .select('id')
        .where('id', '=', callId)
        .where('volunteer_id', '=', volunteer.volunteerId)
        .where('state', 'in', heldStates)
        .executeTakeFirst();
      if (!still) throw new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
    });
  }

  /**
   * The volunteer who holds one of this kiosk's calls now (accepted or arrived): the only one
   * whose PIN the kiosk may ask for. Refused for another kiosk's call, or a call nobody holds.
   */
  async callHolder(kiosk: KioskPrincipal, callId: string): Promise<string> {
    const call = await this.deps.db.selectFrom('calls').select(['kiosk_id', 'state', 'volunteer_id']).where('id', '=', callId).executeTakeFirst();
    // Another kiosk's call is as unknown to this one as a call that does not exist.
    if (!call || call.kiosk_id !== kiosk.kioskId) throw notFound('This call');
    if (heldStates.includes(call.state as CallState) && call.volunteer_id !== null) return call.volunteer_id;
    if (activeStates.includes(call.state as CallState))
      throw new HubError(409, 'No volunteer has accepted this call yet.', undefined, { code: 'not-accepted' });
    throw new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
  }

  /**
   * Escalates calls nobody accepted within their site's limit, and expires calls left open far
   * too long. Every hub runs it; each UPDATE matches a call only once, so each call moves once.
   */
  async sweep(): Promise<void> {
    const now = this.deps.now();
    const overdue = await this.deps.db
      .selectFrom('calls')
      .innerJoin('sites', 'sites.id', 'calls.site_id')
      .select(['calls.id', 'calls.site_id', 'calls.created_at', 'sites.escalation_seconds'])
      .where('calls.state', 'in', statesAllowing('escalate'))
      .execute();
    for (const call of overdue) {
      if (call.created_at + call.escalation_seconds * 1000 > now) continue;
      const escalated = await this.transition(call.site_id, call.id, 'escalate', {}, { escalated: true });
      if (escalated) this.deps.metrics.callEscalated();
    }
    const stale = await this.deps.db
      .selectFrom('calls')
      .select(['id', 'site_id'])
      .where('state', 'in', activeStates)
      .where('created_at', '<', now - this.deps.expireAfterMs)
      .execute();
    for (const call of stale) await this.transition(call.site_id, call.id, 'expire', {});
  }

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

  private async findReusableCall(kioskId: string, idempotencyKey: string): Promise<string | undefined> {
    const same = await this.deps.db
      .selectFrom('calls')
      .select('id')
      .where('kiosk_id', '=', kioskId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    if (same) return same.id;
    const open = await this.deps.db
      .selectFrom('calls')
      .select('id')
      .where('kiosk_id', '=', kioskId)
      .where('state', 'in', activeStates)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return open?.id;
  }

  /**
   * Volunteers a new call goes to: the available volunteers of the site who speak the senior's
   * language, or every available volunteer of the site when none does.
   */
  private async eligibleVolunteers(trx: Transaction<HubDatabase>, siteId: string, language: string): Promise<string[]> {
    const available = await trx
      .selectFrom('volunteers')
      .innerJoin('volunteer_sites', 'volunteer_sites.volunteer_id', 'volunteers.id')
      .select(['volunteers.id', 'volunteers.languages'])
      .where('volunteer_sites.site_id', '=', siteId)
      .where('volunteers.available', '=', 1)
      .execute();
    const speakers = available.filter((volunteer) => (JSON.parse(volunteer.languages) as string[]).includes(language));
    return (speakers.length > 0 ? speakers : available).map((volunteer) => volunteer.id);
  }

  private async offer(trx: Transaction<HubDatabase>, callId: string, volunteerIds: readonly string[], now: number): Promise<void> {
    if (volunteerIds.length === 0) return;
    await trx
      .insertInto('call_offers')
      .values(volunteerIds.map((volunteerId) => ({ call_id: callId, volunteer_id: volunteerId, offered_at: now })))
      .onConflict((conflict) => conflict.columns(['call_id', 'volunteer_id']).doNothing())
      .execute();
    await trx
      .updateTable('calls')
      .set({ state: 'offered', offered_at: now, updated_at: now })
      .where('id', '=', callId)
      .where('state', 'in', statesAllowing('offer'))
      .execute();
  }

  /**
   * Moves a call with one conditional UPDATE, committed and then announced. Returns the updated
   * call, or undefined when the call was not in a state (or not owned as) the action requires.
   */
  private async transition(
    siteId: string,
    callId: string,
    action: CallAction,
    options: { volunteerId?: string; setVolunteer?: boolean; ownOnly?: boolean; kioskId?: string; outcome?: CallOutcome },
    announce: Partial<SiteChange> = {},
  ): Promise<CallsTable | undefined> {
    const now = this.deps.now();
    const target = stateAfter(action);
    return this.inTransaction({ siteId, callId, ...announce }, async (trx) => {
      let update = trx
        .updateTable('calls')
        .set({
          state: target,
          [stampColumn[action]]: now,
          updated_at: now,
          ...(options.setVolunteer ? { volunteer_id: options.volunteerId ?? null } : {}),
          ...(options.outcome ? { outcome: options.outcome } : {}),
        })
        .where('id', '=', callId)
        .where('site_id', '=', siteId)
        .where('state', 'in', statesAllowing(action));
      if (options.ownOnly) update = update.where('volunteer_id', '=', options.volunteerId ?? '');
      if (options.kioskId) update = update.where('kiosk_id', '=', options.kioskId);
      const updated = await update.returningAll().executeTakeFirst();
      // Nothing moved: roll back so nothing is announced.
      if (!updated) throw new NothingChanged();
      return updated;
    }).catch((error: unknown) => {
      if (error instanceof NothingChanged) return undefined;
      throw error;
    });
  }

  private async refusal(volunteer: VolunteerPrincipal, callId: string, action: 'arrive' | 'resolve'): Promise<HubError> {
    const call = await callRow(this.deps.db, callId);
    if (!call || call.site_id !== volunteer.siteId) return notFound('This call');
    if (call.volunteer_id !== volunteer.volunteerId)
      return new HubError(403, 'Only the volunteer who accepted this call can do that.', undefined, { code: 'not-your-call' });
    if (action === 'arrive' && call.state === 'arrived') return new HubError(409, 'You have already said you arrived.', undefined, { code: 'already-arrived' });
    return new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
  }

  /** Runs `work` in a transaction that announces `change` on commit. */
  private async inTransaction<T>(change: SiteChange, work: (trx: Transaction<HubDatabase>) => Promise<T>): Promise<T> {
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const value = await work(trx);
      await this.deps.feed.announceInTransaction(trx, change);
      return value;
    });
    this.deps.feed.afterCommit(change);
    return result;
  }
}

class NothingChanged extends Error {}
