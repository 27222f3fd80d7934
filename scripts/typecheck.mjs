#!/usr/bin/env node
/**
 * `npm run typecheck`: each of the project's TypeScript configs (core, Node, browser, e2e,
 * Electron; apart so that `window` is an error in the hub and `node:fs` one in the renderer),
 * checked by its own `tsc -b`, as many at once as the machine has cores. Each config keeps its
 * build info in node_modules/.cache/tsc/<name>.tsbuildinfo, so with nothing changed `tsc -b`
 * only compares file times, and after a change it rechecks only what the change can reach. A
 * config's output is printed in one piece when it ends, so two configs' errors never interleave.
 * Exit code 1 when any config has errors.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

// Slowest first, so the longest check starts at once and the short ones fill the other core.
const configs = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json', 'tsconfig.electron.json', 'tsconfig.core.json'];

const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

/**
 * Whether `tsc -b` must recheck from scratch: it decides "up to date" from the project's own files
 * only, so a dependency's types changed by `npm install` (which rewrites node_modules/.package-lock.json)
 * would go unseen.
 */
function dependenciesChangedSince(config) {
  const buildInfo = path.join(root, 'node_modules/.cache/tsc', `${config.replace(/^tsconfig\.|\.json$/g, '')}.tsbuildinfo`);
  return mtime(path.join(root, 'node_modules/.package-lock.json')) > mtime(buildInfo);
}

/** Runs `tsc -b config`; resolves with its exit code and everything it printed. */
function check(config) {
  return new Promise((resolve) => {
    const started = performance.now();
    // tsc only colours its output for a terminal; it writes to a pipe here, so ask when there is one.
    const args = [tsc, '-b', config, ...(dependenciesChangedSince(config) ? ['--force'] : []), ...(process.stdout.isTTY ? ['--pretty'] : [])];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ config, code: 1, output: `${error.message}\n`, took: 0 }));
    child.on('close', (code) => resolve({ config, code: code ?? 1, output: Buffer.concat(output).toString(), took: (performance.now() - started) / 1000 }));
  });
}

const queue = [...configs];
let failed = 0;
async function worker() {
  for (let config = queue.shift(); config !== undefined; config = queue.shift()) {
    const result = await check(config);
    process.stdout.write(result.output);
    console.log(`tsc -b ${result.config}: ${result.code === 0 ? 'ok' : 'errors'} (${result.took.toFixed(1)} s)`);
    if (result.code !== 0) failed += 1;
  }
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), configs.length) }, worker));
process.exitCode = failed > 0 ? 1 : 0;
