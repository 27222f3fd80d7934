/**
 * Finds and reads the kiosk's configuration file: `PASO_KIOSK_CONFIG` when set (how `npm start`
 * and the tests point at theirs), otherwise `kiosk-config.json` in the app's data folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseKioskConfig, type KioskConfigResult } from '../../core/shell/kiosk-config.js';

/** Where the configuration file is. */
export function configFilePath(env: NodeJS.ProcessEnv, userDataFolder: string): string {
  return path.resolve(env['PASO_KIOSK_CONFIG'] ?? path.join(userDataFolder, 'kiosk-config.json'));
}

/** Reads and checks the file; a missing or unreadable file is a problem like any other. */
export function readKioskConfigSync(file: string): KioskConfigResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problems: [code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? String(error)})`] };
  }
  return parseKioskConfig(text);
}
