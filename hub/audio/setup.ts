/**
 * The hub's audio: the built prompts at `/audio/` and help-call sentences on demand. One call
 * from server.ts wires both.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HubDatabase } from '../db/schema.js';
import type { roleGuards } from '../http/guards.js';
import { espeakEngine, type SpeechEngine } from './engine.js';
import { setupAudioFiles } from './files-route.js';
import { speechCache } from './speech-cache.js';
import { setupSpeechRoute } from './speech-route.js';

const defaultLocalesFolder = path.resolve(import.meta.dirname, '../../assets/locales');

/** What the audio routes need. */
export interface AudioSetup {
  /** The folder `npm run audio:build` writes (dist/audio); undefined serves nothing. */
  audioFolder: string | undefined;
  db: Kysely<HubDatabase>;
  guards: ReturnType<typeof roleGuards>;
  engine?: SpeechEngine;
  localesFolder?: string;
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

/** Registers `/audio/*` and `GET /api/kiosk/speech`. */
export function setupAudio(app: FastifyInstance, setup: AudioSetup): void {
  const audioFolder = setup.audioFolder === undefined ? undefined : path.resolve(setup.audioFolder);
  setupAudioFiles(app, audioFolder);
  setupSpeechRoute(app, {
    db: setup.db,
    guards: setup.guards,
    locales: loadKioskLocales(setup.localesFolder ?? defaultLocalesFolder),
    cache: audioFolder === undefined ? undefined : speechCache(audioFolder, setup.engine ?? espeakEngine()),
  });
}
