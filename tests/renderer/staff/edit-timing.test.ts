import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkForEditor } from '../../../renderer/staff/editor/located-problems.js';
import { applyEdit, formDataOf } from '../../../renderer/staff/editor/yaml-document.js';

const sample = readFileSync(path.resolve(import.meta.dirname, '../../../assets/procedures/alta-padron.yaml'), 'utf8');

describe('editing cost on the largest sample script', () => {
  it('a form keystroke (edit + re-read) and a check stay well under a frame budget a person notices', () => {
    let text = sample;
    const started = performance.now();
    for (let n = 0; n < 20; n += 1) {
      text = applyEdit(text, { kind: 'set', path: ['steps', 0, 'text', 'es'], value: `Texto ${n}` }) ?? text;
      expect(formDataOf(text).ok).toBe(true);
    }
    const perKeystroke = (performance.now() - started) / 20;
    const checkStarted = performance.now();
    const broken = checkForEditor(text.replace(/next: (\S+)/g, 'next: nada'));
    const checkMs = performance.now() - checkStarted;
    console.log(
      `${sample.length} chars: ${perKeystroke.toFixed(1)} ms per keystroke, ${checkMs.toFixed(1)} ms to check with ${broken.problems.length} problems`,
    );
    expect(broken.problems.length).toBeGreaterThan(5);
    // Generous bounds for a shared two-core machine; the point is to catch a quadratic slip.
    expect(perKeystroke).toBeLessThan(200);
    expect(checkMs).toBeLessThan(1000);
  });
});
