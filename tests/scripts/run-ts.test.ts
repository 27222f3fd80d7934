/**
 * The bundling launcher (scripts/launch/run-ts.mjs) that `npm run audio:build`, `audio:check` and
 * `npm start` go through: it runs a TypeScript entry with its arguments, keeps each source file's
 * own `import.meta.dirname`, bundles once and then reuses the bundle until an input changes, and
 * hands on the command's exit code and its source positions in stack traces.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'paso-run-ts-'));
const cache = path.join(work, 'cache');
const source = path.join(work, 'source');

afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, text: string, secondsFromNow = 0): void {
  const file = path.join(source, name);
  writeFileSync(file, text);
  // Edits land at least a second after the bundle, whatever the file system's time resolution.
  const at = new Date(Date.now() + secondsFromNow * 1000);
  utimesSync(file, at, at);
}

function run(entry: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/launch/run-ts.mjs'), path.join(source, entry), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PASO_RUN_TS_CACHE: cache },
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr };
}

/** The bundle files in the cache, with their modification times. */
function bundles(): Map<string, number> {
  return new Map(
    readdirSync(cache)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => [name, statSync(path.join(cache, name)).mtimeMs]),
  );
}

describe('the TypeScript launcher', () => {
  it('runs an entry with its arguments, each file knowing its own folder, and reuses the bundle until an input changes', () => {
    rmSync(source, { recursive: true, force: true });
    mkdirSync(path.join(source, 'lib'), { recursive: true });
    write('lib/words.ts', "export const word: string = 'uno';\nexport const folder = (): string => import.meta.dirname;\n");
    write(
      'entry.ts',
      "import { folder, word } from './lib/words.js';\nconsole.log(JSON.stringify({ word, args: process.argv.slice(2), folder: folder(), entry: import.meta.filename }));\n",
    );

    const first = run('entry.ts', '--flag', 'value');
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ word: 'uno', args: ['--flag', 'value'], folder: path.join(source, 'lib'), entry: path.join(source, 'entry.ts') });
    const built = bundles();
    expect(built.size).toBe(1);

    // Nothing changed: the same bundle, not made again.
    expect(JSON.parse(run('entry.ts').out)).toMatchObject({ word: 'uno' });
    expect(bundles()).toEqual(built);

    // An imported file changed: bundled again, and the new words run.
    write('lib/words.ts', "export const word: string = 'dos';\nexport const folder = (): string => import.meta.dirname;\n", 2);
    expect(JSON.parse(run('entry.ts').out)).toMatchObject({ word: 'dos' });
    expect([...bundles().values()][0]).not.toBe([...built.values()][0]);
  });

  it('hands on the exit code the command sets, and points stack traces at the TypeScript source', () => {
    write('fails.ts', "process.exitCode = 3;\nconsole.log('set');\n");
    expect(run('fails.ts')).toMatchObject({ code: 3, out: 'set' });

    write('throws.ts', "function deep(): never {\n  throw new Error('broken on purpose');\n}\ndeep();\n");
    const thrown = run('throws.ts');
    expect(thrown.code).not.toBe(0);
    expect(thrown.err).toContain('broken on purpose');
    expect(thrown.err).toMatch(/throws\.ts:2/);
  });
});
