/**
 * `npm run procedures:schema`: writes `assets/procedures/procedure.schema.json` from the zod
 * schema. `--check` only reports whether the committed file is current (exit 1 when stale).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { procedureJsonSchemaText } from '../core/procedure/json-schema.js';

/** Where editors find the schema; the sample scripts point at it in their first line. */
export const procedureJsonSchemaPath = 'assets/procedures/procedure.schema.json';

const expected = procedureJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = await readFile(procedureJsonSchemaPath, 'utf8').catch(() => '');
  if (current !== expected) {
    console.log(`${procedureJsonSchemaPath} is out of date; run npm run procedures:schema`);
    process.exitCode = 1;
  } else {
    console.log(`${procedureJsonSchemaPath} is up to date`);
  }
} else {
  await writeFile(procedureJsonSchemaPath, expected);
  console.log(`wrote ${procedureJsonSchemaPath}`);
}
