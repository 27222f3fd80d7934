import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium-launch.js';

// Tests tagged @timing hold the app to a clock: a latency budget ("within two seconds"), taps that
// must land inside a window (the tremor option's 500 ms, the call card's settling time), audio
// played against the audio clock. Another worker's browser and hub on the same cores would make
// them measure the machine instead of the app, so they run after all the others, one at a time.
const timing = /@timing/;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  // Builds the speech tests' audio once, before any worker starts: two workers building into the
  // one folder at once would remove each other's files.
  globalSetup: './tests/e2e/global-setup.ts',
  // Each test starts its own hub (tests/e2e/fixtures/hub.ts: port 0, its own temp folder and
  // SQLite file), so test files run side by side, one worker per core (Playwright's default is
  // half the cores: one on the project's two-core machines).
  fullyParallel: false,
  workers: availableParallelism(),
  projects: [
    { name: 'browser', grepInvert: timing },
    // After the others, alone. When a test of 'browser' fails, Playwright does not run these:
    // they are reported as skipped, and npm test says why.
    { name: 'timing', grep: timing, dependencies: ['browser'], workers: 1 },
  ],
  retries: 0,
  // A minute: a two-session walk that takes 15 s alone took over 30 s on a CI machine while the
  // other worker ran the accessibility matrix (the 2-core machines vary about twofold). A test
  // that hangs still fails, a minute later.
  timeout: 60_000,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  // No webServer: each test starts a real hub in-process (tests/e2e/fixtures/hub.ts), which
  // serves the UIs that `npm run test:e2e` builds first, and sets baseURL to it.
  use: {
    viewport: { width: 1920, height: 1080 },
    // Debian's Chromium where installed, and the flags this network needs (support/chromium-launch.ts).
    launchOptions: chromiumLaunchOptions,
  },
});
