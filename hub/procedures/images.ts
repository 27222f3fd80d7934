/**
 * The pictures of procedure steps (`image.src` in a script), served read-only from the images
 * folder beside the procedures (assets/images). Only a path the script format allows is looked
 * up, and only inside that folder: no "..", no absolute path, no other file type. The pictures
 * are public illustrations (a DNI drawing), so no token is needed, as for the UI itself.
 */
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSchema } from '../../core/procedure/schema.js';
import { procedureImagesPrefix } from '../../core/protocol/api-routes.js';
import { HubError } from '../http/hub-error.js';

const contentTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** Serves `GET /procedure-images/<src>` from `folder`; anything else there is a plain 404. */
export function setupProcedureImages(app: FastifyInstance, folder: string): void {
  const root = path.resolve(folder);
  app.get(`${procedureImagesPrefix}*`, async (request, reply) => {
    const wanted = (request.params as { '*'?: string })['*'] ?? '';
    const notFound = new HubError(404, 'There is no such picture.', undefined, { reason: 'noPicture' });
    if (!imageSchema.shape.src.safeParse(wanted).success) throw notFound;
    const file = path.resolve(root, wanted);
    // The pattern already refuses "..", but the folder check does not depend on it.
    if (!file.startsWith(root + path.sep)) throw notFound;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw notFound;
    }
    return (
      reply
        .type(contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
        .header('cache-control', 'public, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        // An SVG opened on its own runs no script and loads nothing.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(bytes)
    );
  });
}
