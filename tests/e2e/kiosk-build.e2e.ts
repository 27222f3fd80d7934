/**
 * What the built kiosk holds: no test hook. The browser tests keep the player's events in a log
 * they add to the page themselves (support/speech-log.ts); the kiosk only announces its player's
 * events on `window` (renderer/kiosk/audio/player-announce.ts). This reads every script the built
 * kiosk page loads, as `npm run build` wrote it (the files the Electron package ships). And the
 * page's first script, what it loads before its first screen (the entry and what that imports
 * statically; the later parts come after, renderer/kiosk/later/), is at most 150,000 B gzipped
 * (issue 13).
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { kioskFirstScripts } from '../../scripts/bench/kiosk-first-script.js';

const ui = path.resolve(import.meta.dirname, '../../dist/renderer');

/** Every script file the kiosk's page loads, statically or later, as paths under dist/renderer. */
function kioskScripts(): Map<string, string> {
  const html = readFileSync(path.join(ui, 'kiosk/index.html'), 'utf8');
  const scripts = new Map<string, string>();
  const queue = [...html.matchAll(/(?:src|href)="\.\.\/(assets\/[\w.-]+\.js)"/g)].map((match) => match[1] ?? '');
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (scripts.has(file) || !existsSync(path.join(ui, file))) continue;
    const code = readFileSync(path.join(ui, file), 'utf8');
    scripts.set(file, code);
    // A chunk names the chunks it loads by their file name, relative to itself.
    for (const match of code.matchAll(/["'`](?:\.\/)?([\w.-]+\.js)["'`]/g)) queue.push(`assets/${match[1] ?? ''}`);
  }
  return scripts;
}

test.describe('the built kiosk', () => {
  test('loads at most 150,000 B of script (gzip -9) before its first screen', () => {
    const first = kioskFirstScripts(ui).map((file) => ({ file, code: readFileSync(path.join(ui, file), 'utf8') }));
    const sizes = first.map(({ file, code }) => ({ file, gzipped: gzipSync(code, { level: 9 }).length }));
    const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
    // The walk found the kiosk's own code, and the later parts stayed out of it.
    expect(first.some(({ code }) => code.includes('paso:player'))).toBe(true);
    expect(kioskScripts().size).toBeGreaterThan(first.length);
    expect(total, sizes.map(({ file, gzipped }) => `${file} ${gzipped} B`).join(', ')).toBeLessThanOrEqual(150_000);
  });

  test('holds no test hook: no speech log, no flag that turns one on', () => {
    const scripts = kioskScripts();
    // The walk found the kiosk's own code: the player's announcement is in it.
    expect([...scripts.values()].some((code) => code.includes('paso:player'))).toBe(true);
    const hooks = ['__pasoSpeech', 'speechtest', 'speech-test-log'];
    const found = [...scripts].flatMap(([file, code]) => hooks.filter((hook) => code.includes(hook)).map((hook) => `${file}: ${hook}`));
    expect(found).toEqual([]);
  });
});
