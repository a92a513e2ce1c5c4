/**
 * The real desktop app through Playwright's Electron driver. Electron 45 fetches its binary on
 * first launch; where it has not been fetched (offline machines, this project's CI) the test is
 * skipped and says why. Nothing here triggers the download.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { REPO_ROOT } from '../support/cli.js';

function electronBinary(): { path: string | null; why: string } {
  const dir = path.join(REPO_ROOT, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, why: 'the Electron binary has not been downloaded (node_modules/electron/path.txt is missing)' };
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { path: null, why: `the Electron binary is missing at ${binary}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { path: null, why: 'no display (set DISPLAY, e.g. run under xvfb-run)' };
  }
  return { path: binary, why: '' };
}

const binary = electronBinary();
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
