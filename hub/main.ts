/**
 * Runs a hub from the command line: `tsx hub/main.ts [--no-demo]`. Configured by the
 * environment: PORT (8080), HOST (0.0.0.0), DATA_DIR (./data), DATABASE_URL (postgres://…; unset
 * for SQLite in DATA_DIR), PASO_DEMO=0 to start without the demo accounts, PASO_AUDIO_FOLDER (./dist/audio).
 */
import path from 'node:path';
import { storageFromEnvironment } from './db/connect.js';
import { demoAccounts } from './demo/seed.js';
import { defaultHubConfig, startHub, type HubConfig } from './server.js';

const root = path.resolve(import.meta.dirname, '..');

/** Reads the hub's configuration from the environment and arguments, with plain errors. */
export function hubConfigFromEnvironment(env: NodeJS.ProcessEnv, args: readonly string[]): HubConfig {
  const port = Number(env['PORT'] ?? defaultHubConfig.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0-65535); it is "${env['PORT'] ?? ''}"`);
  const dataFolder = path.resolve(env['DATA_DIR'] ?? path.join(root, 'data'));
  return {
    ...defaultHubConfig,
    port,
    host: env['HOST'] ?? defaultHubConfig.host,
    storage: storageFromEnvironment(env['DATABASE_URL'], dataFolder),
    demo: !args.includes('--no-demo') && env['PASO_DEMO'] !== '0',
    proceduresFolder: path.join(root, 'assets/procedures'),
    uiFolder: path.join(root, 'dist/renderer'),
    audioFolder: path.resolve(env['PASO_AUDIO_FOLDER'] ?? path.join(root, 'dist/audio')),
    sweepIntervalMs: Number(env['PASO_SWEEP_MS'] ?? defaultHubConfig.sweepIntervalMs),
    logger: { level: env['LOG_LEVEL'] ?? 'info' },
  };
}

/** Prints where everything is, and the demo accounts in demo mode. */
export function describeHub(url: string, config: HubConfig): string {
  const lines = [
    `Paso a Paso hub${config.demo ? ' — DEMO MODE' : ''} (${config.storage.kind === 'sqlite' ? `SQLite in ${config.storage.file}` : 'PostgreSQL'})`,
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

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isEntry) {
  try {
    const config = hubConfigFromEnvironment(process.env, process.argv.slice(2));
    const hub = await startHub(config);
    console.log(describeHub(hub.url, config));
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
