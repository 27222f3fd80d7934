/**
 * The hub under attack (issue 15), part of `npm run bench -- hub` (alone: `npm run bench --
 * hub-attack`): what a kiosk or a phone asking for `/health` and one `/audio/` file waits while
 * someone (a) sends 40 wrong staff sign-ins at a time, (b) floods one socket with 10,000 frames,
 * (c) has the staff checker read a hostile 500 KB script (thousands of unknown keys) again and
 * again; beside the same two requests with no attack, measured in the same run before and after.
 * Goal: p99 ≤ 50 ms for both, under each attack.
 *
 * A demo hub in its own process (its staff account and kiosk token are the attackers' tools; the
 * staff token for (c) is taken before (a) can lock the account), with one sound in a temporary
 * audio folder. The probes are two loops in this process, one request at a time each with a 5 ms
 * pause, on their own keep-alive connections; each attack runs in a process of its own
 * (hub-bench-attacker.ts), so its thousands of answers do not delay the probes' timestamps.
 * Everything shares the machine's cores.
 * `PASO_BENCH_ATTACK_MS` sets each window (4,000 ms by default).
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { freeLoopbackPort, printed, sleep, startNodeChild, waitUntilReady, type NodeChild } from './bench-processes.js';
import { ms, percentile } from './stats.js';

const root = path.resolve(import.meta.dirname, '../..');
const windowMs = Number(process.env['PASO_BENCH_ATTACK_MS'] ?? 4000);
const goalP99Ms = 50;
/** The attacks' sizes (the attacker process reads them too) and the probes' pause. */
export const attackPlan = { parallelLogins: 40, floodFrames: 10_000, hostileBytes: 500 * 1024, probePauseMs: 5 };
const plan = attackPlan;
/** The sound the probe asks for: a fixed name in the temporary audio folder. */
const soundName = `files/${'0'.repeat(24)}.ogg`;

/** One answer: how long it took and its status (0 when the connection failed). */
export interface Sample {
  ms: number;
  status: number;
}

/** One line of the table: what the probes saw while an attack (or none) ran, and what the attack did. */
interface PhaseFigures {
  label: string;
  health: Sample[];
  audio: Sample[];
  attack: string;
}

/** A GET or POST on its own keep-alive agent, timed; never rejects. */
export function timedRequest(
  agent: http.Agent,
  port: number,
  method: string,
  route: string,
  options: { body?: string; token?: string; from?: string } = {},
): Promise<Sample> {
  const started = performance.now();
  const headers: http.OutgoingHttpHeaders = {};
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(options.body);
  }
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  return new Promise((resolve) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: route, method, agent, headers, ...(options.from ? { localAddress: options.from } : {}) },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
        response.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
      },
    );
    request.on('error', () => resolve({ ms: performance.now() - started, status: 0 }));
    request.end(options.body);
  });
}

/** Asks for `route` one request at a time until `until` resolves. */
async function probe(port: number, route: string, until: Promise<unknown>): Promise<Sample[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let done = false;
  void until.then(() => (done = true));
  const samples: Sample[] = [];
  try {
    while (!done) {
      samples.push(await timedRequest(agent, port, 'GET', route));
      await sleep(plan.probePauseMs);
    }
  } finally {
    agent.destroy();
  }
  return samples;
}

/** The probes alone for the window, or while an attacker process runs its attack (its own window). */
async function phase(label: string, port: number, attack?: { kind: 'logins' | 'logins-spread' | 'flood' | 'checks'; token?: string }): Promise<PhaseFigures> {
  const probeBoth = (until: Promise<unknown>) => Promise.all([probe(port, apiRoutes.health.path, until), probe(port, `/audio/${soundName}`, until)]);
  if (!attack) {
    const [health, audio] = await probeBoth(sleep(windowMs));
    return { label, health, audio, attack: '' };
  }
  const attacker = startNodeChild(`the attacker (${attack.kind})`, 'scripts/bench/hub-bench-attacker.ts', {
    ...process.env,
    PORT: String(port),
    PASO_ATTACK: attack.kind,
    PASO_ATTACK_MS: String(windowMs),
    ...(attack.token ? { PASO_ATTACK_TOKEN: attack.token } : {}),
  });
  try {
    await waitUntilReady(attacker, printed(attacker, 'attack started'), 60_000);
    const [health, audio] = await probeBoth(
      (async () => {
        while (!attacker.exited()) await sleep(20);
      })(),
    );
    const result = /attack result: (.*)/.exec(attacker.output())?.[1] ?? `the attacker printed no result: ${attacker.output().trim()}`;
    return { label, health, audio, attack: result };
  } finally {
    await attacker.stop();
  }
}

/** Counts of each status, "200×12, 429×300". */
export function statusCounts(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([status, count]) => `${status === 0 ? 'no answer' : status}×${count.toLocaleString('en')}`)
    .join(', ');
}

function describeSamples(samples: readonly Sample[]): { text: string; p99: number } {
  const times = samples.filter((sample) => sample.status > 0).map((sample) => sample.ms);
  const failed = samples.filter((sample) => sample.status !== 200);
  const p99 = percentile(times, 99);
  return {
    text: `p50 ${ms(percentile(times, 50)).padStart(8)}, p99 ${ms(p99).padStart(8)} (n=${samples.length}${failed.length > 0 ? `; not 200: ${statusCounts(failed.map((sample) => sample.status))}` : ''})`,
    p99,
  };
}

function printPhases(phases: readonly PhaseFigures[]): void {
  console.log(`    under attack (goal: p99 ≤ ${goalP99Ms} ms for both, under each attack), ${windowMs / 1000} s windows:`);
  console.log(`      ${''.padEnd(34)}GET /health${''.padEnd(35)}GET /audio/<one sound>`);
  for (const figures of phases) {
    const health = describeSamples(figures.health);
    const audio = describeSamples(figures.audio);
    const isAttack = figures.attack !== '';
    const verdict = isAttack ? (Math.max(health.p99, audio.p99) <= goalP99Ms ? '  met' : '  NOT met') : '';
    console.log(`      ${figures.label.padEnd(34)}${health.text.padEnd(46)}${audio.text}${verdict}`);
    if (isAttack) console.log(`        the attack: ${figures.attack}`);
  }
}

/** Runs the attacks against a fresh demo hub and prints the table. */
export async function runHubAttackBench(): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'paso-hub-attack-'));
  let hub: NodeChild | undefined;
  try {
    // One sound: a real one from the build when there is one, else 30 KB of bytes (the route does not decode it).
    const audioFolder = path.join(folder, 'audio');
    mkdirSync(path.join(audioFolder, 'files'), { recursive: true });
    const built = path.join(root, 'dist/audio/files');
    const real = (() => {
      try {
        return readdirSync(built).find((name) => name.endsWith('.ogg'));
      } catch {
        return undefined;
      }
    })();
    if (real) copyFileSync(path.join(built, real), path.join(audioFolder, soundName));
    else writeFileSync(path.join(audioFolder, soundName), Buffer.alloc(30 * 1024, 1));

    const port = await freeLoopbackPort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(folder, 'data'),
      PASO_AUDIO_FOLDER: audioFolder,
    };
    env['LOG_LEVEL'] = 'warn';
    delete env['DATABASE_URL'];
    delete env['PASO_DEMO'];
    delete env['PASO_SWEEP_MS'];
    hub = startNodeChild('the hub', 'hub/main.ts', env);
    const started = hub;
    const agent = new http.Agent({ keepAlive: false });
    await waitUntilReady(started, async () => (await timedRequest(agent, port, 'GET', apiRoutes.health.path)).status === 200, 60_000);
    const login = await new Promise<string>((resolve, reject) => {
      const body = JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password });
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: apiRoutes.staffLogin.path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            response.statusCode === 200 ? resolve((JSON.parse(text) as { token: string }).token) : reject(new Error(`staff sign-in: ${text}`)),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });

    console.log('');
    console.log(
      `  under attack: a demo hub in its own process (SQLite), load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} on ${cpus().length} cores shared with the attackers, the probes and anything else running`,
    );
    const phases: PhaseFigures[] = [];
    phases.push(await phase('no attack (before)', port));
    phases.push(await phase(`(a) ${plan.parallelLogins} parallel wrong sign-ins`, port, { kind: 'logins' }));
    // The same from 40 addresses, each under its own limit: every wrong password is hashed until
    // each address has used its ten failures (the hashing gate is what protects /audio/ here).
    phases.push(await phase(`(a') the same from ${plan.parallelLogins} addresses`, port, { kind: 'logins-spread' }));
    phases.push(await phase(`(b) ${plan.floodFrames.toLocaleString('en')}-frame socket flood`, port, { kind: 'flood' }));
    phases.push(await phase(`(c) hostile ${plan.hostileBytes / 1024} KB script checks`, port, { kind: 'checks', token: login }));
    phases.push(await phase('no attack (after)', port));
    printPhases(phases);
    if (started.exited()) console.log(`    the hub exited during the run:\n${started.output().trim()}`);
  } finally {
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
