/**
 * One attacker of the hub-under-attack bench (hub-bench-attacks.ts), in its own process so that
 * its work (thousands of answers a second, a flood of frames written at once) does not delay the
 * probes' own timestamps in the bench process: only the hub and the cores are shared.
 * PASO_ATTACK=logins|logins-spread|flood|checks, PORT, PASO_ATTACK_MS (the window), PASO_ATTACK_TOKEN (a staff
 * token, for checks). Prints "attack started" once it runs and "attack result: …" when done.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { helloMessage } from '../../core/protocol/hub-socket.js';
import { websocketPath } from '../../core/protocol/ws.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { sleep } from './bench-processes.js';
import { attackPlan as plan, statusCounts, timedRequest, type Sample } from './hub-bench-attacks.js';
import { ms, percentile } from './stats.js';

const root = path.resolve(import.meta.dirname, '../..');

/** A running attack: when it ends, and what it did. */
interface Attack {
  ended: Promise<void>;
  describe(): string;
}

/**
 * (a) 40 wrong staff sign-ins at a time for the whole window, from one address; or (a') from 40
 * loopback addresses (Linux answers on all of 127.0.0.0/8), one per connection, each with its
 * own e-mail, so that no address or account limit stops them before the hashing.
 */
async function wrongLogins(port: number, window: Promise<void>, spread: boolean): Promise<Attack> {
  const agents = Array.from({ length: spread ? plan.parallelLogins : 1 }, () => new http.Agent({ keepAlive: true, maxSockets: plan.parallelLogins }));
  const statuses: number[] = [];
  const times: number[] = [];
  let done = false;
  void window.then(() => (done = true));
  const worker = async (n: number): Promise<void> => {
    for (let attempt = 0; !done; attempt += 1) {
      const email = spread ? `attacker${n}@example.org` : demoAccounts.staff.email;
      const body = JSON.stringify({ email, password: `wrong-password-${n}-${attempt}` });
      const agent = agents[spread ? n : 0] ?? new http.Agent();
      const answer = await timedRequest(agent, port, 'POST', apiRoutes.staffLogin.path, { body, ...(spread ? { from: `127.0.1.${n + 1}` } : {}) });
      statuses.push(answer.status);
      times.push(answer.ms);
    }
  };
  const ended = Promise.all(Array.from({ length: plan.parallelLogins }, (_, n) => worker(n))).then(() => {
    for (const agent of agents) agent.destroy();
  });
  return {
    ended,
    describe: () =>
      `${statuses.length.toLocaleString('en')} wrong sign-ins answered (${statusCounts(statuses)}), each in p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}`,
  };
}

/** (b) One kiosk socket says hello, then sends 10,000 resync frames as fast as it can. */
async function socketFlood(port: number, window: Promise<void>): Promise<Attack> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${websocketPath}`);
  let received = 0;
  let closed: { code: number; reason: string; afterMs: number } | undefined;
  const started = performance.now();
  const closedPromise = new Promise<void>((resolve) => {
    socket.on('close', (code, reason) => {
      closed = { code, reason: reason.toString(), afterMs: performance.now() - started };
      resolve();
    });
    socket.on('error', () => resolve());
  });
  socket.on('message', () => (received += 1));
  await new Promise<void>((resolve) => {
    socket.once('open', () => resolve());
    socket.once('error', () => resolve());
  });
  socket.send(JSON.stringify(helloMessage(demoAccounts.kioskToken, { appVersion: 'bench-flood' })));
  let sent = 0;
  const frame = JSON.stringify({ type: 'resync' });
  for (; sent < plan.floodFrames && socket.readyState === WebSocket.OPEN; sent += 1) socket.send(frame);
  // The window: until the hub closes the socket or the window passes, whichever is later than the frames leaving.
  const ended = Promise.race([closedPromise, window]).then(async () => {
    await window;
    socket.terminate();
  });
  return {
    ended,
    describe: () =>
      `${sent.toLocaleString('en')} frames sent, ${received.toLocaleString('en')} messages back; ${closed ? `closed by the hub after ${ms(closed.afterMs)} (${closed.code}${closed.reason ? ` "${closed.reason}"` : ''})` : 'still open at the end of the window'}`,
  };
}

/** A 500 KB script: a real procedure followed by thousands of unknown top-level keys, some holding maps of more unknown keys. */
async function hostileScript(): Promise<{ source: string; unknownKeys: number }> {
  const head = (await readFile(path.join(root, 'assets/procedures/cita-previa.yaml'), 'utf8')).replace(/^\uFEFF/, '');
  const lines: string[] = [head.trimEnd()];
  let bytes = Buffer.byteLength(lines[0] ?? '');
  let unknownKeys = 0;
  for (let key = 0; bytes < plan.hostileBytes - 64; key += 1) {
    unknownKeys += key % 2 === 0 ? 1 : 3;
    const line = `clave_desconocida_${key}: ${key % 2 === 0 ? `"${'x'.repeat(16)}"` : `{ a_${key}: 1, b_${key}: [1, 2] }`}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  return { source: lines.join('\n') + '\n', unknownKeys };
}

/** (c) The staff checker reads the hostile script, one check after another, for the window (and until the first one ends). */
async function hostileChecks(port: number, window: Promise<void>, staffToken: string): Promise<Attack> {
  const { source, unknownKeys } = await hostileScript();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ source });
  const answers: Sample[] = [];
  let done = false;
  void window.then(() => (done = true));
  const ended = (async () => {
    do answers.push(await timedRequest(agent, port, 'POST', apiRoutes.staffCheck.path, { body, token: staffToken }));
    while (!done);
    agent.destroy();
  })();
  return {
    ended,
    describe: () =>
      `${answers.length} checks of ${(Buffer.byteLength(source) / 1024).toFixed(0)} KB with ${unknownKeys.toLocaleString('en')} unknown keys (${statusCounts(answers.map((answer) => answer.status))}), each in p50 ${ms(
        percentile(
          answers.map((a) => a.ms),
          50,
        ),
      )}, max ${ms(Math.max(...answers.map((a) => a.ms)))}`,
  };
}

const port = Number(process.env['PORT']);
const kind = process.env['PASO_ATTACK'];
const window = sleep(Number(process.env['PASO_ATTACK_MS'] ?? 4000));
const attack =
  kind === 'logins' || kind === 'logins-spread'
    ? await wrongLogins(port, window, kind === 'logins-spread')
    : kind === 'flood'
      ? await socketFlood(port, window)
      : kind === 'checks'
        ? await hostileChecks(port, window, process.env['PASO_ATTACK_TOKEN'] ?? '')
        : undefined;
if (!attack) {
  console.error(`PASO_ATTACK must be logins, logins-spread, flood or checks; it is "${kind ?? ''}"`);
  process.exit(2);
}
console.log('attack started');
await attack.ended;
console.log(`attack result: ${attack.describe()}`);
process.exit(0);
