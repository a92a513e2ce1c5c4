import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

const out = (file: string) => path.join(REPO_ROOT, 'out', file);

/** The build itself runs once in test/global-setup.ts, which fails the run if it fails. */
describe('electron-vite build (electron.config.ts)', () => {
  it('emits a main bundle that sets up the app:// protocol and the locked-down window', () => {
    const main = readFileSync(out('main/index.js'), 'utf8');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
  });

  it('emits a single CommonJS preload, as a sandboxed preload must be', () => {
    const preload = readFileSync(out('preload/index.cjs'), 'utf8');
    expect(preload).toContain('require("electron")');
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('emits the renderer with its content security policy and no remote URL', () => {
    const html = readFileSync(out('renderer/index.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(statSync(out('renderer/index.html')).size).toBeGreaterThan(100);
  });
});
