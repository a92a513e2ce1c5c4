/** The electron-vite build the architecture, integration and end-to-end tests read from out/. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

export function buildApp(): void {
  const bin = path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  const run = spawnSync(process.execPath, [bin, 'build', '-c', 'electron.config.ts'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`electron-vite build failed:\n${run.stdout}\n${run.stderr}`);
}
