import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkForEditor } from '../../../renderer/staff/editor/located-problems.js';
import { applyEdit, formDataOf } from '../../../renderer/staff/editor/yaml-document.js';

const sample = readFileSync(path.resolve(import.meta.dirname, '../../../assets/procedures/alta-padron.yaml'), 'utf8');

// How long these take is measured by `npm run bench -- procedures` (scripts/bench/editor-bench.ts),
// not here: a timed test fails on a loaded machine and proves nothing about speed.
describe('editing the largest sample script', () => {
  it('twenty form keystrokes (edit + re-read) keep it a valid form, and a check of it broken finds the problems', () => {
    let text = sample;
    for (let n = 0; n < 20; n += 1) {
      text = applyEdit(text, { kind: 'set', path: ['steps', 0, 'text', 'es'], value: `Texto ${n}` }) ?? text;
      expect(formDataOf(text).ok).toBe(true);
    }
    expect(formDataOf(text).ok && text.includes('Texto 19')).toBe(true);
    const broken = checkForEditor(text.replace(/next: (\S+)/g, 'next: nada'));
    expect(broken.problems.length).toBeGreaterThan(5);
  });
});
