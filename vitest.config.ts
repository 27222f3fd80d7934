import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const include = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];

// Files that hold code to a clock: another test file on the same cores would make them measure
// the machine instead of the code, so they run after all the others, one at a time.
const timingFiles = [
  // An offer reaches the other hub's volunteers within 100 ms.
  'tests/hub/postgres.test.ts',
  // A publication reaches the other hub's kiosks within 5 s.
  'tests/hub/staff-console-postgres.test.ts',
  // A rebuild with nothing changed takes well under a second.
  'tests/scripts/audio-build.test.ts',
  // The diff gives up pairing within 5 s.
  'tests/core/procedure/diff.test.ts',
];

const shared = {
  environment: 'node',
  // Property-based tests parse many mutated files; give them room on a 2-core machine.
  testTimeout: 60_000,
} as const;

export default defineConfig({
  test: {
    reporters: process.env['VITEST_JSON_REPORT'] ? ['default', ['json', { outputFile: process.env['VITEST_JSON_REPORT'] }]] : ['default'],
    projects: [
      // Every file has its own hubs, temp folders and PostgreSQL database, so files run side by
      // side, one per core (vitest's default is one fewer than the cores: one on two).
      { test: { ...shared, name: 'unit', include, exclude: timingFiles, maxWorkers: availableParallelism() } },
      { test: { ...shared, name: 'timing', include: timingFiles, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
