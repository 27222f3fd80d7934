#!/usr/bin/env node
/**
 * Runs a TypeScript command of the project in well under a second when nothing changed: tsx
 * compiles every file of a command each time it starts (about a second for `audio:build`), so
 * this bundles the entry once with esbuild (npm packages stay imports, but for zod) into
 * node_modules/.cache/paso-run-ts, and afterwards only compares the bundle's time with its
 * inputs' (the list esbuild's metafile gives) before importing it. esbuild itself is loaded only
 * to rebuild. Plain JavaScript, so nothing has to be compiled to decide that nothing has to be.
 *
 * Usage: node scripts/launch/run-ts.mjs <entry.ts> [arguments…]
 * (`PASO_RUN_TS_CACHE` moves the cache, for tests and benchmarks; it must stay inside the
 * repository's node_modules for the bundle's package imports to resolve, unless it has none.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = fileURLToPath(import.meta.url);
const cacheFolder = path.resolve(process.env.PASO_RUN_TS_CACHE ?? path.join(root, 'node_modules/.cache/paso-run-ts'));

/** The bundle of `entry` and the record of its inputs, named after the entry's absolute path. */
function cacheFiles(entry) {
  const name = `${path.basename(entry).replace(/\.[cm]?tsx?$/, '')}-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
  return { bundle: path.join(cacheFolder, `${name}.mjs`), record: path.join(cacheFolder, `${name}.inputs.json`) };
}

/**
 * Whether the bundle was made from the inputs as they are now: none is newer than the bundle,
 * none is gone. The launcher counts as an input, so a change to how bundles are made remakes them.
 */
function isFresh(files) {
  try {
    const builtAt = statSync(files.bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(files.record, 'utf8'));
    return Array.isArray(inputs) && [...inputs, launcher].every((input) => statSync(input).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/**
 * A bundled file's `import.meta.dirname` would be the cache folder; each source file's own
 * `import.meta.dirname`, `filename` and `url` are written in as literals, so paths the code
 * builds from them stay right.
 */
const sourcePlace = {
  name: 'source-place',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      const loader = /\.[cm]?tsx$/.test(args.path) ? 'tsx' : /\.[cm]?ts$/.test(args.path) ? 'ts' : args.path.endsWith('x') ? 'jsx' : 'js';
      return { contents: text, loader };
    });
  },
};

/**
 * A pure-JavaScript ESM package bundled in rather than imported: it is hundreds of small modules
 * that Node would find and read one by one at every start (zod alone takes 150 ms). Every other
 * package stays an import (native ones such as better-sqlite3 must).
 */
const inlinePackages = new Set(['zod']);

/** Leaves every npm package but {@link inlinePackages} to Node. */
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return inlinePackages.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Bundles `entry` into the cache; the bundle's time is set to when reading began, so an edit made meanwhile remakes it next time. */
async function bundle(entry, files) {
  const startedAt = new Date();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: files.bundle,
    write: false,
    metafile: true,
    sourcemap: 'inline',
    // Positions only: the sources are on disk, and a smaller map is read faster at every start.
    sourcesContent: false,
    logLevel: 'error',
    plugins: [packagesOutside, sourcePlace],
  });
  mkdirSync(cacheFolder, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input));
  // Written beside and renamed over: two commands starting at once never import half a bundle.
  const partial = `.partial-${process.pid}`;
  writeFileSync(files.bundle + partial, result.outputFiles[0]?.contents ?? '');
  writeFileSync(files.record + partial, JSON.stringify({ entry, inputs }));
  utimesSync(files.bundle + partial, startedAt, startedAt);
  renameSync(files.record + partial, files.record);
  renameSync(files.bundle + partial, files.bundle);
}

const [given, ...rest] = process.argv.slice(2);
if (!given) {
  console.error('usage: node scripts/launch/run-ts.mjs <entry.ts> [arguments…]');
  process.exit(2);
}
const entry = path.resolve(given);
const files = cacheFiles(entry);
if (!isFresh(files)) await bundle(entry, files);
// The command sees the arguments it would see under tsx, and maps stack traces to its sources.
process.argv = [process.argv[0] ?? 'node', entry, ...rest];
process.setSourceMapsEnabled(true);
await import(pathToFileURL(files.bundle).href);
