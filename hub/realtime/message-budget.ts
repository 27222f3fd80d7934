/**
 * How much one socket may say: a token bucket per socket (a burst, then a steady rate), and how
 * many sockets one token may hold. The clients send a hello per connection, a `resync` when a
 * phone wakes and a `kiosk.status` when a kiosk downloads a catalogue and once a minute (core/protocol/hub-socket.ts,
 * kiosk-link.ts): a handful a minute. A flood of 10,000 `resync` frames on one token kept the
 * hub busy 21.8 s and `/health` waited 14.6 s; the budget cuts such a socket off after its burst.
 */

/** What a socket may send: `burst` frames at once, refilled at `perSecond`. */
export interface MessageBudget {
  burst: number;
  perSecond: number;
}

/** The hub's budget: twenty times what a legitimate client ever sends at once, two a second after that. */
export const socketMessageBudget: MessageBudget = { burst: 20, perSecond: 2 };

/**
 * Sockets one token may hold at once. A kiosk holds one and a volunteer one per open tab; four
 * leaves room for a tab or two and for a socket that vanished without a close (cut at the next
 * heartbeat) while its client already reconnected.
 */
export const maxSocketsPerToken = 4;

/**
 * A staff session's sockets: every console tab on the fleet page or an editor (whose publish
 * panel counts the kiosks live) holds one, and a clerk works with several procedures open in
 * tabs at once; at four the fifth tab's live count never arrived. Still bounded, against a stolen token.
 */
export const maxSocketsPerStaffToken = 12;

/** How many sockets a token of `role` may hold at once. */
export function socketLimitFor(role: 'kiosk' | 'volunteer' | 'staff'): number {
  return role === 'staff' ? maxSocketsPerStaffToken : maxSocketsPerToken;
}

/** A token bucket: `take()` spends one frame's token, false when none is left. */
export interface TokenBucket {
  take(): boolean;
}

/** A full bucket for `budget` on the clock `now` (milliseconds, monotonic). */
export function tokenBucket(budget: MessageBudget, now: () => number): TokenBucket {
  let tokens = budget.burst;
  let last = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(budget.burst, tokens + ((at - last) / 1000) * budget.perSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Sockets from one address that have not said hello yet. A real client says hello as soon as
 * its socket opens (the count ends at its first frame), so a library's kiosks and phones behind
 * one address have a few at most, and 64 leaves room for a large library all reconnecting at
 * once after a restart. Without a bound, one address could hold thousands of silent sockets for their 10 s each
 * (each costing memory and a timer), and open them again as fast as they were closed.
 */
export const maxWaitingSocketsPerAddress = 64;

/** Counts what each key holds now, refusing past `max`. */
export interface CountPerKey {
  /** Takes a place for `key`; false when it already holds `max`. */
  enter(key: string): boolean;
  /** Gives a place of `key` back. */
  leave(key: string): void;
}

/** A count per key that forgets a key when it holds nothing. */
export function countPerKey(max: number): CountPerKey {
  const counts = new Map<string, number>();
  return {
    enter(key) {
      const held = counts.get(key) ?? 0;
      if (held >= max) return false;
      counts.set(key, held + 1);
      return true;
    },
    leave(key) {
      const held = counts.get(key) ?? 0;
      if (held <= 1) counts.delete(key);
      else counts.set(key, held - 1);
    },
  };
}
