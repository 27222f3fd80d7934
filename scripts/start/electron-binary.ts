/**
 * Finds the Electron binary the way the `electron` package would, but without its side effect:
 * requiring `electron` downloads the binary when it is missing, which fails (slowly) on machines
 * without GitHub. Here a missing binary is an answer with a reason, never a download.
 */
import path from 'node:path';

/** What the file system is asked (passed in so tests use a temporary folder). */
export interface FileProbe {
  exists(file: string): boolean;
  read(file: string): string;
}

/** The binary, or why there is none in words for the `npm start` line. */
export type ElectronBinary = { found: true; file: string } | { found: false; reason: string };

/** Looks for the binary: `ELECTRON_OVERRIDE_DIST_PATH` first (as the package does), then node_modules/electron/dist. */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv, probe: FileProbe): ElectronBinary {
  const packageFolder = path.join(root, 'node_modules/electron');
  if (!probe.exists(path.join(packageFolder, 'package.json'))) return { found: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(packageFolder, 'path.txt');
  const relative = probe.exists(pathFile) ? probe.read(pathFile).trim() : undefined;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const file = path.join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return probe.exists(file) ? { found: true, file } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${file} does not exist` };
  }
  if (relative === undefined)
    return {
      found: false,
      reason: 'its binary was never downloaded (it cannot be on this network); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to use one',
    };
  const file = path.join(packageFolder, 'dist', relative);
  return probe.exists(file) ? { found: true, file } : { found: false, reason: `its binary is missing from ${path.dirname(file)}` };
}
