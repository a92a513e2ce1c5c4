import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file in its own process: CLI and build tests spawn children and must not share state.
    pool: 'forks',
  },
});
