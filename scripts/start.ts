/**
 * `npm start`: builds the UI when it is missing or older than its sources, then serves it and
 * prints where to open it. The hub (issue 3) and the kiosk shell (issue 6) take over this
 * command as they land; until then it serves the kiosk page with the bundled sample procedures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builtPage = path.join(root, 'dist/renderer/kiosk/index.html');
const port = Number(process.env['PORT'] ?? 8080);

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sourcesChanged = Math.max(newestChange(path.join(root, 'renderer')), newestChange(path.join(root, 'core')), newestChange(path.join(root, 'assets/procedures')));
if (!existsSync(builtPage) || statSync(builtPage).mtimeMs < sourcesChanged) {
  console.log('building the UI…');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Paso a Paso kiosk (sample procedures): http://127.0.0.1:${port}/kiosk/`);
console.log('Press Ctrl+C to stop.');
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
