/**
 * Run by the procedures benchmark in a fresh process: checks a folder exactly as
 * `npm run procedures:check` does and prints how long the check took, as JSON.
 */
import { checkProcedureFiles } from '../procedures/check-files.js';

const folder = process.argv[2];
if (!folder) throw new Error('usage: cold-check.ts <folder>');
const start = performance.now();
const report = await checkProcedureFiles([folder]);
const checkMs = performance.now() - start;
if (report.exitCode !== 0) {
  console.error(report.lines.slice(0, 3).join('\n'));
  process.exit(1);
}
console.log(JSON.stringify({ checkMs }));
