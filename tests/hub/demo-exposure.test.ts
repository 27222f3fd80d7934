/**
 * Issue 15: demo mode, the default, listened on 0.0.0.0 with a published staff password and kiosk
 * token, so anyone on the centre's network could sign in as staff. Real hub processes, started
 * as an operator starts them: a demo hub without HOST answers on 127.0.0.1 and not on this
 * machine's network address; a hub without demo and without staff says how to create the first
 * account, and the command it names works.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { skipBecause } from '../support/skip-because.js';
import { afterAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../hub/demo/seed.js';
import { noStaffNotice } from '../../hub/main.js';
import { startHubProcess, type HubProcess } from './support/hub-process.js';
import { eventually } from './support/test-hub.js';

const root = path.resolve(import.meta.dirname, '../..');
/** This machine's address on its network, as a phone or another computer there would use it. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
const noNetworkAddress = 'this machine has no IPv4 address besides loopback, so no client on the network can be imitated';

/** The demo staff sign-in, sent to `host`: the HTTP status, or the network error's code. */
async function demoStaffSignIn(host: string, port: number): Promise<number | string> {
  try {
    const answer = await fetch(`http://${host}:${port}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoAccounts.staff.email, password: demoAccounts.staff.password }),
      signal: AbortSignal.timeout(5000),
    });
    return answer.status;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause?.code ?? String(error)) as string;
  }
}

const folders: string[] = [];
const hubs: HubProcess[] = [];
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'paso-exposure-'));
  folders.push(folder);
  return folder;
}

describe('a demo hub with its published staff password, seen from the network (issue 15)', () => {
  it('without HOST, the demo staff password works on this machine and nowhere else', async (context) => {
    skipBecause(context, !networkAddress, noNetworkAddress);
    const hub = await startHubProcess({ HOST: undefined, DATA_DIR: dataFolder() });
    hubs.push(hub);
    expect(await demoStaffSignIn('127.0.0.1', hub.port)).toBe(200);
    expect(await demoStaffSignIn(networkAddress ?? '', hub.port)).toBe('ECONNREFUSED');
    expect(hub.output.join('')).toContain('listening  on 127.0.0.1 (this machine only; HOST=0.0.0.0 lets phones and kiosks on the network in)');
  }, 60_000);

  it('HOST=0.0.0.0 said explicitly opens it to the network (what the default did before)', async (context) => {
    skipBecause(context, !networkAddress, noNetworkAddress);
    const hub = await startHubProcess({ HOST: '0.0.0.0', DATA_DIR: dataFolder() });
    hubs.push(hub);
    expect(await demoStaffSignIn(networkAddress ?? '', hub.port)).toBe(200);
  }, 60_000);
});

describe('a hub without demo and without any staff account', () => {
  it('says how to create the first account, and the command it names creates one that signs in', async () => {
    const folder = dataFolder();
    const first = await startHubProcess({ PASO_DEMO: '0', DATA_DIR: folder });
    hubs.push(first);
    await eventually(() => first.output.join('').includes(noStaffNotice()), 10_000, 'the no-staff notice');
    expect(noStaffNotice()).toContain('npm run hub:create-staff -- --email <e-mail> --name "<name>"');
    await first.stop();

    // As the notice says, with the password on stdin (never in the arguments).
    const created = spawn('npx', ['tsx', 'hub/create-staff.ts', '--email', 'ana@example.org', '--name', 'Ana Pérez'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: folder },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    created.stdin.end('una contraseña larga\n');
    let printed = '';
    created.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    created.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    expect(await new Promise((resolve) => created.once('exit', resolve))).toBe(0);
    expect(printed).toContain('Staff account created: Ana Pérez <ana@example.org>.');

    const second = await startHubProcess({ PASO_DEMO: '0', DATA_DIR: folder });
    hubs.push(second);
    const login = await fetch(`${second.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@example.org', password: 'una contraseña larga' }),
    });
    expect(login.status).toBe(200);
    expect(second.output.join('')).not.toContain('No staff account yet');
  }, 90_000);
});
