/**
 * Every command on a help call: ask, cancel, the availability switch, accept, arrive, resolve,
 * the take-over request, and the sweep that escalates and expires. Each is a transaction that
 * announces its change once committed, and each move of a call is one conditional UPDATE
 * (call-transactions.ts); who a call goes to is the offer policy's (core/help-call/offer-policy.ts).
 */
import { escalationDue } from '../../core/help-call/offer-policy.js';
import { activeStates, statesAllowing, unacceptedStates, type CallOutcome, type CallState } from '../../core/help-call/states.js';
import type { CreateCallRequest } from '../../core/protocol/http.js';
import type { KioskPrincipal, VolunteerPrincipal } from '../auth/principal.js';
import type { SiteChange } from '../db/change-feed.js';
import { HubError, notFound } from '../http/hub-error.js';
import type { HubMetrics } from '../metrics/metrics.js';
import { offerCall, volunteersToOffer } from './call-offers.js';
import type { CallReadModels } from './call-read-models.js';
import { callRow } from './call-rows.js';
import { inTransaction, transition, type WriteDependencies } from './call-transactions.js';
import { firstName } from './views.js';

/** The states in which a volunteer holds a call: on the way, or with the senior. */
const heldStates: readonly CallState[] = ['accepted', 'arrived'];

/** What the commands need; the clock and ids are passed in so tests control them. */
export interface CommandDependencies extends WriteDependencies {
  metrics: HubMetrics;
  newId: () => string;
  /** A call still open after this long is expired by the sweep. */
  expireAfterMs: number;
}

/** The commands of the help queue. */
export class CallCommands {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly reads: Pick<CallReadModels, 'isAvailable'>,
  ) {}

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
      await inTransaction(this.deps, { siteId: kiosk.siteId, callId }, async (trx) => {
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
            mode: request.mode ?? 'touch',
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
        await offerCall(trx, callId, await volunteersToOffer(trx, kiosk.siteId, request.language), now);
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
    const done = await transition(this.deps, kiosk.siteId, callId, 'cancel', { kioskId: kiosk.kioskId });
    if (!done) throw new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
  }

  /** The volunteer's availability switch; becoming available picks up calls still waiting. */
  async setAvailability(volunteer: VolunteerPrincipal, available: boolean): Promise<void> {
    // A switch to what it already is changes nothing (waiting calls were offered when it became available).
    if ((await this.reads.isAvailable(volunteer.volunteerId)) === available) return;
    const now = this.deps.now();
    await inTransaction(this.deps, { siteId: volunteer.siteId, volunteerId: volunteer.volunteerId }, async (trx) => {
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
        const eligible = await volunteersToOffer(trx, volunteer.siteId, call.language);
        if (eligible.includes(volunteer.volunteerId)) await offerCall(trx, call.id, [volunteer.volunteerId], now);
      }
    });
  }

  /** "Voy para allá": the first volunteer to accept gets the call; the others are told who did. */
  async acceptCall(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    const accepted = await transition(this.deps, volunteer.siteId, callId, 'accept', { volunteerId: volunteer.volunteerId, setVolunteer: true });
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
    const arrived = await transition(this.deps, volunteer.siteId, callId, 'arrive', { volunteerId: volunteer.volunteerId, ownOnly: true });
    if (!arrived) throw await this.refusal(volunteer, callId, 'arrive');
    this.deps.metrics.observeTransition('arrive', (arrived.arrived_at ?? 0) - (arrived.accepted_at ?? arrived.created_at));
  }

  /** "Resuelto", with how it ended. */
  async resolveCall(volunteer: VolunteerPrincipal, callId: string, outcome: CallOutcome): Promise<void> {
    const resolved = await transition(this.deps, volunteer.siteId, callId, 'resolve', { volunteerId: volunteer.volunteerId, ownOnly: true, outcome });
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
    await inTransaction(this.deps, change, async (trx) => {
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
      if (!escalationDue(call.created_at, call.escalation_seconds, now)) continue;
      const escalated = await transition(this.deps, call.site_id, call.id, 'escalate', {}, { escalated: true });
      if (escalated) this.deps.metrics.callEscalated();
    }
    const stale = await this.deps.db
      .selectFrom('calls')
      .select(['id', 'site_id'])
      .where('state', 'in', activeStates)
      .where('created_at', '<', now - this.deps.expireAfterMs)
      .execute();
    for (const call of stale) await transition(this.deps, call.site_id, call.id, 'expire', {});
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

  private async refusal(volunteer: VolunteerPrincipal, callId: string, action: 'arrive' | 'resolve'): Promise<HubError> {
    const call = await callRow(this.deps.db, callId);
    if (!call || call.site_id !== volunteer.siteId) return notFound('This call');
    if (call.volunteer_id !== volunteer.volunteerId)
      return new HubError(403, 'Only the volunteer who accepted this call can do that.', undefined, { code: 'not-your-call' });
    if (action === 'arrive' && call.state === 'arrived') return new HubError(409, 'You have already said you arrived.', undefined, { code: 'already-arrived' });
    return new HubError(409, 'This call is already closed.', undefined, { code: 'call-closed' });
  }
}
