/**
 * `npm run bench -- start`: how soon a fresh `npm start` speaks. npm packages are installed and no
 * speech is built (a temporary PASO_AUDIO_FOLDER and DATA_DIR, a free PORT). The UI is built
 * first into a temporary folder (timed: on a fresh machine it is on the path) and served from
 * there, so the repository's own dist/ is left alone. Then `npm start -- --shell=none` runs in its
 * own process group, timed from its start to:
 *   - the first line the setup script prints;
 *   - (a) the kiosk page answering and a UI prompt spoken: the hub's prompt route answers 200 for
 *     `ui/attract.start` with the demo kiosk's token, and the /audio/ file it names is served;
 *   - (b) every prompt rendered: manifest.json present with every prompt of the UI and procedures.
 * It is then stopped as Ctrl+C would (SIGINT to its group) and must leave no hub and no build
 * behind. Last, the no-change `audio:build` command on that build: cold (the launcher bundles
 * first) and warm.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { speechResponseSchema } from '../../core/protocol/http.js';
import { demoAccounts } from '../../hub/demo/seed.js';
import { collectPrompts } from '../../speech/collect.js';
import { defaultAudioPaths } from '../audio/paths.js';
import { formatDuration } from '../audio/progress.js';
import { freeLoopbackPort, isListening, sleep } from './bench-processes.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

const root = path.resolve(import.meta.dirname, '../..');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a UI prompt is spoken: the prompt route answers and the file it names is served. */
async function promptSpoken(base: string): Promise<boolean> {
  const page = await fetch(`${base}/kiosk/`);
  if (!page.ok) return false;
  const answer = await fetch(`${base}${apiRoutes.kioskPromptSpeech.path}?id=ui/attract.start&language=es&speed=slow`, {
    headers: { authorization: `Bearer ${demoAccounts.kioskToken}` },
  });
  if (answer.status !== 200) return false;
  const spoken = speechResponseSchema.parse(await answer.json());
  return (await fetch(base + spoken.ogg)).ok;
}

/** Prompt × language pairs in a manifest file, or -1 when there is none (yet). */
function manifestPairs(file: string): number {
  if (!existsSync(file)) return -1;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { prompts: Record<string, Record<string, unknown>> };
    return Object.values(manifest.prompts).reduce((sum, byLanguage) => sum + Object.keys(byLanguage).length, 0);
  } catch {
    return -1;
  }
}

async function timeCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(command, args, { cwd: root, env });
  return performance.now() - started;
}

/** Runs the start area. */
export async function runStartBench(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'paso-start-bench-'));
  const audioFolder = path.join(work, 'audio');
  const uiFolder = path.join(work, 'ui');
  const benchCache = path.join(root, `node_modules/.cache/paso-run-ts-bench-${process.pid}`);
  const { prompts } = await collectPrompts(defaultAudioPaths());
  let group: number | undefined;
  try {
    let started = performance.now();
    const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', uiFolder, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (vite.status !== 0) throw new Error(`the UI build failed:\n${vite.stderr}`);
    const viteMs = performance.now() - started;

    const port = await freeLoopbackPort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(work, 'data'),
      PASO_AUDIO_FOLDER: audioFolder,
      PASO_UI_FOLDER: uiFolder,
    };
    started = performance.now();
    // Its own process group: SIGINT to the group is what Ctrl+C in a terminal sends.
    const child = spawn('npm', ['start', '--', '--shell=none'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    group = child.pid;
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    let firstLineMs: number | undefined;
    let lastSpeechLine = '';
    const onChunk = (chunk: Buffer): void => {
      output += chunk.toString();
      if (firstLineMs === undefined && output.includes('[setup] ')) firstLineMs = performance.now() - started;
      for (const line of chunk.toString().split('\n')) if (line.startsWith('speech: ')) lastSpeechLine = line;
    };
    child.stdout.on('data', onChunk);
    child.stderr.on('data', onChunk);

    let speakingMs: number | undefined;
    let builtMs: number | undefined;
    let lastShown = '';
    const deadline = performance.now() + 60 * 60_000;
    while (builtMs === undefined && performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      const now = performance.now() - started;
      if (speakingMs === undefined && (await promptSpoken(base).catch(() => false))) {
        speakingMs = now;
        console.log(`  ${seconds(now)}  a UI prompt is spoken through the hub`);
      }
      if (manifestPairs(path.join(audioFolder, 'manifest.json')) >= prompts.length) builtMs = now;
      if (lastSpeechLine !== lastShown) {
        lastShown = lastSpeechLine;
        console.log(`  ${seconds(now)}  ${lastSpeechLine}`);
      }
      await sleep(speakingMs === undefined ? 100 : 1000);
    }

    const buildPid = Number(/speech: .*\(pid (\d+)/.exec(output)?.[1] ?? NaN);
    const stopStarted = performance.now();
    process.kill(-(group ?? 0), 'SIGINT');
    const code = await exit;
    const stopMs = performance.now() - stopStarted;
    group = undefined;
    const leftovers = [
      ...((await isListening(port)) ? ['the hub still listens'] : []),
      ...(Number.isInteger(buildPid) && processAlive(buildPid) ? [`the speech build (pid ${buildPid}) still runs`] : []),
    ];

    console.log(`npm start on a fresh machine (packages installed, no speech built, ${prompts.length} prompts); 2 shared cores, timings noisy:`);
    console.log(`  UI build (vite)                   ${seconds(viteMs)} (before npm start, not counted below)`);
    console.log(`  first line printed                ${firstLineMs === undefined ? 'none' : `${Math.round(firstLineMs)} ms`} (npm's own start-up included)`);
    console.log(
      `  (a) kiosk page + UI prompt spoken ${speakingMs === undefined ? 'not reached' : seconds(speakingMs)} (goal with the UI build: < 60 s → ${speakingMs === undefined ? '?' : seconds(speakingMs + viteMs)})`,
    );
    console.log(`  (b) every prompt rendered         ${builtMs === undefined ? 'not within the hour' : formatDuration(builtMs / 1000)}`);
    console.log(
      `  stopped (SIGINT)                  exit ${String(code)} in ${Math.round(stopMs)} ms, ${output.includes('Paso a Paso stopped.') ? 'stopped cleanly' : 'without its "stopped" line'}, ${leftovers.length === 0 ? 'nothing left behind' : leftovers.join('; ')}`,
    );

    if (builtMs !== undefined) {
      // A cache of its own for the cold run, inside node_modules where the bundle's package imports resolve.
      const commandEnv = { ...process.env, PASO_AUDIO_FOLDER: audioFolder, PASO_RUN_TS_CACHE: benchCache };
      const launcher = [path.join(root, 'scripts/launch/run-ts.mjs'), 'scripts/audio/build.ts'];
      const cold = await timeCommand(process.execPath, launcher, commandEnv);
      const warm: number[] = [];
      for (let run = 0; run < 5; run++) warm.push(await timeCommand(process.execPath, launcher, commandEnv));
      const viaNpm = await timeCommand('npm', ['run', '--silent', 'audio:build'], commandEnv);
      warm.sort((a, b) => a - b);
      console.log(
        `  no-change audio:build command     cold ${Math.round(cold)} ms (bundling), warm median ${Math.round(warm[2] ?? 0)} ms of 5 (${warm.map(Math.round).join(', ')}); through npm run ${Math.round(viaNpm)} ms (goal < 1 s)`,
      );
    }
  } finally {
    if (group !== undefined) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(work, { recursive: true, force: true });
    rmSync(benchCache, { recursive: true, force: true });
  }
}
