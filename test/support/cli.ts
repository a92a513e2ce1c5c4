import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI exactly as a user would, through the package's bin script. */
export function cli(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/sparsity-advisor.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function cliJson<T = Record<string, unknown>>(...args: string[]): T {
  const run = cli(...args, '--json');
  if (run.code !== 0) throw new Error(`CLI failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
