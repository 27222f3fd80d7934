/**
 * The staff editor's cost on the largest sample script, part of `npm run bench -- procedures`:
 * one form keystroke (the YAML edited in place and read back for the form) and one check of a
 * script full of problems, beside the 16.7 ms of a frame a person notices. It was a timed unit
 * test; speed is measured here instead, where a loaded machine spoils a figure, not a run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkForEditor } from '../../renderer/staff/editor/located-problems.js';
import { applyEdit, formDataOf } from '../../renderer/staff/editor/yaml-document.js';
import { ms, percentile } from './stats.js';

const largestSample = 'assets/procedures/alta-padron.yaml';
const keystrokes = 50;
const checks = 10;

/** Times keystrokes and checks on the largest sample and prints p50/p95. */
export function runEditorBench(): void {
  const sample = readFileSync(path.resolve(largestSample), 'utf8');
  let text = sample;
  const keystrokeMs: number[] = [];
  for (let n = 0; n < keystrokes; n += 1) {
    const started = performance.now();
    text = applyEdit(text, { kind: 'set', path: ['steps', 0, 'text', 'es'], value: `Texto ${n}` }) ?? text;
    if (!formDataOf(text).ok) throw new Error('the edited sample no longer reads as a form');
    keystrokeMs.push(performance.now() - started);
  }
  const broken = text.replace(/next: (\S+)/g, 'next: nada');
  const checkMs: number[] = [];
  let problems = 0;
  for (let n = 0; n < checks; n += 1) {
    const started = performance.now();
    problems = checkForEditor(broken).problems.length;
    checkMs.push(performance.now() - started);
  }
  console.log('');
  console.log(`  staff editor on ${largestSample} (${sample.length.toLocaleString('en')} chars):`);
  console.log(`    form keystroke (edit + re-read)  p50 ${ms(percentile(keystrokeMs, 50))}, p95 ${ms(percentile(keystrokeMs, 95))} over ${keystrokes}`);
  console.log(`    check with ${problems} problems        p50 ${ms(percentile(checkMs, 50))}, p95 ${ms(percentile(checkMs, 95))} over ${checks}`);
  console.log('    (beside a frame at 60 Hz: 16.7 ms)');
}
