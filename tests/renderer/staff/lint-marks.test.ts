/**
 * The YAML editor's lint marks say the checker's problem in the console's language: a clerk
 * with the console in Spanish who points at a mark reads Spanish, not the command line's English.
 */
import { Text } from '@codemirror/state';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { diagnosticsOf } from '../../../renderer/staff/editor/yaml-editor/extensions.js';

describe('lint marks in the YAML editor', () => {
  it("word a broken link in the console's language, at the problem's place", async () => {
    const script = await readFile('assets/procedures/certificado-empadronamiento.yaml', 'utf8');
    const broken = script.replace(/next: (\S+)/, 'next: paso-que-no-existe');
    expect(broken).not.toBe(script);
    const checked = checkProcedureText(broken);
    const link = checked.problems.find((problem) => problem.message.includes('paso-que-no-existe'));
    if (!link) throw new Error('the checker found no broken link');
    expect(link.code).toBeDefined();

    const doc = Text.of(broken.split('\n'));
    const [spanish] = diagnosticsOf(doc, [link], 'es');
    const [english] = diagnosticsOf(doc, [link], 'en');
    expect(english?.message).toBe(link.message);
    expect(spanish?.message).toContain('paso-que-no-existe');
    expect(spanish?.message).not.toBe(english?.message);
    expect(spanish?.message).toMatch(/paso/);
    expect(spanish?.message).not.toMatch(/\bstep\b|\bgoes to\b/);
    // The mark sits on the line the checker named.
    expect(doc.lineAt(spanish?.from ?? -1).number).toBe(link.line);
  });
});
