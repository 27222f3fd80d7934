import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// One build for every UI the hub serves; each is its own page under dist/renderer/<ui>/.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'renderer/kiosk/index.html'),
        volunteer: resolve(import.meta.dirname, 'renderer/volunteer/index.html'),
        staff: resolve(import.meta.dirname, 'renderer/staff/index.html'),
      },
    },
  },
  server: { fs: { allow: [import.meta.dirname] } },
});
