#!/usr/bin/env node
/**
 * `npm test`: every check and every test, in the order a failure is cheapest to find: the
 * procedure checker and schema, types, lint, unit and integration tests (vitest), then the
 * build and the browser tests (Playwright in Chromium). It keeps going after a failure so one
 * run shows everything, and ends with the one line CI reads: `N passed, N failed, N skipped`.
 * Each static check counts as one test. Each stage's wall time is printed as it ends and again
 * in a table before that line (issue 11: the run must fit in 20 minutes on two cores, so where
 * the time goes should be visible in every CI log). Exit code 1 when anything failed or nothing ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Each stage's label and wall time in seconds, in the order they ran. */
const timings = [];
const startedAt = performance.now();

const seconds = (since) => (performance.now() - since) / 1000;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const took = seconds(started);
  timings.push({ label, took });
  console.log(`=== ${label}: ${took.toFixed(1)} s`);
  return result.status === 0;
}

/** The stage times as an aligned table with each stage's share, then the whole run's wall time. */
function printTimings() {
  const total = seconds(startedAt);
  const totalLabel = 'total';
  const width = Math.max(totalLabel.length, ...timings.map(({ label }) => label.length));
  const time = (took) => `${took.toFixed(1).padStart(7)} s`;
  console.log('\nStage times:');
  for (const { label, took } of timings) console.log(`  ${label.padEnd(width)}  ${time(took)}  ${((100 * took) / total).toFixed(0).padStart(3)} %`);
  console.log(`  ${totalLabel.padEnd(width)}  ${time(total)}`);
}

/** A check that is one pass or one failure. */
function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

/** A test runner whose JSON report gives the counts; a crash without a report counts as one failure. */
function suite(label, command, args, env, readCounts) {
  const ok = run(label, command, args, env);
  let counts;
  try {
    counts = readCounts();
  } catch {
    counts = undefined;
  }
  if (!counts) {
    totals.failed += 1;
    failures.push(`${label} (no report: the runner itself failed)`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (counts.failed > 0 || !ok) failures.push(`${label} (${counts.failed} failed)`);
  if (!ok && counts.failed === 0) totals.failed += 1;
}

const readJson = (file) => JSON.parse(readFileSync(path.join(reports, file), 'utf8'));

check('procedure JSON Schema is current', 'npx', ['tsx', 'scripts/procedures-schema.ts', '--check']);
check('procedure scripts pass the checker', 'npx', ['tsx', 'scripts/procedures-check.ts']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
suite('unit and integration tests (vitest)', 'npx', ['vitest', 'run'], { VITEST_JSON_REPORT: path.join(reports, 'vitest.json') }, () => {
  const report = readJson('vitest.json');
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
});
// Every spoken text rendered (incremental: only what changed); CI installs espeak-ng and ffmpeg
// first. The hub the browser tests start serves this folder.
check('spoken prompts are built (audio:build)', 'npm', ['run', '--silent', 'audio:build']);
// Every file decoded and measured: present at every speed, peaks, loudness, leading silence.
check('spoken prompts pass the audio check (audio:check)', 'npm', ['run', '--silent', 'audio:check']);
check('build the UIs', 'npm', ['run', '--silent', 'build']);
suite('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json') }, () => {
  const { stats } = readJson('playwright.json');
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
});
printSkipReasons();

/**
 * Every test of the Playwright JSON report with its spec and the titles of the describe blocks
 * around it (not the file's own suite), or nothing when there is no report.
 */
function playwrightTests() {
  let report;
  try {
    report = readJson('playwright.json');
  } catch {
    return [];
  }
  const found = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) found.push({ spec, test, titles });
    for (const child of suite.suites ?? []) walk(child, child.title && !child.title.endsWith('.ts') ? [...titles, child.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return found;
}

/**
 * The name and first error line of every failed vitest and Playwright test, printed again just
 * before the summary: CI shows only the end of a long log, and a failure's name must be in it.
 */
function failedTestLines() {
  const lines = [];
  const firstLine = (text) =>
    stripVTControlCharacters(String(text ?? ''))
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 300) ?? '';
  try {
    for (const file of readJson('vitest.json').testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') lines.push(`vitest ${path.relative(root, file.name)} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      }
    }
  } catch {
    // No vitest report: the stage's own failure line says so.
  }
  for (const { spec, test, titles } of playwrightTests()) {
    if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
    const error = (test.results ?? []).map((result) => result.error?.message).find(Boolean);
    const kind = test.status === 'flaky' ? 'flaky (passed on retry)' : 'failed';
    lines.push(`playwright ${kind} ${spec.file} > ${[...titles, spec.title].join(' > ')}: ${firstLine(error)}`);
  }
  return lines;
}

/**
 * Says why vitest and browser tests were skipped (e.g. the Electron shell suite where no Electron binary
 * exists, or the @timing tests held back after a failure).
 */
function printSkipReasons() {
  const reasons = new Map();
  // vitest: the reason tests/support/skip-because.ts records in the report.
  for (const file of existsSync(path.join(reports, 'vitest.json')) ? readJson('vitest.json').testResults : []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'skipped' && test.status !== 'pending') continue;
      const key = `${path.relative(process.cwd(), file.name)}: ${test.meta?.skipReason ?? 'no reason given'}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  for (const { spec, test } of playwrightTests()) {
    if (test.status !== 'skipped') continue;
    // A test that never started was held back by Playwright: the @timing tests run only once
    // every other browser test has passed (playwright.config.ts).
    const held = (test.results ?? []).length === 0 ? 'not run: a browser test it waits for failed' : undefined;
    const reason = (test.annotations ?? []).find((annotation) => annotation.type === 'skip')?.description ?? held ?? 'no reason given';
    const key = `${spec.file}: ${reason}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  for (const [reason, count] of reasons) console.log(`SKIPPED ${count}: ${reason}`);
}

if (totals.passed === 0 && totals.failed === 0) {
  totals.failed = 1;
  failures.push('no test ran at all');
}
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(path.join(reports, 'summary.txt'), `${summary}\n`);
printTimings();
console.log('');
for (const failure of failures) console.log(`FAILED: ${failure}`);
for (const line of failedTestLines()) console.log(`  ${line}`);
console.log(summary);
process.exitCode = totals.failed > 0 ? 1 : 0;
