/**
 * The hub's audio: the built prompts at `/audio/`, help-call sentences and changed procedure
 * texts on demand (through one speaker with a bounded queue, kept in the database every hub
 * shares), and the rendering of a publication's new wording before kiosks are told. One call
 * from server.ts wires them.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { storeFolderName } from '../../speech/build.js';
import { espeakEngine, type SpeechEngine } from '../../speech/engine.js';
import { createSpeaker } from '../../speech/speaker.js';
import { folderSoundStore } from '../../speech/store.js';
import type { HubDatabase } from '../db/schema.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { Guards } from '../http/route.js';
import { databaseSoundStore } from './database-sound-store.js';
import { setupAudioFiles } from './files-route.js';
import { hubSpeech } from './hub-speech.js';
import { renderPublishedWording } from './prepare-published.js';
import { setupSpeechRoute } from './speech-route.js';

const defaultLocalesFolder = path.resolve(import.meta.dirname, '../../assets/locales');

/** What the audio routes need. */
export interface AudioSetup {
  /** The folder `npm run audio:build` writes (dist/audio); undefined serves no build. */
  audioFolder: string | undefined;
  db: Kysely<HubDatabase>;
  guards: Guards;
  catalog: ProcedureCatalog;
  engine?: SpeechEngine;
  localesFolder?: string;
  /** Renders at once and renders waiting before a 429 (defaults: the speaker's). */
  concurrency?: number;
  maxWaiting?: number;
}

/** Reads every `<folder>/<language>/kiosk.json`. */
export function loadKioskLocales(folder: string): Record<string, unknown> {
  const locales: Record<string, unknown> = {};
  for (const language of readdirSync(folder)) {
    const file = path.join(folder, language, 'kiosk.json');
    if (existsSync(file)) locales[language] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return locales;
}

/** Registers `/audio/*` and the speech routes, and renders new wording on publication. */
export function setupAudio(app: FastifyInstance, setup: AudioSetup): void {
  const audioFolder = setup.audioFolder === undefined ? undefined : path.resolve(setup.audioFolder);
  const buildStore = audioFolder === undefined ? undefined : folderSoundStore(path.join(audioFolder, storeFolderName));
  const sharedStore = databaseSoundStore(setup.db);
  const speaker = createSpeaker({
    engine: setup.engine ?? espeakEngine(),
    stores: buildStore ? [buildStore, sharedStore] : [sharedStore],
    ...(setup.concurrency === undefined ? {} : { concurrency: setup.concurrency }),
    ...(setup.maxWaiting === undefined ? {} : { maxWaiting: setup.maxWaiting }),
  });
  setupAudioFiles(app, { audioFolder, buildStore, sharedStore, speaker });
  const speech = hubSpeech(speaker, buildStore);
  setupSpeechRoute(app, {
    db: setup.db,
    guards: setup.guards,
    catalog: setup.catalog,
    locales: loadKioskLocales(setup.localesFolder ?? defaultLocalesFolder),
    speech,
  });
  // A hub configured without audio has no kiosks that speak: its publications are told at once.
  if (audioFolder === undefined) {
    app.addHook('onClose', () => sharedStore.close());
    return;
  }
  const stop = setup.catalog.beforeAnnouncing(async (changed) => {
    const started = performance.now();
    const prepared = await renderPublishedWording(audioFolder, speech, changed);
    if (prepared.prompts > 0) {
      app.log.info(
        `new wording of ${changed.map(({ procedure }) => procedure.id).join(', ')}: ${prepared.prompts} texts, ${prepared.rendered} sounds rendered in ${Math.round(performance.now() - started)} ms`,
      );
    }
  });
  app.addHook('onClose', async () => {
    stop();
    await sharedStore.close();
  });
}
