/**
 * The kiosk's first script as built (issue 13's budget, ≤ 150,000 B gzipped): the scripts its
 * page runs before its first screen, its entry and, recursively, their static imports. The later
 * parts it fetches when idle (renderer/kiosk/later/) are `import("./x.js")` calls and left out.
 * Read by tests/e2e/kiosk-build.e2e.ts and `npm run bench -- kiosk`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The first script's files, as paths under `uiFolder` (a build like dist/renderer), entry first. */
export function kioskFirstScripts(uiFolder: string): string[] {
  const html = readFileSync(path.join(uiFolder, 'kiosk/index.html'), 'utf8');
  const files: string[] = [];
  const queue = [...html.matchAll(/<script[^>]*\ssrc="\.\.\/(assets\/[\w.-]+\.js)"/g)].map((match) => match[1] ?? '');
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (files.includes(file)) continue;
    files.push(file);
    const code = readFileSync(path.join(uiFolder, file), 'utf8');
    // `import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`; never `import("./x.js")`.
    for (const match of code.matchAll(/\b(?:import|export)\s*(?:[^'"`()]*?\bfrom\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push(`assets/${match[1] ?? ''}`);
  }
  return files;
}
