/**
 * A kiosk module's own code, bundled to run inside a test's page. The kiosk's bundle exposes
 * nothing to tests, and a test that wrote the module's logic again (a selector, a filter) would
 * keep checking the copy after the kiosk changed; this gives the test the kiosk's real functions.
 */
import { buildSync } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * `entry` (a path from the project's root) and what it imports, as a script that puts the
 * module's exports on `window[globalName]`; for `page.addInitScript({ content })`.
 */
export function pageModuleScript(entry: string, globalName: string): string {
  const result = buildSync({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    write: false,
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  // esbuild's `var <globalName>` is not global where Playwright runs an init script (inside a function of its own).
  return `${output.text}\nwindow[${JSON.stringify(globalName)}] = ${globalName};`;
}
