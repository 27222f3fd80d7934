/**
 * The two measurements of the hub benchmark, both against a hub in another process:
 *  - offer latency: from just before a kiosk's POST /api/kiosk/calls is sent to the moment the
 *    last eligible volunteer console has the call as offered (one call at a time, so the hub is
 *    never saturated);
 *  - lifecycles per second: create → accept → arrive → resolve over HTTP, from a few workers at once.
 */
import { randomUUID } from 'node:crypto';
import { sleep } from './bench-processes.js';
import type { HubHttp } from './hub-bench-clients.js';
import { eligibleVolunteers, type BenchCity, type BenchSite } from './hub-bench-setup.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

/** A real procedure and a step without sensitive content, so the consoles show a title. */
const procedure = { procedureId: 'cita-previa', stepId: 'que-quiere' };

/** Languages of the latency calls, in a repeating cycle of ten: 7 × es (all eligible), 2 × en (a third), 1 × ar (nobody: all). */
const languageCycle = ['es', 'es', 'es', 'es', 'es', 'es', 'es', 'en', 'en', 'ar'] as const;

/** What the latency phase found. */
export interface OfferLatency {
  warmUp: number;
  /** POST sent → last eligible console has the call as offered (ms). */
  toLastEligible: number[];
  /** POST sent → first eligible console has it (ms). */
  toFirstEligible: number[];
  /** POST sent → the POST's answer (ms). */
  toResponse: number[];
  /** toLastEligible by language. */
  byLanguage: Map<string, number[]>;
  /** How many consoles each call had to reach, smallest and largest. */
  eligibleRange: [number, number];
  /** Calls where an eligible console was not told "offered to you", or another console was. */
  wrongOfferFlags: number;
  failures: string[];
}

/**
 * Sends `warmUp + count` calls one at a time, round-robin over the sites and their kiosks; after
 * each, waits until every volunteer console of the site has it, cancels it, waits until every
 * console has the cancellation, and pauses `gapMs`.
 */
export async function measureOfferLatency(http: HubHttp, city: BenchCity, options: { warmUp: number; count: number; gapMs: number }): Promise<OfferLatency> {
  const result: OfferLatency = {
    warmUp: options.warmUp,
    toLastEligible: [],
    toFirstEligible: [],
    toResponse: [],
    byLanguage: new Map(),
    eligibleRange: [Infinity, 0],
    wrongOfferFlags: 0,
    failures: [],
  };
  const { sites, tracker } = city;
  tracker.tracking = true;
  try {
    for (let i = 0; i < options.warmUp + options.count; i++) {
      if (result.failures.length >= 5) break;
      const round = Math.floor(i / sites.length);
      const site = sites[i % sites.length] as BenchSite;
      const kiosk = site.kiosks[round % site.kiosks.length];
      if (!kiosk) throw new Error(`site ${site.id} has no kiosks`);
      const language = languageCycle[(i + round) % languageCycle.length] ?? 'es';
      const eligible = eligibleVolunteers(site, language);
      const everyone = site.volunteers.map((volunteer) => volunteer.id);

      const start = performance.now();
      const created = await http.request<{ callId: string }>('POST', apiRoutes.kioskCalls.path, {
        token: kiosk.token,
        body: { idempotencyKey: randomUUID(), ...procedure, language },
      });
      const answered = performance.now();
      try {
        const receipts = await tracker.waitFor(created.callId, 'offered', everyone, 5000);
        let first = Infinity;
        let last = 0;
        const eligibleIds = new Set(eligible.map((volunteer) => volunteer.id));
        let wrong = false;
        for (const [volunteerId, receipt] of receipts) {
          if (eligibleIds.has(volunteerId)) {
            first = Math.min(first, receipt.at);
            last = Math.max(last, receipt.at);
            if (!receipt.offeredToMe) wrong = true;
          } else if (receipt.offeredToMe) wrong = true;
        }
        if (wrong) result.wrongOfferFlags += 1;
        if (i >= options.warmUp) {
          result.toLastEligible.push(last - start);
          result.toFirstEligible.push(first - start);
          result.toResponse.push(answered - start);
          const samples = result.byLanguage.get(language) ?? [];
          result.byLanguage.set(language, [...samples, last - start]);
          result.eligibleRange = [Math.min(result.eligibleRange[0], eligible.length), Math.max(result.eligibleRange[1], eligible.length)];
        }
      } catch (error) {
        result.failures.push(error instanceof Error ? error.message : String(error));
      }
      // Close the call so the kiosk can call again, and let every console hear of it before the next call.
      await http.request('POST', fillPath('kioskCancelCall', { id: created.callId }), { token: kiosk.token });
      await tracker
        .waitFor(created.callId, 'cancelled', everyone, 5000)
        .catch((error: unknown) => result.failures.push(error instanceof Error ? error.message : String(error)));
      tracker.forget(created.callId);
      await sleep(options.gapMs);
    }
  } finally {
    tracker.tracking = false;
  }
  return result;
}

/** What the throughput phase found. */
export interface LifecycleFigures {
  workers: number;
  completed: number;
  elapsedMs: number;
  /** Lifecycles completed in each second of the run. */
  perSecond: number[];
  /** One lifecycle's four requests, start to finish (ms). */
  durations: number[];
  /** WebSocket messages the volunteer and the kiosk sockets received during the run. */
  pushes: { volunteer: number; kiosk: number };
  errors: string[];
}

/**
 * `workers` loops, each at its own site, each running whole lifecycles back to back for
 * `durationMs`: the kiosk calls (es), one of the site's volunteers accepts, arrives and resolves.
 */
export async function measureLifecycles(http: HubHttp, city: BenchCity, options: { workers: number; durationMs: number }): Promise<LifecycleFigures> {
  const { sites, tracker } = city;
  const stride = Math.max(1, Math.floor(sites.length / options.workers));
  const figures: LifecycleFigures = {
    workers: options.workers,
    completed: 0,
    elapsedMs: 0,
    perSecond: [],
    durations: [],
    pushes: { volunteer: 0, kiosk: 0 },
    errors: [],
  };
  const before = { ...tracker.received };
  const start = performance.now();
  const deadline = start + options.durationMs;

  const worker = async (w: number): Promise<void> => {
    const site = sites[(w * stride) % sites.length] as BenchSite;
    const volunteers = eligibleVolunteers(site, 'es');
    for (let k = 0; k < 1_000_000 && performance.now() < deadline; k++) {
      const kiosk = site.kiosks[k % site.kiosks.length];
      const volunteer = volunteers[k % volunteers.length];
      if (!kiosk || !volunteer) throw new Error(`site ${site.id} has no kiosks or volunteers`);
      const began = performance.now();
      try {
        const { callId } = await http.request<{ callId: string }>('POST', apiRoutes.kioskCalls.path, {
          token: kiosk.token,
          body: { idempotencyKey: randomUUID(), ...procedure, language: 'es' },
        });
        await http.request('POST', fillPath('volunteerAccept', { id: callId }), { token: volunteer.token });
        await http.request('POST', fillPath('volunteerArrive', { id: callId }), { token: volunteer.token });
        await http.request('POST', fillPath('volunteerResolve', { id: callId }), { token: volunteer.token, body: { outcome: 'solved' } });
      } catch (error) {
        figures.errors.push(error instanceof Error ? error.message : String(error));
        if (figures.errors.length >= 10) return;
        continue;
      }
      const done = performance.now();
      figures.completed += 1;
      figures.durations.push(done - began);
      const second = Math.floor((done - start) / 1000);
      figures.perSecond[second] = (figures.perSecond[second] ?? 0) + 1;
    }
  };

  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  figures.elapsedMs = performance.now() - start;
  figures.pushes = { volunteer: tracker.received.volunteer - before.volunteer, kiosk: tracker.received.kiosk - before.kiosk };
  figures.perSecond = Array.from({ length: figures.perSecond.length }, (_, second) => figures.perSecond[second] ?? 0);
  return figures;
}
