import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const page = (ui: string): string => resolve(import.meta.dirname, `renderer/${ui}/index.html`);

/** What the chunking below reads of a module: whether it is an entry, and who imports it statically. */
interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null;
}

/**
 * The kiosk's first script in one file (issue 13: ≤ 150,000 B gzipped): every module the page
 * imports statically, from its entry on, goes into the entry's chunk. What is left are the later
 * parts (renderer/kiosk/later/), each a chunk of its own. Without this, rolldown puts the modules
 * a later part shares with the first script (React, i18next, the keyboard) into chunks of their
 * own, which the page loads at once all the same: four files, 2.5 KB gzipped more than one.
 */
function inFirstScript(id: string, graph: ModuleGraph): string | null {
  const seen = new Set<string>();
  const reachesEntry = (moduleId: string): boolean => {
    if (seen.has(moduleId)) return false;
    seen.add(moduleId);
    const info = graph.getModuleInfo(moduleId);
    return info !== null && (info.isEntry || info.importers.some(reachesEntry));
  };
  return reachesEntry(id) ? 'kiosk' : null;
}

// One `vite build` for every UI the hub serves; each is its own page under dist/renderer/<ui>/.
// The kiosk is built on its own (its own module graph, so none of its chunks is shared with the
// volunteer and staff apps, and nothing of theirs rides along: issue 13, a senior's kiosk loads
// only what it runs); the volunteer and staff apps are built together and share their chunks.
// Both builds write into the same folder: the first empties it, the kiosk's adds to it.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
  },
  environments: {
    client: { build: { rollupOptions: { input: { volunteer: page('volunteer'), staff: page('staff') } } } },
    kiosk: {
      consumer: 'client',
      build: {
        emptyOutDir: false,
        rollupOptions: { input: { kiosk: page('kiosk') }, output: { codeSplitting: { groups: [{ name: inFirstScript }] } } },
        // One first script under 150 KB gzipped: what the kiosk loads is the point, not its chunk sizes.
        chunkSizeWarningLimit: 700,
      },
    },
  },
  builder: {
    // In this order: the consoles' build empties dist/renderer first.
    async buildApp(builder) {
      for (const name of ['client', 'kiosk']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`vite.config.ts: no "${name}" build`);
        await builder.build(environment);
      }
    },
  },
  // The staff editor's checker runs in a module worker (renderer/staff/editor/check.worker.ts),
  // a file of its own under assets/, loaded from the hub like any script ('self' in the CSP).
  worker: { format: 'es' },
  server: { fs: { allow: [import.meta.dirname] } },
});
