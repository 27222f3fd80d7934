/**
 * Runs a hub from the command line: `tsx hub/main.ts [--no-demo]`. Configured by the
 * environment: PORT (8080), HOST (0.0.0.0; 127.0.0.1 in demo mode), PASO_TRUST_PROXY (the
 * reverse proxy's address; unset), DATA_DIR (./data), DATABASE_URL (postgres://…; unset for
 * SQLite in DATA_DIR), PASO_DEMO=0 to start without the demo accounts, PASO_AUDIO_FOLDER (./dist/audio).
 */
import type { Kysely } from 'kysely';
import path from 'node:path';
import { storageFromEnvironment } from './db/connect.js';
import type { HubDatabase } from './db/schema.js';
import { demoAccounts } from './demo/seed.js';
import { defaultHubConfig, startHub, type HubConfig } from './server.js';

const root = path.resolve(import.meta.dirname, '..');

/** Reads the hub's configuration from the environment and arguments, with plain errors. */
export function hubConfigFromEnvironment(env: NodeJS.ProcessEnv, args: readonly string[]): HubConfig {
  const port = Number(env['PORT'] ?? defaultHubConfig.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0-65535); it is "${env['PORT'] ?? ''}"`);
  const dataFolder = path.resolve(env['DATA_DIR'] ?? path.join(root, 'data'));
  const demo = !args.includes('--no-demo') && env['PASO_DEMO'] !== '0';
  const { demoHost, ...defaults } = defaultHubConfig;
  return {
    ...defaults,
    port,
    // Demo mode's staff password and kiosk token are printed and published: anyone on the
    // network could sign in as staff. Only an explicit HOST opens a demo hub to the network.
    host: env['HOST'] || (demo ? demoHost : defaultHubConfig.host),
    trustProxy: env['PASO_TRUST_PROXY'] || undefined,
    storage: storageFromEnvironment(env['DATABASE_URL'], dataFolder),
    demo,
    proceduresFolder: path.join(root, 'assets/procedures'),
    uiFolder: path.join(root, 'dist/renderer'),
    audioFolder: path.resolve(env['PASO_AUDIO_FOLDER'] ?? path.join(root, 'dist/audio')),
    sweepIntervalMs: Number(env['PASO_SWEEP_MS'] ?? defaultHubConfig.sweepIntervalMs),
    logger: { level: env['LOG_LEVEL'] ?? 'info' },
  };
}

/** Whether the hub listens on this machine only (loopback), so phones and kiosks elsewhere cannot reach it. */
function listensLocallyOnly(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Prints where everything is, and the demo accounts in demo mode. */
export function describeHub(url: string, config: HubConfig): string {
  const lines = [
    `Paso a Paso hub${config.demo ? ' — DEMO MODE' : ''} (${config.storage.kind === 'sqlite' ? `SQLite in ${config.storage.file}` : 'PostgreSQL'})`,
    `  listening  on ${config.host}${listensLocallyOnly(config.host) ? ' (this machine only; HOST=0.0.0.0 lets phones and kiosks on the network in)' : ''}`,
    `  kiosk      ${url}/kiosk/${config.demo ? `#token=${demoAccounts.kioskToken}` : ' (open it with #token=<the kiosk device token>)'}`,
    `  volunteers ${url}/volunteer/`,
    `  staff      ${url}/staff/`,
    `  health     ${url}/health     metrics ${url}/metrics`,
  ];
  if (config.demo) {
    lines.push(
      `  DEMO site "${demoAccounts.site.name}"; kiosk ${demoAccounts.kiosk.id} with device token ${demoAccounts.kioskToken}`,
      `  DEMO volunteers: ${demoAccounts.volunteers.map((v) => `${v.name} (PIN ${v.pin}, speaks ${v.languages.join(' and ')})`).join(', ')}`,
      `  DEMO staff: ${demoAccounts.staff.email} / ${demoAccounts.staff.password}`,
    );
  }
  return lines.join('\n');
}

/** The command that creates a staff account, as the hub prints it. */
export const createStaffCommand = 'npm run hub:create-staff -- --email <e-mail> --name "<name>"';

/** How many staff accounts can sign in (not deleted). */
export async function countStaffAccounts(db: Kysely<HubDatabase>): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** What a hub without demo accounts and without any staff account says: nobody can sign in to the staff console yet. */
export function noStaffNotice(): string {
  return [
    'No staff account yet: nobody can sign in to the staff console. Create the first one on this machine with',
    `  ${createStaffCommand}`,
    '(it asks for the password, or reads PASO_STAFF_PASSWORD; with the same DATA_DIR or DATABASE_URL as the hub).',
  ].join('\n');
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isEntry) {
  try {
    const config = hubConfigFromEnvironment(process.env, process.argv.slice(2));
    const hub = await startHub(config);
    console.log(describeHub(hub.url, config));
    if (!config.demo && (await countStaffAccounts(hub.database.db)) === 0) console.log(noStaffNotice());
    const stop = (): void => {
      void hub.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(`The hub could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
