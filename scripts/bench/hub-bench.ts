/**
 * The hub benchmark (`npm run bench -- hub`): 300 kiosks and 1,000 volunteer consoles on
 * loopback against a hub in its own process. Prints the time from a kiosk's call to the call
 * being offered on every eligible console, beside a bare WebSocket echo measured in the same run
 * (the floor), and whole call lifecycles per second, on SQLite and on PostgreSQL; then the hub
 * under attack (hub-bench-attacks.ts).
 *
 * Three processes: the hub (`node --import tsx hub/main.ts`, PASO_DEMO=0, LOG_LEVEL=warn), the
 * echo server, and this one, which holds every client and takes every timestamp with
 * performance.now(). They share the machine's cores, which the report states.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBenchDatabase } from './bench-postgres.js';
import { startBenchHub } from './bench-hub.js';
import { startCpuReading, type CpuShares } from './cpu-usage.js';
import { runHubAttackBench } from './hub-bench-attacks.js';
import { measureLifecycles, measureOfferLatency, type LifecycleFigures, type OfferLatency } from './hub-bench-phases.js';
import { buildCity, cityShape } from './hub-bench-setup.js';
import { ms, percentile } from './stats.js';
import { startEchoBench, type EchoBench, type EchoFloor } from './ws-echo-floor.js';

const root = path.resolve(import.meta.dirname, '../..');
const plan = {
  echoes: 2000,
  echoWarmUp: 1000,
  calls: 300,
  callWarmUp: 30,
  callGapMs: 10,
  workers: 8,
  lifecycleMs: 10_000,
};
const goals = { p99Ms: 20, timesEcho: 3 };

interface StorageFigures {
  label: string;
  floor: EchoFloor;
  latency: OfferLatency;
  lifecycles: LifecycleFigures;
  cpu: CpuShares;
}

/** Things to undo, newest first: sockets, children, temporary folders, databases. */
const undo: { label: string; run: () => Promise<void> | void }[] = [];

async function unwindTo(mark: number): Promise<void> {
  while (undo.length > mark) {
    const step = undo.pop();
    try {
      await step?.run();
    } catch (error) {
      console.error(`  cleaning up (${step?.label ?? '?'}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Runs the benchmark and prints its figures. */
export async function runHubBench(): Promise<void> {
  let stopping: Promise<void> | undefined;
  const interrupted = (): void => {
    console.error('\ninterrupted: stopping the hub and cleaning up');
    stopping ??= unwindTo(0).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const database = await createBenchDatabase();
    if (database.ok) undo.push({ label: `drop database ${database.name}`, run: () => database.drop() });
    printHeader(database.ok ? database.serverVersion : undefined);

    const echo = await startEchoBench();
    undo.push({ label: 'stop the echo server', run: () => echo.stop() });
    const quiet = await echo.measure(plan.echoes, plan.echoWarmUp);
    console.log('');
    console.log(
      `  floor: bare ws echo, 1 client, ${plan.echoes.toLocaleString('en')} sequential ${quiet.bytes}-byte text echoes after ${quiet.warmUp.toLocaleString('en')} warm-up, server in its own process;`,
    );
    console.log(`    measured now, with no hub running, and again just before each latency phase (the figure each is compared with)`);
    console.log(`    round trip, no hub running: ${describeFloor(quiet)}`);

    const results: StorageFigures[] = [];
    results.push(await benchStorage('SQLite', undefined, echo));
    if (database.ok) results.push(await benchStorage('PostgreSQL', database.url, echo));
    else console.log(`\n  PostgreSQL figures skipped: ${database.reason}.`);

    printSummary(results, database.ok ? undefined : database.reason);
    await unwindTo(0);
    await runHubAttackBench();
  } catch (error) {
    // Interrupted: what failed was cut off on purpose; wait for the clean-up, which exits.
    if (stopping) await stopping;
    throw error;
  } finally {
    await unwindTo(0);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

/** Sets up a hub on one storage, measures it, and takes it all down again. */
async function benchStorage(label: 'SQLite' | 'PostgreSQL', databaseUrl: string | undefined, echo: EchoBench): Promise<StorageFigures> {
  const mark = undo.length;
  try {
    // PASO_BENCH_HUB_CPU_PROF=<folder> writes a V8 CPU profile of the hub there when it stops.
    const profileFolder = process.env['PASO_BENCH_HUB_CPU_PROF'];
    const running = await startBenchHub(databaseUrl, profileFolder ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileFolder)}`] : []);
    undo.push({ label: 'stop the hub', run: () => running.stop() });
    const { hub, http, storage } = running;
    console.log('');
    console.log(
      `  ${label}: ${storage.kind === 'sqlite' ? 'a fresh file in a temporary folder (the hub sets WAL, synchronous=NORMAL)' : `a fresh database ${new URL(storage.url).pathname.slice(1)} on 127.0.0.1:5432 (the hub's pool: 10 connections; LISTEN/NOTIFY change feed)`}`,
    );
    console.log(`    hub process ${hub.pid} answering /health after ${(running.startupMs / 1000).toFixed(1)} s`);

    const city = await buildCity(http, (line) => console.log(`    setup: ${line}`));
    undo.push({ label: 'close the client sockets', run: () => city.close() });
    const [fewest, most] = volunteersPerSiteRange(city.sites.map((site) => site.volunteers.length));

    const floor = await echo.measure(plan.echoes, plan.echoWarmUp);
    console.log(`    floor just before, the hub idle with its sockets connected: ${describeFloor(floor)}`);
    const latencyReading = startCpuReading(hub.pid, label === 'PostgreSQL');
    const latency = await measureOfferLatency(http, city, { warmUp: plan.callWarmUp, count: plan.calls, gapMs: plan.callGapMs });
    printLatency(latency, floor, fewest, most);
    console.log(`      CPU used during the latency phase: ${describeCpu(latencyReading.stop())}`);

    const reading = startCpuReading(hub.pid, label === 'PostgreSQL');
    const lifecycles = await measureLifecycles(http, city, { workers: plan.workers, durationMs: plan.lifecycleMs });
    const cpu = reading.stop();
    printLifecycles(lifecycles, cpu);
    if (hub.exited()) throw new Error(`the hub exited during the run:\n${hub.output().trim()}`);
    const warnings = running.warnings();
    if (warnings.length > 0) console.log(`    the hub logged warnings or errors; the last:\n${indent(warnings.slice(-3).join('\n'), 6)}`);
    return { label, floor, latency, lifecycles, cpu };
  } finally {
    await unwindTo(mark);
  }
}

function printHeader(postgresVersion: string | undefined): void {
  const cores = cpus();
  const version = (name: string): string => {
    try {
      return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  const memory = new Database(':memory:');
  const sqliteVersion = (memory.prepare('select sqlite_version() as version').get() as { version: string }).version;
  memory.close();
  const kiosks = cityShape.sites * cityShape.kiosksPerSite;
  console.log(
    `hub bench: ${cityShape.sites} sites × ${cityShape.kiosksPerSite} kiosks = ${kiosks} kiosks, ${cityShape.volunteers.toLocaleString('en')} volunteers (all speak es, a third also en), every client with a WebSocket, all on 127.0.0.1`,
  );
  console.log(
    `  machine: ${cores.length} cores (${cores[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}; load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `  versions: fastify ${version('fastify')}, @fastify/websocket ${version('@fastify/websocket')}, ws ${version('ws')}, kysely ${version('kysely')}, better-sqlite3 ${version('better-sqlite3')} (SQLite ${sqliteVersion}), pg ${version('pg')} (PostgreSQL server ${postgresVersion ?? 'not reachable'}), tsx ${version('tsx')}`,
  );
  console.log(`  processes: the hub runs alone in its own Node process (node --import tsx hub/main.ts, PASO_DEMO=0, LOG_LEVEL=warn);`);
  console.log(
    `    all ${(kiosks + cityShape.volunteers).toLocaleString('en')} clients and every timestamp (performance.now()) live in this one load-generator process;`,
  );
  console.log(`    the echo server is a third process; PostgreSQL runs on the same machine. All of them share these ${cores.length} cores.`);
}

function printLatency(latency: OfferLatency, floor: EchoFloor, fewest: number, most: number): void {
  const samples = latency.toLastEligible;
  console.log(
    `    call created → offered on every eligible console: ${samples.length} calls one at a time, ${plan.callGapMs} ms apart, round-robin over the ${cityShape.sites} sites (${latency.warmUp} warm-up calls discarded);`,
  );
  console.log(
    `      each call had to reach ${latency.eligibleRange[0]}–${latency.eligibleRange[1]} of its site's ${fewest}–${most} volunteer consoles; after each, the kiosk cancelled and every console heard of it`,
  );
  if (samples.length === 0) {
    console.log('      no samples');
  } else {
    console.log(`      to the last eligible console:  p50 ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))}, max ${ms(Math.max(...samples))}`);
    console.log(`      to the first eligible console: p50 ${ms(percentile(latency.toFirstEligible, 50))}, p99 ${ms(percentile(latency.toFirstEligible, 99))}`);
    console.log(`      to the POST's own answer:      p50 ${ms(percentile(latency.toResponse, 50))}, p99 ${ms(percentile(latency.toResponse, 99))}`);
    for (const [language, values] of latency.byLanguage) {
      const who = language === 'es' ? 'every console of the site' : language === 'en' ? 'the English speakers' : 'nobody speaks it: every console';
      console.log(`        ${language} (${who}), n=${values.length}: p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`);
    }
    const timesP50 = percentile(samples, 50) / percentile(floor.samples, 50);
    const timesP99 = percentile(samples, 99) / percentile(floor.samples, 99);
    console.log(`      that is ${timesP50.toFixed(0)}× the bare echo's p50 and ${timesP99.toFixed(0)}× its p99`);
  }
  console.log(
    latency.wrongOfferFlags === 0
      ? '      check: every eligible console was told "offered to you" and no other console was'
      : `      check FAILED: ${latency.wrongOfferFlags} calls had an eligible console not told "offered to you", or another console told so`,
  );
  for (const failure of latency.failures) console.log(`      FAILED: ${failure}`);
}

function printLifecycles(figures: LifecycleFigures, cpu: CpuShares): void {
  const perSecond = figures.completed / (figures.elapsedMs / 1000);
  console.log(
    `    full lifecycles (POST create → accept → arrive → resolve, 4 HTTP requests each): ${plan.workers} workers, each at its own site with its own kiosks and volunteers, ${(figures.elapsedMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `      ${perSecond.toFixed(0)} lifecycles/s (${figures.completed.toLocaleString('en')} completed, ${figures.errors.length} failed); one lifecycle p50 ${ms(percentile(figures.durations, 50))}, p99 ${ms(percentile(figures.durations, 99))}`,
  );
  console.log(`      completed in each second: ${figures.perSecond.join(', ')} (the last second is partial)`);
  const pushes = figures.pushes.volunteer + figures.pushes.kiosk;
  const perLifecycle = (value: number): string => (value / Math.max(1, figures.completed)).toFixed(0);
  console.log(
    `      the clients received ${pushes.toLocaleString('en')} WebSocket pushes (${(pushes / (figures.elapsedMs / 1000)).toFixed(0)}/s; a lifecycle: ${perLifecycle(figures.pushes.volunteer)} to volunteer consoles, ${perLifecycle(figures.pushes.kiosk)} to kiosks)`,
  );
  console.log(`      CPU used during the run: ${describeCpu(cpu)}`);
  if (cpu.hub !== undefined) console.log(`      hub CPU per lifecycle: ${ms((cpu.hub * figures.elapsedMs) / Math.max(1, figures.completed))}`);
  for (const error of figures.errors.slice(0, 3)) console.log(`      FAILED: ${error}`);
}

function printSummary(results: readonly StorageFigures[], postgresSkipped: string | undefined): void {
  console.log('');
  console.log(`  summary (goals: p99 < ${goals.p99Ms} ms, and within ${goals.timesEcho}× the bare echo measured just before)`);
  for (const result of results) {
    const echoP50 = percentile(result.floor.samples, 50);
    const echoP99 = percentile(result.floor.samples, 99);
    const samples = result.latency.toLastEligible;
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const underGoal = p99 < goals.p99Ms;
    const withinEcho = p50 <= goals.timesEcho * echoP50 && p99 <= goals.timesEcho * echoP99;
    const rate = result.lifecycles.completed / (result.lifecycles.elapsedMs / 1000);
    console.log(
      `    ${result.label.padEnd(10)} offered on every eligible console p50 ${ms(p50)}, p99 ${ms(p99)}; bare echo p50 ${ms(echoP50)}, p99 ${ms(echoP99)}; lifecycles ${rate.toFixed(0)}/s`,
    );
    console.log(`      p99 < ${goals.p99Ms} ms: ${underGoal ? 'met' : 'NOT met'} (${ms(p99)})`);
    console.log(
      `      ≤ ${goals.timesEcho}× the bare echo: ${withinEcho ? 'met' : 'NOT met'} (p50 is ${(p50 / echoP50).toFixed(0)}× the echo's p50, p99 is ${(p99 / echoP99).toFixed(0)}× its p99; ${goals.timesEcho}× would be ${ms(goals.timesEcho * echoP50)} / ${ms(goals.timesEcho * echoP99)})`,
    );
  }
  if (postgresSkipped) console.log(`    PostgreSQL figures skipped: ${postgresSkipped}.`);
}

/** CPU use in cores, with whatever else ran on the machine meanwhile. */
function describeCpu(cpu: CpuShares): string {
  const ours = (cpu.hub ?? 0) + cpu.loadGenerator + (cpu.postgres ?? 0);
  const others = cpu.machineBusy === undefined ? undefined : Math.max(0, cpu.machineBusy * cpus().length - ours);
  const parts = [
    cpu.hub === undefined ? undefined : `hub ${cpu.hub.toFixed(2)}`,
    `load generator ${cpu.loadGenerator.toFixed(2)}`,
    cpu.postgres === undefined ? undefined : `PostgreSQL ${cpu.postgres.toFixed(2)}`,
    others === undefined ? undefined : `everything else on the machine ${others.toFixed(2)}`,
  ].filter(Boolean);
  return `${parts.join(', ')} (in cores, of ${cpus().length})`;
}

function describeFloor(floor: EchoFloor): string {
  return `p50 ${ms(percentile(floor.samples, 50))}, p99 ${ms(percentile(floor.samples, 99))}, max ${ms(Math.max(...floor.samples))}`;
}

function volunteersPerSiteRange(counts: readonly number[]): [number, number] {
  return [Math.min(...counts), Math.max(...counts)];
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}
