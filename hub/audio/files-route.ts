/**
 * Serves the audio at `/audio/`: `manifest.json` (revalidated on every use, since a rebuild
 * changes it), the build's sounds (`files/<hash>`, from its folder) and the sounds the hubs
 * render on demand (`speech/<hash>`, from the database every hub shares), both cached for a
 * year and immutable: a changed sound gets a new name. Only names the builder and the speaker
 * make are served, so no path can climb out of the folder; anything else, or a build not made
 * yet, is a plain 404. A sound's MP3 fallback is made when first asked for (only browsers
 * without Opus ask), in the speaker's queue: when it is full the answer is a worded 429.
 */
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SpeechBusy, type Speaker } from '../../speech/speaker.js';
import type { SoundStore } from '../../speech/store.js';
import { AudioToolMissing } from '../../speech/tools.js';
import { HubError } from '../http/hub-error.js';

/** The URL prefix of the audio folder. */
export const audioUrlPrefix = '/audio/';

const servable = /^(manifest\.json|files\/[a-f0-9]{24}\.(ogg|mp3))$/;
const buildFallback = /^files\/([a-f0-9]{24})\.mp3$/;
const onDemand = /^speech\/([a-f0-9]{24})\.(ogg|mp3)$/;
const contentTypes: Record<string, string> = { '.json': 'application/json; charset=utf-8', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg' };
const immutable = 'public, max-age=31536000, immutable';

/** Where the files route finds sounds. */
export interface AudioFiles {
  /** The folder `npm run audio:build` writes; undefined when the hub serves no build. */
  audioFolder: string | undefined;
  /** The build's sounds (`<audioFolder>/files`), where their fallbacks are kept too. */
  buildStore: SoundStore | undefined;
  /** The sounds the hubs render on demand. */
  sharedStore: SoundStore;
  /** Makes fallbacks in its queue. */
  speaker: Speaker;
}

/** Makes `hash`'s MP3 in `store`; false when there is no such sound. Too busy is a 429, no encoder a 503. */
async function makeFallback(speaker: Speaker, store: SoundStore, hash: string): Promise<boolean> {
  try {
    return (await speaker.fallback(store, hash))?.files.mp3 !== undefined;
  } catch (error) {
    if (error instanceof SpeechBusy)
      throw new HubError(429, `${error.message} (this browser cannot play Ogg/Opus, so its MP3 has to be made first)`, undefined, { code: 'speech-busy' });
    if (error instanceof AudioToolMissing) throw new HubError(503, `This hub cannot make the MP3 this browser needs: ${error.message}`);
    throw error;
  }
}

/** Registers `GET /audio/*`: the build's files (or a 404 naming the missing build when there is none) and the on-demand store's. */
export function setupAudioFiles(app: FastifyInstance, files: AudioFiles): void {
  const { audioFolder, buildStore, sharedStore: store, speaker } = files;
  app.get(`${audioUrlPrefix}*`, async (request, reply) => {
    const name = (request.params as { '*'?: string })['*'] ?? '';
    const isManifest = name === 'manifest.json';
    const notThere = (): unknown =>
      reply
        .code(404)
        .send({ error: isManifest ? 'No audio has been built yet: run "npm run audio:build" (npm start does it for you).' : 'There is no such audio file.' });
    const spoken = onDemand.exec(name);
    if (spoken) {
      const [, hash = '', format = ''] = spoken;
      let bytes = await store.read(hash, format === 'ogg' ? 'ogg' : 'mp3');
      if (!bytes && format === 'mp3' && (await makeFallback(speaker, store, hash))) bytes = await store.read(hash, 'mp3');
      if (!bytes) return notThere();
      // The name is the content's: the hash itself is a strong validator.
      const etag = `"${hash}"`;
      reply
        .header('content-type', contentTypes[`.${format}`] ?? 'application/octet-stream')
        .header('cache-control', immutable)
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.header('content-length', bytes.length).send(bytes);
    }
    if (!audioFolder || !servable.test(name)) return notThere();
    const file = path.join(audioFolder, name);
    let info = await stat(file).catch(() => undefined);
    const fallback = buildFallback.exec(name);
    if (!info && fallback && buildStore && (await makeFallback(speaker, buildStore, fallback[1] ?? ''))) info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return notThere();
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    reply
      .header('content-type', contentTypes[path.extname(name)] ?? 'application/octet-stream')
      .header('cache-control', isManifest ? 'no-cache' : immutable)
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    reply.header('content-length', info.size);
    return reply.send(createReadStream(file));
  });
}
