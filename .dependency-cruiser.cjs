/**
 * Architecture rules, checked by test/architecture/dependencies.test.ts.
 * The pure core must run in the main process, the renderer, the CLI and tests alike.
 */
const ADAPTER_PACKAGES = '(electron|better-sqlite3|onnxruntime-node|koffi|svelte|echarts|pdfkit)';

module.exports = {
  forbidden: [
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'The core is pure: file, process and OS access belong to the adapters in src-main.',
      from: { path: '(^|/)src-main/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-platform-packages',
      severity: 'error',
      comment: 'The core imports nothing from Electron, native modules or the UI framework.',
      from: { path: '(^|/)src-main/core/' },
      to: { path: `(^|/)node_modules/${ADAPTER_PACKAGES}/` },
    },
    {
      name: 'core-no-adapters',
      severity: 'error',
      comment: 'The core never reaches out to the adapters around it; they call the core.',
      from: { path: '(^|/)src-main/core/' },
      to: { path: '(^|/)src-main/(?!core/)' },
    },
    {
      name: 'core-resolvable',
      severity: 'error',
      comment: 'An import the cruiser cannot resolve could hide a forbidden one.',
      from: { path: '(^|/)src-main/core/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'renderer-only-core',
      severity: 'error',
      comment: 'The renderer runs sandboxed: it may use the core and the IPC contract, never main-process adapters or Node.',
      from: { path: '(^|/)src-renderer/' },
      to: { path: '(^|/)src-main/(?!core/|ipc/channels\\.ts$|ipc/contract\\.ts$)' },
    },
    {
      name: 'contract-is-pure',
      severity: 'error',
      comment: 'The IPC contract is shared with the sandboxed preload and renderer: schemas only.',
      from: { path: '(^|/)src-main/ipc/(channels|contract)\\.ts$' },
      to: { path: '(^|/)src-main/(?!core/|ipc/channels\\.ts$)' },
    },
    {
      name: 'preload-only-channels',
      severity: 'error',
      comment: 'The preload exposes named functions for the channel list and nothing else.',
      from: { path: '(^|/)src-main/shell/preload\\.ts$' },
      to: { path: '(^|/)src-main/(?!ipc/channels\\.ts$)' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '(^|/)src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
