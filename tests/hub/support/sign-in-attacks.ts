/**
 * What the sign-in attack tests share: requests sent from a chosen loopback address (Linux
 * answers on all of 127.0.0.0/8, so each address is a different client to the hub's limits),
 * each on its own connection so that parallel requests really are parallel, and volunteers made
 * through the staff API.
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { apiRoutes } from '../../../core/protocol/api-routes.js';
import { call, demoSiteId } from './test-hub.js';

/** An answer, and how long it took. */
export interface TimedAnswer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/** POSTs `body` as JSON from `from` (a loopback address) on a new connection. */
export function postFrom(baseUrl: string, route: string, body: unknown, options: { from?: string; token?: string } = {}): Promise<TimedAnswer> {
  const url = new URL(baseUrl);
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: route,
        method: 'POST',
        agent: false,
        ...(options.from ? { localAddress: options.from } : {}),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { text };
          }
          resolve({ status: response.statusCode ?? 0, body: parsed, ms: performance.now() - started });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** A volunteer's sign-in at the demo site, from `from`. */
export function volunteerSignIn(baseUrl: string, name: string, pin: string, from?: string): Promise<TimedAnswer> {
  return postFrom(baseUrl, apiRoutes.volunteerLogin.path, { siteId: demoSiteId, name, pin }, from ? { from } : {});
}

/** A staff sign-in, from `from`. */
export function staffSignIn(baseUrl: string, email: string, password: string, from?: string): Promise<TimedAnswer> {
  return postFrom(baseUrl, apiRoutes.staffLogin.path, { email, password }, from ? { from } : {});
}

/** Makes a volunteer of the demo site through the staff API. */
export async function addVolunteer(baseUrl: string, staff: string, name: string, pin: string): Promise<void> {
  const created = await call(baseUrl, 'POST', apiRoutes.createVolunteer.path, {
    token: staff,
    body: { name, pin, siteIds: [demoSiteId], languages: ['es'] },
  });
  if (created.status !== 201 && created.status !== 200) throw new Error(`could not add ${name}: ${JSON.stringify(created.body)}`);
}

/** How many answers had each status, e.g. `{ 401: 4, 423: 156 }`. */
export function statusCounts(answers: readonly { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const answer of answers) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  return counts;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `count` loopback addresses, 127.<block>.x.y, none of them 127.0.0.1. */
export function addresses(block: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `127.${block}.${Math.floor(index / 250)}.${(index % 250) + 2}`);
}
