/**
 * The real desktop app through Playwright's Electron driver. The binary is found as `npm start` finds it
 * (src-main/launch/electron-binary.ts): ELECTRON_EXEC_PATH or ELECTRON_OVERRIDE_DIST_PATH, else Electron's own
 * installer, which fetches it once from the download server or ELECTRON_MIRROR. Where none can be had (offline
 * machines, this project's CI) or there is no display, the test is skipped and says why.
 */
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { ElectronBinaryError, ensureElectronBinary } from '../../src-main/launch/electron-binary.js';
import { REPO_ROOT } from '../support/cli.js';

async function electronBinary(): Promise<{ path: string | null; why: string }> {
  let binary: string;
  try {
    binary = (await ensureElectronBinary({ electronDir: path.join(REPO_ROOT, 'node_modules/electron') })).path;
  } catch (error) {
    if (!(error instanceof ElectronBinaryError)) throw error;
    const hint = error.kind === 'download' ? '; set ELECTRON_EXEC_PATH, or run where the download server or ELECTRON_MIRROR is reachable' : '';
    return { path: null, why: `no Electron binary: ${error.message}${hint}` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, why: 'no display (set DISPLAY, e.g. run under xvfb-run)' };
  }
  return { path: binary, why: '' };
}

const binary = await electronBinary();
if (!binary.path) console.warn(`Electron end-to-end test skipped: ${binary.why}.`);

describe.skipIf(!binary.path)(`the desktop app in Electron${binary.path ? '' : ` (skipped: ${binary.why})`}`, () => {
  it('opens the locked-down window over app:// and walks to the data step', async () => {
    const app = await electron.launch({ executablePath: binary.path!, args: [path.join(REPO_ROOT, 'out/main/index.js')], cwd: REPO_ROOT });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toBe('app://advisor/index.html');
      // Sandboxed and isolated: no Node in the page, only the frozen bridge of named functions.
      const page = await window.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const bridge = w.advisor as Record<string, unknown>;
        return { process: typeof w.process, require: typeof w.require, frozen: Object.isFrozen(bridge), keys: Object.keys(bridge).sort() };
      });
      expect(page.process).toBe('undefined');
      expect(page.require).toBe('undefined');
      expect(page.frozen).toBe(true);
      expect(page.keys).toContain('runHardwareCheck');
      expect(page.keys).not.toContain('invoke');
      await window.getByRole('heading', { level: 1, name: uiEn.start.title }).waitFor();
      await window.getByRole('button', { name: uiEn.continue }).first().click();
      await window.getByRole('heading', { level: 1, name: uiEn.data.title }).waitFor();
    } finally {
      await app.close();
    }
  }, 120_000);
});
