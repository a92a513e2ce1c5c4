/**
 * electron-builder packaging: Windows (NSIS, portable), macOS (dmg), Linux (AppImage, deb).
 * Packaging downloads Electron and installer tooling, so it runs on a networked build machine
 * (`npx electron-builder --win|--mac|--linux` after `npm run build`), not in CI; CI checks that
 * this configuration is valid and that every file it names exists (test/architecture/packaging.test.ts).
 */
import type { Configuration } from 'electron-builder';

/**
 * Playwright's Electron driver needs the EnableNodeCliInspectArguments fuse; it stays off in
 * releases and is switched on only for a build made for the end-to-end tests.
 */
const testBuild = process.env.SPARSITY_ADVISOR_TEST_BUILD === '1';

const config: Configuration = {
  appId: 'app.sparsity-advisor.desktop',
  productName: 'Sparsity Advisor',
  copyright: 'Copyright © 2026 Sparsity Advisor authors',
  directories: { output: 'dist' },
  // The built app, the example scenarios and the production dependencies (the memo's and the
  // renderer's fonts come from the @expo-google-fonts package; the law's presets are code).
  files: ['out/**', 'resources/scenarios/**', 'package.json', '!**/*.map'],
  asar: true,
  // Native code cannot load from inside an asar archive: unpack the libraries that carry it.
  asarUnpack: [
    'node_modules/better-sqlite3/**',
    'node_modules/onnxruntime-node/**',
    'node_modules/koffi/**',
    'node_modules/@koromix/**',
  ],
  // Rebuild better-sqlite3 against Electron's ABI (it is built for Node by npm ci).
  npmRebuild: true,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: testBuild,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: ['nsis', 'portable'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Sparsity Advisor authors' },
};

export default config;
