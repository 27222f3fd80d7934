import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // Property-based tests parse many mutated files; give them room on a 2-core machine.
    testTimeout: 60_000,
    reporters: process.env['VITEST_JSON_REPORT'] ? ['default', ['json', { outputFile: process.env['VITEST_JSON_REPORT'] }]] : ['default'],
  },
});
