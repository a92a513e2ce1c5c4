/**
 * electron-vite build configuration for the three Electron targets. Not auto-discovered under
 * this name: always run `electron-vite <cmd> -c electron.config.ts` (the npm scripts do).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    // A build for the end-to-end tests keeps the developer tools and the default menu
    // (src-main/shell/main.ts); baked in here, so a release build cannot be switched at run time.
    define: {
      'process.env.SPARSITY_ADVISOR_TEST_BUILD': JSON.stringify(process.env.SPARSITY_ADVISOR_TEST_BUILD === '1' ? '1' : ''),
    },
    build: {
      // Native modules stay in node_modules and are loaded at run time.
      externalizeDeps: true,
      rollupOptions: {
        output: {
          // Electronegativity reads its exceptions from the built file. PRELOAD_JS_CHECK asks for a
          // review of every preload: ours is the app's own, sandboxed, and exposes only one named
          // function per IPC channel (src-main/shell/preload.ts), each validated again in main.
          banner: '/* eng-disable PRELOAD_JS_CHECK */',
        },
        input: {
          index: resolve('src-main/shell/main.ts'),
          // Long work runs off the main thread in its own entry (see src-main/fit/fit-service.ts).
          'fit-worker': resolve('src-main/fit/fit-worker.ts'),
          // The hardware check's benchmark child, forked by runHardwareCheck (src-main/bench/worker-process.ts).
          'bench-worker': resolve('src-main/bench/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('src-main/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [svelte()],
    build: {
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
