/**
 * Passwords, PINs and tokens. Passwords and PINs are hashed with scrypt (Node's built-in slow
 * KDF) and a random salt; tokens are long random strings stored only as their SHA-256, so a
 * copy of the database gives nobody a working token.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hashingGate } from './hashing-gate.js';

// N = 2^15 takes about 50 ms and 32 MB on the project's machines: slow for an attacker, fine for a login.
const cost: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

/**
 * Every scrypt of this process waits its turn here: two at a time leave two of libuv's four
 * threads for file reads, and 32 waiting is about two seconds of sign-ins. The pool is the
 * process's, so the gate is too (several hubs in one test process share it).
 */
export const hashing = hashingGate(2, 32);

function derive(secret: string, salt: Buffer, options: ScryptOptions, alwaysWait = false): Promise<Buffer> {
  return hashing.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(secret, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
    alwaysWait,
  );
}

/** Hashes a password or PIN as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  // Staff setting a PIN or password wait behind a flood of sign-ins rather than get an error.
  const key = await derive(secret, salt, cost, true);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password or PIN against its stored hash, in constant time. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: cost.maxmem });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A stored hash of nobody's secret with today's cost: checking against it costs what a real check costs.
const dummyHash = ['scrypt', cost.N, cost.r, cost.p, randomBytes(16).toString('base64url'), randomBytes(keyLength).toString('base64url')].join('$');

/**
 * Spends the time of a real check on a name that has no account, so the answer for an unknown
 * name takes as long as for a wrong PIN (402 ms against 4 ms told names apart), and is always no.
 */
export async function verifyNothing(secret: string): Promise<false> {
  await verifySecret(secret, dummyHash);
  return false;
}

/** A new random token (43 characters of base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
