/**
 * Finds the Electron executable that `npm start` (with-electron.ts) and the Electron end-to-end test launch, and
 * fetches it with Electron's own installer (node_modules/electron/install.js) when it is missing. Electron 45 has no
 * postinstall and electron-vite reads path.txt without ever triggering that installer, hence this step.
 * Invariant: a binary the user names (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH) is used as it is and never
 * causes a download; otherwise only Electron's installer writes anything (dist/, path.txt, its cache).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { downloadFailureReason, splitInstallerOutput } from './fetch-failure.js';

export type BinarySource = 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron';

export interface ElectronBinary {
  path: string;
  source: BinarySource;
}

/**
 * `download`: Electron's installer failed (offline, mirror down, checksum mismatch); `named`: the variable the user
 * set names no file. `reason` is one line, without a stack.
 */
export class ElectronBinaryError extends Error {
  constructor(
    readonly kind: 'download' | 'named',
    readonly reason: string,
    /** The Electron version the project pins (node_modules/electron/package.json). */
    readonly version: string,
  ) {
    super(kind === 'download' ? `Electron ${version} could not be downloaded: ${reason}` : reason);
    this.name = 'ElectronBinaryError';
  }
}

export interface EnsureOptions {
  /** The electron package folder whose installer runs and whose dist/ receives the binary. */
  electronDir: string;
  /** The environment the installer sees (ELECTRON_MIRROR, electron_config_cache, …); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Progress and the installer's own warnings, one line each; nothing is printed without it. */
  log?: (line: string) => void;
}

export async function ensureElectronBinary(options: EnsureOptions): Promise<ElectronBinary> {
  const env = options.env ?? process.env;
  const version = electronVersion(options.electronDir);
  const named = env.ELECTRON_EXEC_PATH;
  if (named) {
    if (!isFile(named)) throw new ElectronBinaryError('named', `ELECTRON_EXEC_PATH names ${named}, which is not a file`, version);
    return { path: named, source: 'ELECTRON_EXEC_PATH' };
  }
  const distOverride = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (distOverride) {
    // As electron's index.js does: the folder holds a build laid out as the release zip is.
    const executable = path.join(distOverride, pathFileContent(options.electronDir) ?? platformExecutable(env));
    if (!isFile(executable)) {
      throw new ElectronBinaryError('named', `ELECTRON_OVERRIDE_DIST_PATH is ${distOverride}, but ${executable} is not a file`, version);
    }
    return { path: executable, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
  }
  if (installedExecutable(options.electronDir) === null) {
    options.log?.(`Electron ${version}'s binary is not installed yet: fetching it once with Electron's installer (then cached).`);
  }
  const run = await runInstaller(options.electronDir, env);
  if (run.code !== 0) throw new ElectronBinaryError('download', downloadFailureReason(run.output, run.code), version);
  for (const line of splitInstallerOutput(run.output).lines) options.log?.(line);
  const executable = installedExecutable(options.electronDir);
  if (executable === null) {
    throw new ElectronBinaryError('download', `Electron's installer finished, but ${path.join(options.electronDir, 'path.txt')} names no executable`, version);
  }
  return { path: executable, source: 'node_modules/electron' };
}

/** The executable path.txt names inside dist/, if both exist. */
export function installedExecutable(electronDir: string): string | null {
  const relative = pathFileContent(electronDir);
  if (relative === null) return null;
  const executable = path.join(electronDir, 'dist', relative);
  return isFile(executable) ? executable : null;
}

export function electronVersion(electronDir: string): string {
  return (JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The executable's place inside a release zip, as install.js's getPlatformPath() has it. */
function platformExecutable(env: NodeJS.ProcessEnv): string {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

function pathFileContent(electronDir: string): string | null {
  const file = path.join(electronDir, 'path.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Runs install.js as `npx install-electron` would, with record-fetch-failure.ts preloaded (through tsx) so that a
 * network failure's cause reaches us. Its output is collected, never shown raw: on failure it is a stack trace.
 */
function runInstaller(electronDir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const preload = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'record-fetch-failure.ts')).href;
  const child = spawn(process.execPath, ['--import', tsx, '--import', preload, path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
