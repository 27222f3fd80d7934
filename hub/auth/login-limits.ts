/**
 * Limits on the three sign-in routes (a volunteer's name and PIN, staff's e-mail and password, a
 * PIN typed at a kiosk), before any account is reached: the account lock (account-lock.ts) stops
 * guessing one account; these stop one address from guessing many, and from locking everyone out.
 *
 * - Failed sign-ins per address (wrong or locked, counted while still being checked, given back
 *   when right): 10 in 15 minutes, so one address locks at most two accounts (five names × five
 *   PINs used to lock five) while a library's volunteers behind one address have room for typos.
 * - Sign-ins per address, of any outcome (@fastify/rate-limit): 100 in 15 minutes, plenty for a
 *   shift change, and a bound on the hashing one address can ask for.
 * - Sign-ins per account name (@fastify/rate-limit): 20 in 15 minutes, so a flood at one name from
 *   many addresses stops at the door, before the database.
 *
 * Only these routes are limited: kiosks behind one NAT share an address, and nothing else they
 * do should count against it. Counts are kept in this hub's memory; the lock that must hold
 * across hubs is in the database. Past a limit the answer is 429 with plain words and
 * Retry-After; a name with no account is limited exactly like a real one.
 */
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { HubError } from '../http/hub-error.js';
import { volunteerNameKey } from './login.js';

/** The sign-in limits of one hub. */
export interface LoginLimits {
  /** Failed sign-ins from one address in a window, those still being checked included. */
  failuresPerAddress: number;
  /** Sign-ins from one address in a window, whatever their outcome. */
  requestsPerAddress: number;
  /** Sign-ins naming one account in a window, from anywhere. */
  requestsPerAccount: number;
  /** The window, in milliseconds. */
  windowMs: number;
  /**
   * How long a refusal past a limit waits before it is sent. A client looping over a few
   * connections gets one answer per connection per pause instead of thousands a second: 40
   * connections had the hub answer 9,000 refusals a second, and a sound from /audio/ waited
   * behind them (p99 94 ms). Waiting costs a timer, not the CPU.
   */
  refusalDelayMs: number;
}

/** The limits of `npm start`. */
export const defaultLoginLimits: LoginLimits = {
  failuresPerAddress: 10,
  requestsPerAddress: 100,
  requestsPerAccount: 20,
  windowMs: 15 * 60_000,
  refusalDelayMs: 1000,
};

/** Refusals waiting out their pause at once; past this many, they are sent at once (a timer each is cheap, not free). */
const maxRefusalsWaiting = 2000;

const signInRoutes = [apiRoutes.volunteerLogin, apiRoutes.staffLogin, apiRoutes.kioskVolunteerSignIn];

/** Registers the limits on the sign-in routes of `app`; call before the routes are registered. */
export async function setupLoginLimits(app: FastifyInstance, overrides: Partial<LoginLimits> = {}): Promise<void> {
  const limits = { ...defaultLoginLimits, ...overrides };
  // Not global: only the sign-in routes get these limits.
  await app.register(rateLimit, { global: false });
  const addressOf = (request: FastifyRequest): string => normalizeIP(request.ip);
  const perAddress = app.createRateLimit({ max: limits.requestsPerAddress, timeWindow: limits.windowMs, keyGenerator: addressOf });
  const perAccount = app.createRateLimit({ max: limits.requestsPerAccount, timeWindow: limits.windowMs, keyGenerator: (request) => accountOf(request) ?? '' });
  const failures = failureWindow(limits.failuresPerAddress, limits.windowMs);
  const counted = new WeakMap<FastifyRequest, string>();
  const refuse = slowRefusals(limits.refusalDelayMs, maxRefusalsWaiting);

  // The address limits run before the body is read (a flood of sign-ins is refused at the cost
  // of a header read); the account limit needs the body's name or e-mail, so it runs after.
  app.addHook('onRequest', async (request, reply) => {
    if (!isSignIn(request)) return;
    const address = addressOf(request);
    const byAddress = await perAddress(request);
    if (!byAddress.isAllowed && byAddress.isExceeded) return refuse(tooMany(reply, byAddress.ttl, 'Too many sign-ins from this network.'));
    const failing = failures.take(address, Date.now());
    if (failing.refusedForMs !== undefined) return refuse(tooMany(reply, failing.refusedForMs, 'Too many failed sign-ins from this network.'));
    counted.set(request, address);
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!counted.has(request) || accountOf(request) === undefined) return;
    const byAccount = await perAccount(request);
    if (!byAccount.isAllowed && byAccount.isExceeded) return refuse(tooMany(reply, byAccount.ttl, 'Too many sign-ins for this name.'));
  });
  // A sign-in that did not fail (right, or refused for a reason that is not a wrong secret) gives its place back.
  app.addHook('onResponse', async (request, reply) => {
    const address = counted.get(request);
    if (address === undefined) return;
    counted.delete(request);
    if (reply.statusCode !== 401 && reply.statusCode !== 423) failures.giveBack(address);
  });
}

function isSignIn(request: FastifyRequest): boolean {
  return signInRoutes.some((spec) => spec.method === request.method && spec.path === request.routeOptions.url);
}

/** The account a sign-in names, whether or not it exists: a name at a site, an e-mail, or a kiosk's call. */
function accountOf(request: FastifyRequest): string | undefined {
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const params = (request.params ?? {}) as Record<string, unknown>;
  if (request.routeOptions.url === apiRoutes.volunteerLogin.path && typeof body['siteId'] === 'string' && typeof body['name'] === 'string')
    // NFC as the contract's schema makes it, so "Ana" typed in two Unicode forms is one account here too.
    return `volunteer:${body['siteId']}:${volunteerNameKey(body['name'].normalize('NFC'))}`;
  if (request.routeOptions.url === apiRoutes.staffLogin.path && typeof body['email'] === 'string') return `staff:${body['email'].toLowerCase()}`;
  if (request.routeOptions.url === apiRoutes.kioskVolunteerSignIn.path && typeof params['id'] === 'string') return `call:${params['id']}`;
  return undefined;
}

function tooMany(reply: { header(name: string, value: string): unknown }, ms: number, what: string): HubError {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  reply.header('retry-after', String(Math.ceil(ms / 1000)));
  return new HubError(429, `${what} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, undefined, { code: 'too-many-sign-ins', minutes });
}

/** Throws `error` after `delayMs`, or at once while `maxWaiting` refusals already wait. */
function slowRefusals(delayMs: number, maxWaiting: number): (error: HubError) => Promise<never> {
  let waiting = 0;
  return async (error) => {
    if (delayMs > 0 && waiting < maxWaiting) {
      waiting += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs)).finally(() => (waiting -= 1));
    }
    throw error;
  };
}

/**
 * Failures per address in fixed windows. A place is taken when a sign-in starts (so attempts
 * arriving together cannot all pass) and given back when it did not fail.
 */
function failureWindow(max: number, windowMs: number) {
  const windows = new Map<string, { count: number; endsAt: number }>();
  return {
    take(address: string, now: number): { refusedForMs?: number } {
      if (windows.size > 10_000) for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
      let window = windows.get(address);
      if (!window || window.endsAt <= now) {
        window = { count: 0, endsAt: now + windowMs };
        windows.set(address, window);
      }
      if (window.count >= max) return { refusedForMs: window.endsAt - now };
      window.count += 1;
      return {};
    },
    giveBack(address: string): void {
      const window = windows.get(address);
      if (window && window.count > 0) window.count -= 1;
    },
  };
}
