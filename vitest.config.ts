import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file in its own process: CLI, build and e2e tests spawn children and must not share state.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/components/**'],
          // One electron-vite build for the files that read out/ (build, audit, packaging, end-to-end).
          globalSetup: ['test/global-setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [svelte()],
        // Svelte's browser build: components mount into happy-dom as they do in Chromium.
        resolve: { conditions: ['browser'] },
        test: { name: 'components', include: ['test/components/**/*.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
});
