import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SurveyJS peer page of `npm run bench -- kiosk`: a default production build. The bench
// passes build.outDir (a temporary folder), so nothing lands in dist/renderer.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
});
