/**
 * How the queue writes: every change in a database transaction that announces it on the change
 * feed once committed (change-feed.ts), and every move of a call as one conditional UPDATE that
 * only matches the states the state machine allows, so two volunteers tapping "accept" together
 * cannot both win: exactly one UPDATE finds the call still unaccepted.
 */
import type { Kysely, Transaction } from 'kysely';
import { stateAfter, statesAllowing, type CallAction, type CallOutcome } from '../../core/help-call/states.js';
import type { ChangeFeed, SiteChange } from '../db/change-feed.js';
import type { CallsTable, HubDatabase } from '../db/schema.js';

/** What the queue's writes need. */
export interface WriteDependencies {
  db: Kysely<HubDatabase>;
  feed: ChangeFeed;
  now: () => number;
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

/** Who may move the call: the volunteer it is set to or must belong to, the kiosk it must be from, and how it ended. */
export interface TransitionOptions {
  volunteerId?: string;
  setVolunteer?: boolean;
  ownOnly?: boolean;
  kioskId?: string;
  outcome?: CallOutcome;
}

/** Runs `work` in a transaction that announces `change` on commit. */
export async function inTransaction<T>(deps: WriteDependencies, change: SiteChange, work: (trx: Transaction<HubDatabase>) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const value = await work(trx);
    await deps.feed.announceInTransaction(trx, change);
    return value;
  });
  deps.feed.afterCommit(change);
  return result;
}

/**
 * Moves a call with one conditional UPDATE, committed and then announced. Returns the updated
 * call, or undefined when the call was not in a state (or not owned as) the action requires.
 */
export async function transition(
  deps: WriteDependencies,
  siteId: string,
  callId: string,
  action: CallAction,
  options: TransitionOptions,
  announce: Partial<SiteChange> = {},
): Promise<CallsTable | undefined> {
  const now = deps.now();
  const target = stateAfter(action);
  return inTransaction(deps, { siteId, callId, ...announce }, async (trx) => {
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

class NothingChanged extends Error {}
