/**
 * The procedures benchmark. The cold figure is what staff see when they run
 * `npm run procedures:check` on a folder of 1,000 scripts: a fresh Node process (JIT cold),
 * reading the files from disk, checking each, printing the summary. The warm figure repeats the
 * check in one process. The comparison runs the same files through the position-keeping parser
 * alone (what the checker did before the fast read), in the same run on the same machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { answerStep, getProgress, goNext, startSession, type SessionState } from '../../core/engine/index.js';
import { checkProcedureText } from '../../core/procedure/check.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { checkProcedureFiles } from '../procedures/check-files.js';
import { runEditorBench } from './editor-bench.js';
import { generateProcedureYaml } from './generate-procedures.js';
import { ms, percentile } from './stats.js';

const procedureCount = 1000;
const stepsPerProcedure = 30;
const goalMs = 1000;

/** Runs the benchmark and prints its figures. */
export async function runProceduresBench(): Promise<void> {
  console.log(
    `procedures bench: ${procedureCount} procedures × ${stepsPerProcedure} steps, es + en, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}`,
  );
  const texts = Array.from({ length: procedureCount }, (_, index) => generateProcedureYaml({ index, steps: stepsPerProcedure }));
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  const folder = await mkdtemp(path.join(tmpdir(), 'paso-bench-'));
  try {
    await Promise.all(texts.map((text, index) => writeFile(path.join(folder, `bench-${index}.yaml`), text)));
    console.log(`  ${megabytes.toFixed(1)} MB of YAML written to a temporary folder`);

    const cold = coldCheckInFreshProcess(folder);
    const warm = await timeRuns(5, async () => {
      const report = await checkProcedureFiles([folder]);
      if (report.exitCode !== 0) throw new Error(`generated procedures have problems: ${report.lines.slice(0, 3).join(' | ')}`);
    });
    const positionsOnly = await timeRuns(3, () => {
      for (const text of texts) parseDocument(text);
      return Promise.resolve();
    });

    console.log('');
    console.log('  check all 1,000 files (read from disk, check, summarise)');
    console.log(
      `    cold, fresh process (npm run procedures:check)   ${ms(cold.checkMs).padStart(9)}   goal < ${ms(goalMs)}   ${cold.checkMs < goalMs ? 'met' : 'NOT met'}`,
    );
    console.log(`      whole command incl. Node + tsx start-up        ${ms(cold.wallMs).padStart(9)}`);
    console.log(
      `    warm, same process: median of 5                  ${ms(percentile(warm, 50)).padStart(9)}   (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))})`,
    );
    console.log(
      `    comparison: YAML parse with positions alone      ${ms(percentile(positionsOnly, 50)).padStart(9)}   (median of 3; the checker's slow path, before any check)`,
    );
    console.log(`    per procedure, warm                              ${ms(percentile(warm, 50) / procedureCount).padStart(9)}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  const procedures = texts.slice(0, 200).map((text) => {
    const procedure = checkProcedureText(text).procedure;
    if (!procedure) throw new Error('a generated procedure did not pass the checker');
    return procedure;
  });
  const transitions = timeTransitions(procedures);
  console.log('');
  console.log(
    `  step engine: ${transitions.samples.length.toLocaleString('en')} transitions (answer + next + progress) over ${procedures.length} procedures, every branch`,
  );
  console.log(
    `    per transition p50 ${ms(percentile(transitions.samples, 50))}, p99 ${ms(percentile(transitions.samples, 99))}, mean ${ms(transitions.totalMs / transitions.samples.length)}`,
  );
  console.log('    (a frame at 60 Hz is 16.7 ms; the kiosk spends the rest on rendering)');
  runEditorBench();
}

/** Runs the real CLI code in a fresh Node process and reads back its own timing of the check. */
function coldCheckInFreshProcess(folder: string): { checkMs: number; wallMs: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'cold-check.ts'), folder], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`the cold run failed: ${child.stderr}`);
  const lastLine = child.stdout.trim().split('\n').pop() ?? '{}';
  return { checkMs: (JSON.parse(lastLine) as { checkMs: number }).checkMs, wallMs };
}

async function timeRuns(count: number, body: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Walks every branch of each procedure, timing each answer + next + progress, as a kiosk does per tap. */
function timeTransitions(procedures: readonly Procedure[]): { samples: number[]; totalMs: number } {
  const samples: number[] = [];
  let totalMs = 0;
  for (let round = 0; round < 5; round++) {
    for (const procedure of procedures) {
      for (const choiceIndex of [0, 1]) {
        let state: SessionState = startSession(procedure);
        for (let guard = 0; guard < 100; guard++) {
          const start = performance.now();
          const next = step(procedure, state, choiceIndex);
          getProgress(procedure, next ?? state);
          const elapsed = performance.now() - start;
          if (round > 0) {
            samples.push(elapsed);
            totalMs += elapsed;
          }
          if (!next) break;
          state = next;
        }
      }
    }
  }
  return { samples, totalMs };
}

function step(procedure: Procedure, state: SessionState, choiceIndex: number): SessionState | undefined {
  const current = procedure.steps.find((candidate) => candidate.id === state.current);
  let answered = state;
  if (current?.kind === 'question') {
    const choice = current.choices[choiceIndex] ?? current.choices[0];
    const result = choice ? answerStep(procedure, state, { choiceId: choice.id }) : undefined;
    if (result?.ok) answered = result.state;
  } else if (current?.kind === 'input') {
    const result = answerStep(procedure, state, { text: '12345678Z' });
    if (result.ok) answered = result.state;
  }
  const moved = goNext(procedure, answered);
  return moved.ok ? moved.state : undefined;
}
