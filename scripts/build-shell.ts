/**
 * `npm run build:shell`: bundles the kiosk shell with esbuild into dist/electron/ (or the folder
 * given as `--out=<folder>`): `main.cjs` (the main process) and `preload.cjs` (CommonJS, because a
 * sandboxed preload cannot load ES modules). Everything is bundled except `electron` itself, so
 * the packaged app needs no node_modules at all and no native module can slip in.
 */
import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Builds main and preload into `outDir`. */
export async function buildShell(outDir: string): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    sourcemap: false,
    logLevel: 'warning',
    legalComments: 'none',
  };
  await Promise.all([
    // Electron 45 runs Node 22 in its main process.
    build({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(outDir, 'main.cjs'), target: 'node22' }),
    build({ ...common, entryPoints: [path.join(root, 'electron/preload/index.ts')], outfile: path.join(outDir, 'preload.cjs'), target: 'chrome140' }),
  ]);
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isEntry) {
  const outFlag = process.argv.find((argument) => argument.startsWith('--out='));
  const outDir = path.resolve(outFlag ? outFlag.slice('--out='.length) : path.join(root, 'dist/electron'));
  await buildShell(outDir);
  console.log(`kiosk shell built in ${path.relative(process.cwd(), outDir) || '.'}`);
}
