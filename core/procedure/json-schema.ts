/**
 * The JSON Schema of procedure files, generated from the zod schema so editors can autocomplete
 * and underline fields while staff type. Never edited by hand.
 */
import { z } from 'zod';
import { procedureSchema } from './schema.js';

/** The procedure JSON Schema as a pretty-printed string, ready to write to a file. */
export function procedureJsonSchemaText(): string {
  const schema = z.toJSONSchema(procedureSchema, { io: 'input', target: 'draft-2020-12' });
  const withTitle = {
    ...schema,
    title: 'Paso a Paso procedure script',
    description: 'Generated from core/procedure/schema.ts by `npm run procedures:schema`. Do not edit by hand.',
  };
  return `${JSON.stringify(withTitle, null, 2)}\n`;
}
