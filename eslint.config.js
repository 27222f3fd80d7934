// Lint rules that keep the boundaries of DESIGN.md: core/ is pure, the renderer never touches
// Node or Electron, the renderer's apps never import each other, and types are imported as
// types. Zero warnings are allowed (npm run lint).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { rendererAppBoundaries } from './scripts/lint/renderer-boundaries.js';

// What the kiosk shell (electron/) may never import.
const shellImportPatterns = [
  {
    group: ['react', 'react-dom', 'react/*', 'howler', 'i18next', 'react-i18next'],
    message: 'The shell has no UI of its own: the kiosk page is the renderer.',
  },
  {
    group: ['**/hub/**', '**/renderer/**', '**/scripts/**'],
    message: 'The shell talks to the hub over the network and loads the renderer as a built page; it imports neither.',
  },
];
const fetchMessage = 'Call the hub through renderer/ui/hub-client.ts (callHub), which the API contract types and checks.';
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'reports/', 'test-results/', 'playwright-report/', '.scratch/', 'assets/audio/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/ is pure: pass side effects in as parameters instead of importing Node.' },
            { group: ['react', 'react-dom', 'react/*', 'howler', 'electron', 'i18next', 'react-i18next'], message: 'core/ is pure: no UI, audio or Electron.' },
            {
              group: ['**/hub/**', '**/speech/**', '**/renderer/**', '**/electron/**', '**/scripts/**'],
              message: 'Dependencies point into core/, never out of it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'navigator', 'fetch', 'setTimeout', 'setInterval'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, paso: { rules: { 'renderer-app-boundaries': rendererAppBoundaries } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      // kiosk, staff and volunteer never import each other; staff's preview reaches the kiosk
      // only through renderer/kiosk/public.ts (scripts/lint/renderer-boundaries.js).
      'paso/renderer-app-boundaries': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron'], message: 'The renderer runs in a sandboxed page: no Node, no Electron (use the window.kiosk bridge).' },
            { group: ['**/hub/**', '**/speech/**', '**/scripts/**'], message: 'The renderer talks to the hub over HTTP and WebSocket, never by import.' },
          ],
        },
      ],
      // One HTTP client for the hub's API, typed and checked by the contract (core/protocol/api-routes.ts).
      'no-restricted-globals': ['error', { name: 'fetch', message: fetchMessage }],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: fetchMessage },
        { object: 'globalThis', property: 'fetch', message: fetchMessage },
      ],
    },
  },
  {
    // Where the renderer may call fetch: the one hub client, and the two readers of the audio
    // build's files (sound files and their manifest are static files, not API routes).
    files: ['renderer/ui/hub-client.ts', 'renderer/kiosk/audio/audio-file-store.ts', 'renderer/staff/preview/prompt-audio.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'The hub only serves the built UI; it never imports it.' }] },
      ],
    },
  },
  {
    // The speech part: turns text into checked sound files for the build, the hub and the tests;
    // it knows nothing of the hub, the UIs or the command-line scripts that use it.
    files: ['speech/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/hub/**', '**/renderer/**', '**/scripts/**', '**/electron/**', 'react', 'react-dom'],
              message: 'speech/ is used by the hub and the scripts; it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    // The kiosk shell: Node and Electron, never the UI's libraries or the hub's code; the main
    // process reaches the page only through the bridge (electron/main/ipc.ts, electron/preload).
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Only electron/main/ipc.ts and electron/preload talk IPC, through the bridge contract (core/shell/bridge.ts).',
            },
          ],
          patterns: shellImportPatterns,
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: shellImportPatterns }] },
  },
  {
    files: ['hub/**/*.ts', 'speech/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'tests/**/*.ts', '*.config.{ts,js}', '.ci/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
