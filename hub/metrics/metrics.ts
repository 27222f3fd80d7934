/**
 * The hub's Prometheus metrics (`/metrics`): calls by state (read from the database at scrape
 * time, so every hub of a city reports the same truth), how long volunteers take to accept, to
 * arrive and to resolve, and how many kiosks and volunteers are connected to this hub.
 */
import type { Kysely } from 'kysely';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { callStates } from '../../core/help-call/states.js';
import type { HubDatabase } from '../db/schema.js';

/** The metrics of one hub process. */
export interface HubMetrics {
  registry: Registry;
  callCreated(): void;
  callEscalated(): void;
  /** Records how long a transition took from its starting point, in milliseconds. */
  observeTransition(kind: 'accept' | 'arrive' | 'resolve', milliseconds: number): void;
  setConnected(role: 'kiosk' | 'volunteer' | 'staff', count: number): void;
}

// Seconds: a volunteer accepts within a minute or two, walks over in a few, a call lasts up to an hour.
const buckets = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** Creates the metrics, reading call counts from `db` when scraped. */
export function createHubMetrics(db: Kysely<HubDatabase>): HubMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'paso_calls',
    help: 'Help calls in the database, by state.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('calls')
        .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('state')
        .execute();
      const counts = new Map(rows.map((row) => [row.state, Number(row.count)]));
      for (const state of callStates) this.set({ state }, counts.get(state) ?? 0);
    },
  });
  const created = new Counter({ name: 'paso_calls_created_total', help: 'Help calls created through this hub.', registers: [registry] });
  const escalated = new Counter({
    name: 'paso_calls_escalated_total',
    help: 'Help calls this hub escalated because nobody accepted in time.',
    registers: [registry],
  });
  const histograms = {
    accept: new Histogram({ name: 'paso_call_time_to_accept_seconds', help: 'From the call to a volunteer accepting it.', buckets, registers: [registry] }),
    arrive: new Histogram({ name: 'paso_call_time_to_arrive_seconds', help: 'From accepting to arriving at the kiosk.', buckets, registers: [registry] }),
    resolve: new Histogram({ name: 'paso_call_time_to_resolve_seconds', help: 'From the call to its resolution.', buckets, registers: [registry] }),
  };
  const connected = new Gauge({
    name: 'paso_connected_clients',
    help: 'Kiosks, volunteers and staff connected to this hub by WebSocket.',
    labelNames: ['role'],
    registers: [registry],
  });
  for (const role of ['kiosk', 'volunteer', 'staff']) connected.set({ role }, 0);
  return {
    registry,
    callCreated: () => created.inc(),
    callEscalated: () => escalated.inc(),
    observeTransition: (kind, milliseconds) => histograms[kind].observe(Math.max(0, milliseconds) / 1000),
    setConnected: (role, count) => connected.set({ role }, count),
  };
}
