/**
 * The lock on guessing workshop join codes. A code is 4 digits (9,000 of them) while few
 * workshops run at a site, so without a limit a kiosk, or anyone holding a kiosk's token, could
 * sweep them all in minutes and sit in a workshop it was never invited to. Wrong codes are
 * counted in the database (`sign_in_attempts`, with the sign-ins' counter and verdict from
 * auth/account-lock.ts), so a hub restart or a second hub on the same database resets nothing.
 *
 * - Per kiosk: 5 wrong codes in a run (a run ends after 10 minutes with no attempt) lock that
 *   kiosk's joining for 5 minutes. A senior who misreads or mistypes a code rarely misses more
 *   than two or three times; 5 minutes is as long as the volunteer needs to walk over and read
 *   the code out, and short enough not to spoil the workshop. One kiosk can try at most about
 *   5 codes every 5 minutes: 60 an hour, 1 in 75 of the 4-digit codes per running workshop.
 * - Per site: 50 wrong codes in a run from all its kiosks lock joining at the whole site for
 *   20 minutes, so many kiosks together cannot sweep: at most about 150 codes an hour however
 *   many kiosks try (3 % of the codes over a two-hour workshop). 50 is ten kiosks each locked
 *   once; a full room of 40 seniors slipping once or twice each stays under it, because a
 *   kiosk's count is only added to the site's while the kiosk itself is not locked.
 *
 * Every attempt is counted before its code is looked at (attempts arriving together cannot all
 * pass), and while locked no code is looked at, the right one included: otherwise "refused"
 * versus "joined" would go on telling a sweeper which code is right. A right code (or an attempt
 * refused for another reason, such as a full workshop) gives its place back; it does not clear
 * the wrong ones before it, so knowing one code does not buy more guesses at another.
 *
 * Nobody but the hub's log learns of a lock (a line naming the kiosk or the site, never a code):
 * it is not the trainer's business and there is nothing staff must do.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { joinCodeLockMaxMinutes } from '../../core/protocol/workshop-states.js';
import type { KioskPrincipal } from '../auth/principal.js';
import { judgeAttempt, keyedAttempts, type AttemptRule, type KeyedAttemptCounter } from '../auth/account-lock.js';
import type { HubDatabase } from '../db/schema.js';
import { HubError } from '../http/hub-error.js';

/** The kiosk's rule: 5 wrong codes, ten quiet minutes end a run, locked for 5 minutes. */
export const kioskJoinRule: AttemptRule = { maxWrong: 5, lockMs: 5 * 60_000, quietMs: 10 * 60_000 };

/**
 * The site's ceiling over all its kiosks: 50 wrong codes, ten quiet minutes end a run, locked for
 * 20 minutes, the longest wait the kiosk has spoken sentences for (joinCodeLockMaxMinutes).
 */
export const siteJoinRule: AttemptRule = { maxWrong: 50, lockMs: joinCodeLockMaxMinutes * 60_000, quietMs: 10 * 60_000 };

/** The refusal while joining is locked: a stable code, plain words and the minutes left. */
export function joinCodeLocked(minutes: number): HubError {
  const wait = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new HubError(429, `Too many wrong workshop codes. Ask the trainer for the code and try again in ${wait}.`, 'code', {
    code: 'join-code-locked',
    minutes,
  });
}

/** One join attempt, counted and let through: tell it how the code turned out. */
export interface JoinAttempt {
  /** The code was wrong (no running workshop of the site has it): counted, and maybe locking. */
  wrong(): Promise<void>;
  /** The code was right, or the join was refused for a reason that is not a wrong code: the place is given back. */
  notWrong(): Promise<void>;
}

/** The join-code lock of one database; `log` hears of each lock. */
export class JoinCodeLock {
  constructor(
    private readonly db: Kysely<HubDatabase>,
    private readonly log: FastifyBaseLogger | undefined,
  ) {}

  /**
   * Counts an attempt by `kiosk` at `now`, before its code is looked at; throws the refusal while
   * the kiosk or its site is locked (or an attempt races past a limit).
   */
  async admit(kiosk: KioskPrincipal, now: number): Promise<JoinAttempt> {
    const byKiosk = keyedAttempts(this.db, `join-code-kiosk:${kiosk.kioskId}`, kioskJoinRule);
    const kioskWho = { kioskId: kiosk.kioskId, siteId: kiosk.siteId };
    const kioskCount = await this.pass(byKiosk, kioskJoinRule, now, kioskWho);
    const bySite = keyedAttempts(this.db, `join-code-site:${kiosk.siteId}`, siteJoinRule);
    let siteCount: number;
    try {
      siteCount = await this.pass(bySite, siteJoinRule, now, { siteId: kiosk.siteId });
    } catch (error) {
      // Never looked at: it must not bring this kiosk nearer its own lock.
      await byKiosk.giveBack();
      throw error;
    }
    return {
      wrong: async () => {
        const kioskLocked = await this.lockAtLimit(byKiosk, kioskCount, kioskJoinRule, now, kioskWho);
        const siteLocked = await this.lockAtLimit(bySite, siteCount, siteJoinRule, now, { siteId: kiosk.siteId });
        if (kioskLocked || siteLocked) throw joinCodeLocked((kioskLocked ? kioskJoinRule : siteJoinRule).lockMs / 60_000);
      },
      notWrong: async () => {
        await byKiosk.giveBack();
        await bySite.giveBack();
      },
    };
  }

  /** Counts the attempt on `counter` and returns the run's count with it; throws the refusal when it may not be checked. */
  private async pass(counter: KeyedAttemptCounter, rule: AttemptRule, now: number, who: LockedWho): Promise<number> {
    const counted = await counter.count(now);
    const verdict = judgeAttempt(counted, now, rule);
    if (verdict.check) return counted.failed;
    if (verdict.lockNow && (await counter.lock(now + rule.lockMs, now))) this.report(who, now + rule.lockMs);
    throw joinCodeLocked(verdict.minutes);
  }

  /** After a wrong code that was the run's `counted`-th attempt: locks at the limit; true if it is locked now. */
  private async lockAtLimit(counter: KeyedAttemptCounter, counted: number, rule: AttemptRule, now: number, who: LockedWho): Promise<boolean> {
    if (counted < rule.maxWrong) return false;
    if (await counter.lock(now + rule.lockMs, now)) this.report(who, now + rule.lockMs);
    return true;
  }

  private report(who: LockedWho, until: number): void {
    // Which kiosk or site, and until when; never a code tried (the log is read by more people than the codes should reach).
    this.log?.warn(
      { joinCodeLock: { ...who, until } },
      `workshop joining locked after too many wrong codes ${who.kioskId ? `at kiosk ${who.kioskId}` : `at site ${who.siteId}`}`,
    );
  }
}

interface LockedWho {
  kioskId?: string;
  siteId: string;
}
