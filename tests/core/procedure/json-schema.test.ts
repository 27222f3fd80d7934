import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { procedureJsonSchemaText } from '../../../core/procedure/json-schema.js';
import { samplesFolder, sampleSources } from '../../support/procedures.js';

describe('the JSON Schema for editors', () => {
  it('is generated from the zod schema and the committed file is current', () => {
    const committed = readFileSync(path.join(samplesFolder, 'procedure.schema.json'), 'utf8');
    expect(committed).toBe(procedureJsonSchemaText());
  });

  it('describes every step kind and is what every sample points its editor at', () => {
    const schema = procedureJsonSchemaText();
    for (const kind of ['info', 'question', 'input', 'checklist', 'review', 'handoff', 'done']) expect(schema).toContain(`"const": "${kind}"`);
    for (const { fileName, text } of sampleSources()) {
      expect(text.split('\n')[0], fileName).toBe('# yaml-language-server: $schema=./procedure.schema.json');
    }
  });
});
