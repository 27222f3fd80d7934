/** Reads the `:id` of a route, refusing anything that is not an id the hub could have given. */
import { z } from 'zod';
import { parseWith } from './validation.js';

const paramsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'this id is not valid') });

/** The `:id` route parameter. */
export function idParam(params: unknown): string {
  return parseWith(paramsSchema, params).id;
}
