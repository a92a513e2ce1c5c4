/**
 * The CLI driven in-process through runCli(argv, io): the same code path as the bin script,
 * without the half-second start of a process, and with the environment (HOME, XDG_CONFIG_HOME)
 * pointed at a temporary folder so the user's own database is never touched.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../src-main/cli/main.js';
import type { CliRun } from './cli.js';

const home = mkdtempSync(path.join(tmpdir(), 'advisor-cli-home-'));

export const TEST_ENV = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };

export async function runInProcess(args: readonly string[], env: Record<string, string | undefined> = TEST_ENV): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}
