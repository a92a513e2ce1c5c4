import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

const out = (file: string) => path.join(REPO_ROOT, 'out', file);

describe('electron-vite build (electron.config.ts)', () => {
  beforeAll(() => {
    const bin = path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
    const run = spawnSync(process.execPath, [bin, 'build', '-c', 'electron.config.ts'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  });

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
