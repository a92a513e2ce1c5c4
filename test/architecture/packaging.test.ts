/**
 * Packaging needs downloads this machine cannot make, so CI does not package; it checks that the
 * electron-builder configuration is valid, that every file it names exists, and that release
 * builds keep the hardening fuses on.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

async function loadConfig(testBuild: boolean) {
  const previous = process.env.SPARSITY_ADVISOR_TEST_BUILD;
  process.env.SPARSITY_ADVISOR_TEST_BUILD = testBuild ? '1' : '0';
  try {
    const url = `${path.join(REPO_ROOT, 'electron-builder.ts')}?test-build=${testBuild}`;
    return (await import(/* @vite-ignore */ url)).default as import('electron-builder').Configuration;
  } finally {
    process.env.SPARSITY_ADVISOR_TEST_BUILD = previous;
  }
}

/** The folder a glob such as `out/**` or `node_modules/koffi/**` starts from. */
const baseOf = (pattern: string) => pattern.split('/').filter((part) => !/[*?{[]/.test(part)).join('/');

describe('electron-builder configuration', () => {

  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(await loadConfig(false), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names only files that exist', async () => {
    const config = await loadConfig(false);
    const patterns = [...(config.files as string[]), ...(config.asarUnpack as string[])].filter((p) => !p.startsWith('!'));
    for (const pattern of patterns) {
      const base = path.join(REPO_ROOT, baseOf(pattern));
      expect(existsSync(base), `${pattern} → ${base}`).toBe(true);
    }
    expect(readdirSync(path.join(REPO_ROOT, 'out/main'))).toEqual(expect.arrayContaining(['index.js', 'fit-worker.js', 'bench-worker.js']));
    expect(readdirSync(path.join(REPO_ROOT, 'resources/scenarios')).filter((f) => f.endsWith('.json'))).toHaveLength(6);
  });

  it('hardens release builds with fuses, and opens only the inspect fuse for test builds', async () => {
    const release = (await loadConfig(false)).electronFuses!;
    expect(release).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
    });
    const test = (await loadConfig(true)).electronFuses!;
    expect({ ...test, enableNodeCliInspectArguments: false }).toEqual(release);
    expect(test.enableNodeCliInspectArguments).toBe(true);
  });

  it('targets Windows (NSIS, portable), macOS (dmg) and Linux (AppImage, deb)', async () => {
    const config = await loadConfig(false);
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});
