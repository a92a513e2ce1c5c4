/**
 * The one message `npm start` prints when it has no Electron binary: what failed, why, and what to do instead.
 * Called by with-electron.ts. English, like the CLI's own errors; it never carries a stack trace.
 */
import os from 'node:os';
import path from 'node:path';
import type { ElectronBinaryError } from './electron-binary.js';

/** A command that works on any machine, offline, with no Electron: the decision for a worked example. */
export const CLI_EXAMPLE = 'npx sparsity-advisor roi --scenario resources/scenarios/visual-inspection.en.json';

export function missingElectronMessage(error: ElectronBinaryError, env: NodeJS.ProcessEnv = process.env): string {
  const major = error.version.split('.')[0];
  const useCli = ['  - Or use the CLI, which needs no Electron, e.g.', `      ${CLI_EXAMPLE}`];
  if (error.kind === 'named') {
    return [
      'Cannot open the desktop app: the Electron binary you named was not found.',
      `Why: ${sentence(error.reason)}`,
      'What to do:',
      `  - Point that variable at an installed Electron ${major} executable, or unset it so that npm start fetches Electron itself.`,
      ...useCli,
      '',
    ].join('\n');
  }
  return [
    `Cannot open the desktop app: Electron ${error.version}'s binary could not be downloaded.`,
    `Why: ${sentence(error.reason)}`,
    'What to do, any one of:',
    '  - Run npm start once with network access (or with ELECTRON_MIRROR set to a mirror you can reach).',
    `    The download is cached in ${electronCacheDir(env)}, so later starts need no network.`,
    `  - Set ELECTRON_EXEC_PATH to an installed Electron ${major} executable.`,
    '  - On a machine that stays offline, install the packaged app instead: an installer built on a',
    '    networked machine (README, "Packaging").',
    ...useCli,
    '',
  ].join('\n');
}

/** Error messages end with or without a full stop; the message wants exactly one. */
function sentence(reason: string): string {
  return `${reason.replace(/[.\s]+$/, '')}.`;
}

/** Where @electron/get keeps downloads: electron_config_cache, else env-paths' cache folder for "electron". */
export function electronCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}
