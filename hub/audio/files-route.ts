/**
 * Serves the built audio at `/audio/`: `manifest.json` (revalidated on every use, since a
 * rebuild changes it) and the hashed sound files (cached for a year and immutable: a changed
 * sound gets a new name). Only names the builder and the speech cache make are served, so no
 * path can climb out of the folder; anything else, or a build not made yet, is a plain 404.
 */
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** The URL prefix of the audio folder. */
export const audioUrlPrefix = '/audio/';

const servable = /^(manifest\.json|(files|speech)\/[a-f0-9]{16,64}\.(ogg|mp3))$/;
const contentTypes: Record<string, string> = { '.json': 'application/json; charset=utf-8', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg' };

/** Registers `GET /audio/*` for `audioFolder` (or a 404 naming the missing build when there is none). */
export function setupAudioFiles(app: FastifyInstance, audioFolder: string | undefined): void {
  app.get(`${audioUrlPrefix}*`, async (request, reply) => {
    const name = (request.params as { '*'?: string })['*'] ?? '';
    const isManifest = name === 'manifest.json';
    const notThere = (): unknown =>
      reply.code(404).send({ error: isManifest ? 'No audio has been built yet: run "npm run audio:build" (npm start does it for you).' : 'There is no such audio file.' });
    if (!audioFolder || !servable.test(name)) return notThere();
    const file = path.join(audioFolder, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return notThere();
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    reply
      .header('content-type', contentTypes[path.extname(name)] ?? 'application/octet-stream')
      .header('cache-control', isManifest ? 'no-cache' : 'public, max-age=31536000, immutable')
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    reply.header('content-length', info.size);
    return reply.send(createReadStream(file));
  });
}
