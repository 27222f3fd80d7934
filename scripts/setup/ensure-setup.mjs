#!/usr/bin/env node
/**
 * Makes a fresh machine ready before `npm start` and `npm test`, so a newcomer types nothing
 * else: installs npm packages when node_modules is missing or older than the lock file, and the
 * Debian packages of system-packages.mjs with apt when running as root (otherwise it names the
 * command to run). Before `npm start` its first line says what comes and about how long it
 * takes; the spoken prompts are no longer built here (start.ts builds them in the background once
 * the kiosk is up). Plain JavaScript with no dependencies: it runs before any are installed.
 *
 * Usage: node scripts/setup/ensure-setup.mjs [--for-tests | --for-start] [--system-only]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemPackages } from './system-packages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const purpose = args.has('--for-tests') ? 'tests' : 'start';

function say(message) {
  console.log(`[setup] ${message}`);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    say(`Node.js ${process.versions.node} is too old: install Node.js 20.19 or newer, then run this again.`);
    process.exit(1);
  }
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

/** npm writes node_modules/.package-lock.json on every install: older than the lock file means stale. */
function npmPackagesStale() {
  const installed = mtime(path.join(root, 'node_modules/.package-lock.json'));
  return installed < 0 || installed < mtime(path.join(root, 'package-lock.json')) || installed < mtime(path.join(root, 'package.json'));
}

function ensureNpmPackages() {
  if (!npmPackagesStale()) return;
  const installed = mtime(path.join(root, 'node_modules/.package-lock.json'));
  const lock = mtime(path.join(root, 'package-lock.json'));
  const manifest = mtime(path.join(root, 'package.json'));
  const useCi = lock >= 0 && lock >= manifest;
  say(installed < 0 ? 'installing npm packages (first run)…' : 'npm packages are out of date; installing…');
  if (!run('npm', useCi ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'])) {
    say('npm could not install the packages; see the messages above.');
    process.exit(1);
  }
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureSystemPackages() {
  const missing = systemPackages.filter((pkg) => pkg.neededFor.includes(purpose) && !hasCommand(pkg.command));
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.debianPackage);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    say(`installing ${names.join(', ')} with apt (${missing.map((pkg) => pkg.purpose).join('; ')})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { stdio: 'inherit', env });
    if (install && install.status === 0) return;
  }
  say(
    `missing ${names.join(', ')}: install ${names.length === 1 ? 'it' : 'them'} with "sudo apt-get install ${names.join(' ')}" (${missing.map((pkg) => pkg.purpose).join('; ')}), then run this again.`,
  );
  process.exit(1);
}

/**
 * The hub's PostgreSQL tests need a server on 127.0.0.1:5432 that user postgres can reach with
 * password "postgres" (the project's machines trust loopback, which accepts any password).
 * Start it when it is installed but stopped; install and configure it when root and missing.
 */
function ensurePostgres() {
  const ready = () => spawnSync('sh', ['-c', 'pg_isready -q -h 127.0.0.1 -p 5432'], { stdio: 'ignore' }).status === 0;
  if (hasCommand('pg_isready') && ready()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    say('PostgreSQL is not running on 127.0.0.1:5432: start it (or install it with "sudo apt-get install postgresql"), then run this again.');
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let installedNow = false;
  if (!hasCommand('pg_ctlcluster')) {
    say('installing PostgreSQL with apt (for the hub tests at city scale)…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
    installedNow = true;
  }
  say('starting PostgreSQL…');
  spawnSync('sh', ['-c', 'for v in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$v" main start; done'], { stdio: 'inherit' });
  for (let i = 0; i < 30 && !ready(); i++) spawnSync('sleep', ['1']);
  if (!ready()) {
    say('PostgreSQL could not be started; see the messages above.');
    process.exit(1);
  }
  if (installedNow) spawnSync('su', ['postgres', '-c', `psql -q -c "ALTER USER postgres PASSWORD 'postgres'"`], { stdio: 'inherit' });
}

/** The newest modification time of a file or of anything in a folder (-1 when absent). */
function newestIn(target) {
  if (!existsSync(target)) return -1;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestIn(path.join(target, name))), info.mtimeMs);
}

/** Whether start.ts will build the UIs (the same test it makes: the kiosk page older than its sources). */
function uiNeedsBuilding() {
  if (process.env.PASO_UI_FOLDER) return false;
  const built = mtime(path.join(root, 'dist/renderer/kiosk/index.html'));
  return built < 0 || ['renderer', 'core', 'assets'].some((folder) => newestIn(path.join(root, folder)) > built);
}

/**
 * The first line `npm start` prints, within a second: what comes before the kiosk opens and
 * about how long it takes (figures from a 2-core machine), so nobody stares at a silent terminal.
 */
function announceStart() {
  const needsPackages = npmPackagesStale();
  const steps = [
    ...(needsPackages ? ['installing npm packages (first run, about 2 min)'] : []),
    ...(needsPackages || uiNeedsBuilding() ? ['building the kiosk and console UIs (about 5 s)'] : []),
    'starting the hub and opening the kiosk (a few seconds)',
  ];
  say(`${steps.join(', then ')}; the spoken prompts are brought up to date in the background afterwards.`);
}

checkNode();
if (purpose === 'start' && !args.has('--system-only')) announceStart();
ensureSystemPackages();
if (purpose === 'tests') ensurePostgres();
if (!args.has('--system-only')) ensureNpmPackages();
