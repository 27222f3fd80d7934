/**
 * The help queue of one hub, as the routes and the realtime endpoint use it: the commands
 * (call-commands.ts: every change, each a transaction announced once committed), the read
 * models (call-read-models.ts: a call as a kiosk and as each volunteer sees it) and, under the
 * commands, the offer policy (core/help-call/offer-policy.ts: who a call goes to, when it escalates).
 */
import type { Kysely } from 'kysely';
import type { CallOutcome } from '../../core/help-call/states.js';
import type { CreateCallRequest, KioskCallView, VolunteerCallView } from '../../core/protocol/http.js';
import type { KioskPrincipal, VolunteerPrincipal } from '../auth/principal.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { HubMetrics } from '../metrics/metrics.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import { CallCommands } from './call-commands.js';
import { CallReadModels } from './call-read-models.js';

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

type Volunteer = Pick<VolunteerPrincipal, 'volunteerId' | 'siteId'>;

/** The help queue of one hub process: its commands and read models behind one object. */
export class HelpQueue {
  private readonly reads: CallReadModels;
  private readonly commands: CallCommands;

  constructor(deps: QueueDependencies) {
    this.reads = new CallReadModels(deps);
    this.commands = new CallCommands(deps, this.reads);
  }

  /** Asks for a volunteer (idempotent; an open call is returned rather than a second made). */
  createCall(kiosk: KioskPrincipal, request: CreateCallRequest): Promise<{ callId: string; created: boolean }> {
    return this.commands.createCall(kiosk, request);
  }

  /** The senior changed their mind. */
  cancelCall(kiosk: KioskPrincipal, callId: string): Promise<void> {
    return this.commands.cancelCall(kiosk, callId);
  }

  /** The volunteer's availability switch; becoming available picks up calls still waiting. */
  setAvailability(volunteer: VolunteerPrincipal, available: boolean): Promise<void> {
    return this.commands.setAvailability(volunteer, available);
  }

  /** "Voy para allá": the first volunteer to accept gets the call. */
  acceptCall(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    return this.commands.acceptCall(volunteer, callId);
  }

  /** "He llegado". */
  arriveAtCall(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    return this.commands.arriveAtCall(volunteer, callId);
  }

  /** "Resuelto", with how it ended. */
  resolveCall(volunteer: VolunteerPrincipal, callId: string, outcome: CallOutcome): Promise<void> {
    return this.commands.resolveCall(volunteer, callId, outcome);
  }

  /** "Tomar el control del quiosco": tells the call's kiosk to ask for this volunteer's PIN. */
  requestTakeOver(volunteer: VolunteerPrincipal, callId: string): Promise<void> {
    return this.commands.requestTakeOver(volunteer, callId);
  }

  /** The volunteer who holds one of this kiosk's calls now: the only one whose PIN it may ask for. */
  callHolder(kiosk: KioskPrincipal, callId: string): Promise<string> {
    return this.commands.callHolder(kiosk, callId);
  }

  /** Escalates calls nobody accepted in time and expires calls left open far too long. */
  sweep(): Promise<void> {
    return this.commands.sweep();
  }

  /** The kiosk's current call, or null when none. */
  kioskView(kioskId: string, siteId: string): Promise<KioskCallView | null> {
    return this.reads.kioskView(kioskId, siteId);
  }

  /** The kiosk views of every kiosk of a site that has a call to show, by kiosk id. */
  kioskViewsForSite(siteId: string): Promise<Map<string, KioskCallView>> {
    return this.reads.kioskViewsForSite(siteId);
  }

  /** Everything a volunteer's console lists. */
  volunteerViews(volunteer: Volunteer): Promise<VolunteerCallView[]> {
    return this.reads.volunteerViews(volunteer);
  }

  /** One call as a volunteer sees it. */
  volunteerView(volunteer: Volunteer, callId: string): Promise<VolunteerCallView | undefined> {
    return this.reads.volunteerView(volunteer, callId);
  }

  /** Whether a volunteer is switched to available. */
  isAvailable(volunteerId: string): Promise<boolean> {
    return this.reads.isAvailable(volunteerId);
  }
}
