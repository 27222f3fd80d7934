/**
 * Assembles and starts a hub: database, change feed, procedures, help queue, HTTP routes, the
 * WebSocket endpoint, the built UIs, health and metrics, and the sweep that escalates calls.
 * Each part is set up by its own module; this file only wires them.
 */
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setupAccountRoutes } from './admin/account-routes.js';
import { setupStaffRoutes } from './admin/staff-routes.js';
import { deleteExpiredSessions } from './auth/sessions.js';
import type { SpeechEngine } from '../speech/engine.js';
import { setupAudio } from './audio/setup.js';
import { localChangeFeed, postgresChangeFeed, type ChangeFeed } from './db/change-feed.js';
import { openDatabase, type OpenDatabase, type StorageConfig } from './db/connect.js';
import { seedDemo } from './demo/seed.js';
import { setupKioskRoutes } from './help-queue/kiosk-routes.js';
import { HelpQueue } from './help-queue/queue-service.js';
import { setupVolunteerRoutes } from './help-queue/volunteer-routes.js';
import { roleGuards } from './http/guards.js';
import { HubError } from './http/hub-error.js';
import { parseJsonWithDepthLimit } from './http/json-body.js';
import { setupSecurityHeaders } from './http/security-headers.js';
import { setupFavicon } from './http/favicon.js';
import { route } from './http/route.js';
import { setupLoginLimits, type LoginLimits } from './auth/login-limits.js';
import { createHubMetrics } from './metrics/metrics.js';
import { setupConsoleRoutes } from './admin/console-routes.js';
import { setupAnalyticsRoutes } from './analytics/analytics-routes.js';
import { openProcedureCatalog, type LiveProcedureCatalog } from './procedures/catalog.js';
import { importSampleProcedures } from './procedures/import-samples.js';
import { setupProcedureRoutes } from './procedures/procedure-routes.js';
import { setupKioskCatalogRoute } from './procedures/kiosk-catalog-route.js';
import { ServedCatalogues } from './procedures/served-catalogues.js';
import { setupProcedureImages } from './procedures/images.js';
import { setupRealtime, type Realtime } from './realtime/realtime.js';
import { defaultWorkshopIdleEndMs, WorkshopCommands } from './workshops/workshop-commands.js';
import { setupWorkshopRecordsRoutes } from './workshops/workshop-records.js';
import { setupWorkshopRoutes } from './workshops/workshop-routes.js';
import { JoinCodeLock } from './workshops/join-code-lock.js';

/** Everything a hub needs to start. */
export interface HubConfig {
  port: number;
  /** The address to listen on; see {@link defaultHubConfig} for the defaults main.ts applies. */
  host: string;
  /**
   * The reverse proxies whose `X-Forwarded-For` the hub believes (Fastify's `trustProxy`: an
   * address, several comma-separated, or a CIDR range). Unset, none is believed: a client could
   * otherwise name any address and escape the limits counted per address.
   */
  trustProxy?: string | undefined;
  storage: StorageConfig;
  demo: boolean;
  proceduresFolder: string;
  /** The built UIs (`dist/renderer`). */
  uiFolder: string;
  /** The built audio (`dist/audio`, from `npm run audio:build`), served at /audio/; none when absent. */
  audioFolder?: string;
  /** How often unaccepted calls are checked for escalation. */
  sweepIntervalMs: number;
  /** Calls still open after this long are expired. */
  expireAfterMs: number;
  /** How often expired sessions are deleted (default a minute; rounded to whole sweeps). */
  sessionSweepIntervalMs?: number;
  /** Pino logger options, or false for none. */
  logger: boolean | { level: string; stream?: NodeJS.WritableStream };
  now?: () => number;
  /** How long a new WebSocket has to say hello (default 10 s). */
  helloTimeoutMs?: number;
  /** How often sockets are pinged and the fleet read again (10 s; tests shorten it). */
  heartbeatMs?: number;
  /** The on-demand speech: its engine (espeak-ng), renders at once and renders waiting before a 429. */
  speech?: { engine?: SpeechEngine; concurrency?: number; maxWaiting?: number };
  /** The limits on sign-ins per address and per account (hub/auth/login-limits.ts); tests loosen them. */
  loginLimits?: Partial<LoginLimits>;
  /** A workshop nobody touched for this long ends by itself, its participants wiped (default three hours). */
  workshopIdleEndMs?: number;
  /** How often idle workshops are looked for (default a minute; rounded to whole sweeps). */
  workshopSweepIntervalMs?: number;
}

/** A running hub. */
export interface RunningHub {
  url: string;
  app: FastifyInstance;
  queue: HelpQueue;
  database: OpenDatabase;
  close(): Promise<void>;
}

/** The defaults of `npm start`, adjusted by the environment in main.ts. */
export const defaultHubConfig = {
  port: 8080,
  // Volunteers' phones reach a real hub over the centre's network.
  host: '0.0.0.0',
  // Demo mode publishes its staff password and kiosk token: only this machine may reach it
  // unless HOST says otherwise (issue 15).
  demoHost: '127.0.0.1',
  sweepIntervalMs: 1000,
  expireAfterMs: 2 * 60 * 60_000,
};

/** How long a stopping hub lets its sockets answer the goodbye and its requests finish. */
const closeGraceMs = 2000;

/** Starts a hub and resolves once it listens. */
export async function startHub(config: HubConfig): Promise<RunningHub> {
  const now = config.now ?? Date.now;
  const app = Fastify({
    logger:
      config.logger === false
        ? false
        : {
            level: config.logger === true ? 'info' : config.logger.level,
            ...(typeof config.logger === 'object' && config.logger.stream ? { stream: config.logger.stream } : {}),
            // Tokens never reach the log. Bodies are never logged, so neither are PINs or passwords.
            redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[hidden]' },
          },
    bodyLimit: 64 * 1024,
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
  });
  const log = (message: string): void => app.log.warn(message);
  let database: OpenDatabase;
  try {
    database = await openDatabase(config.storage, log);
  } catch (error) {
    await app.close();
    throw error;
  }
  const { db } = database;

  let feed: ChangeFeed | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;
  let realtime: Realtime | undefined;
  let catalog: LiveProcedureCatalog | undefined;
  try {
    feed = config.storage.kind === 'postgres' ? await postgresChangeFeed(config.storage.url, log) : localChangeFeed();
    // First start: the sample scripts become version 1; after that the database is the truth.
    await importSampleProcedures(db, config.proceduresFolder, now(), log);
    catalog = await openProcedureCatalog(db, feed, log);
    const metrics = createHubMetrics(db);
    const queue = new HelpQueue({ db, feed, catalog, metrics, now, newId: randomUUID, expireAfterMs: config.expireAfterMs });
    const guards = roleGuards(db, now);
    const workshops = new WorkshopCommands({
      db,
      feed,
      catalog,
      now,
      newId: randomUUID,
      randomInt: (max) => randomInt(max),
      idleEndMs: config.workshopIdleEndMs ?? defaultWorkshopIdleEndMs,
      joinLock: new JoinCodeLock(db, app.log),
    });

    setupErrorHandling(app);
    parseJsonWithDepthLimit(app);
    // First, so that every answer below (UIs, API, audio, 404s and errors) carries them.
    await setupSecurityHeaders(app);
    await setupLoginLimits(app, config.loginLimits);
    route(app, guards, 'health', async () => {
      await db.selectFrom('sites').select('id').limit(1).execute();
      return { status: 'ok' as const, storage: config.storage.kind, demo: config.demo };
    });
    route(app, guards, 'metrics', async ({ reply }) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
    route(app, guards, 'sites', async () => ({ sites: await db.selectFrom('sites').select(['id', 'name']).orderBy('name').execute() }));
    setupKioskRoutes(app, { db, queue, guards, demo: config.demo, now, newId: randomUUID });
    // What each catalogue version held, for the fleet page's words (kiosks confirm a version number only).
    const served = new ServedCatalogues();
    setupKioskCatalogRoute(app, { guards, catalog, served });
    setupVolunteerRoutes(app, { db, feed, queue, guards, demo: config.demo, now });
    setupStaffRoutes(app, { db, feed, guards, demo: config.demo, now, newId: randomUUID });
    setupAccountRoutes(app, { db, feed, guards, now, newId: randomUUID });
    setupProcedureRoutes(app, { db, feed, catalog, guards, now, newId: randomUUID });
    setupConsoleRoutes(app, {
      db,
      feed,
      catalog,
      guards,
      fleet: () => (realtime ? realtime.fleet() : Promise.reject(new Error('the realtime endpoint is not set up yet'))),
      demo: config.demo,
      now,
      newId: randomUUID,
    });
    setupAnalyticsRoutes(app, { db, catalog, guards });
    setupWorkshopRoutes(app, { db, catalog, commands: workshops, guards, now });
    setupWorkshopRecordsRoutes(app, { db, catalog, guards });
    // Step pictures live beside the scripts: assets/procedures → assets/images.
    setupProcedureImages(app, path.join(path.dirname(path.resolve(config.proceduresFolder)), 'images'));
    setupAudio(app, { audioFolder: config.audioFolder, db, guards, catalog, ...config.speech });
    realtime = await setupRealtime(app, {
      served,
      db,
      queue,
      feed,
      catalog,
      metrics,
      demo: config.demo,
      now,
      ...(config.helloTimeoutMs ? { helloTimeoutMs: config.helloTimeoutMs } : {}),
      ...(config.heartbeatMs ? { heartbeatMs: config.heartbeatMs } : {}),
    });
    setupFavicon(app);
    await setupUi(app, path.resolve(config.uiFolder));

    if (config.demo) await seedDemo(db, now());
    let sweeps = 0;
    const sessionSweepEvery = Math.max(1, Math.round((config.sessionSweepIntervalMs ?? 60_000) / config.sweepIntervalMs));
    const workshopSweepEvery = Math.max(1, Math.round((config.workshopSweepIntervalMs ?? 60_000) / config.sweepIntervalMs));
    sweepTimer = setInterval(() => {
      queue.sweep().catch((error: unknown) => app.log.error({ err: error }, 'the escalation sweep failed'));
      // Expired sessions admit nobody already (auth/authenticate.ts); this deletes their rows.
      sweeps += 1;
      if (sweeps % sessionSweepEvery === 0)
        deleteExpiredSessions(db, now()).catch((error: unknown) => app.log.error({ err: error }, 'the session sweep failed'));
      // Workshops left running (a trainer who walked away) end, and their participants are wiped.
      if (sweeps % workshopSweepEvery === 0) workshops.sweep().catch((error: unknown) => app.log.error({ err: error }, 'the workshop sweep failed'));
    }, config.sweepIntervalMs);

    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const openFeed = feed;
    const openRealtime = realtime;
    const openCatalog = catalog;
    const timer = sweepTimer;
    return {
      url: `http://127.0.0.1:${port}`,
      app,
      queue,
      database,
      close: async () => {
        clearInterval(timer);
        openRealtime.close();
        openCatalog.close();
        // Stopping must not wait on clients: a socket that never answers the goodbye, a kiosk
        // that reconnected just before the listener closed, or a keep-alive connection each
        // held app.close() for up to 72 s (Fastify's keep-alive timeout). After a short grace
        // for the goodbyes and the requests in flight, whatever is left is cut.
        // (A request whose body never comes does not hold app.close(), but would outlive it.)
        const cutEverything = (): void => {
          openRealtime.terminate();
          app.server.closeAllConnections();
        };
        const cutOff = setTimeout(cutEverything, closeGraceMs);
        try {
          await app.close();
        } finally {
          clearTimeout(cutOff);
          cutEverything();
        }
        await openFeed.close();
        await database.close();
      },
    };
  } catch (error) {
    // A hub that cannot start leaves nothing open behind it.
    clearInterval(sweepTimer);
    realtime?.close();
    catalog?.close();
    await app.close().catch(() => undefined);
    await feed?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

function setupErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HubError, request, reply) => {
    if (error instanceof HubError)
      return reply.code(error.statusCode).send({ error: error.message, ...(error.field ? { field: error.field } : {}), ...(error.detail ?? {}) });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const plain: Record<string, string> = {
        FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
        FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty; send a JSON object.',
        FST_ERR_CTP_BODY_TOO_LARGE: 'The body is too large.',
        FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the body as application/json.',
      };
      return reply.code(status).send({ error: plain[error.code] ?? error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'The hub had a problem. Try again in a moment.' });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `There is nothing at ${request.method} ${request.url.split('?')[0] ?? ''}.` }));
}

/** Serves the built UIs at /kiosk/, /volunteer/ and /staff/, or says plainly that they are not built. */
async function setupUi(app: FastifyInstance, uiFolder: string): Promise<void> {
  if (!existsSync(path.join(uiFolder, 'kiosk', 'index.html'))) {
    for (const ui of ['kiosk', 'volunteer', 'staff']) {
      app.get(`/${ui}/`, async (_request, reply) =>
        reply.code(503).type('text/plain').send('The UI is not built yet: run "npm run build" (npm start does it for you).'),
      );
    }
    return;
  }
  await app.register(fastifyStatic, { root: uiFolder, prefix: '/', index: ['index.html'], redirect: true, wildcard: true });
  app.get('/', async (_request, reply) => reply.redirect('/kiosk/'));
}
