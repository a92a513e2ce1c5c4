/**
 * `npm start`: `tsx src-main/launch/with-electron.ts electron-vite preview -c electron.config.ts`. Makes sure the
 * current project's Electron binary is there (electron-binary.ts), then runs the named package's command with
 * ELECTRON_EXEC_PATH set, which electron-vite uses instead of reading node_modules/electron/path.txt. Without a binary
 * it prints one short message and exits 1 before building anything; with no command it prints the binary's path.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { ElectronBinaryError, ensureElectronBinary, type ElectronBinary } from './electron-binary.js';
import { missingElectronMessage } from './missing-electron-message.js';

const fromProject = createRequire(path.join(process.cwd(), 'package.json'));

async function main(argv: string[]): Promise<number> {
  const [tool, ...args] = argv;
  let electronDir: string;
  try {
    electronDir = path.dirname(fromProject.resolve('electron/package.json'));
  } catch {
    process.stderr.write(`Cannot open the desktop app: the electron package is not installed in ${process.cwd()} (run npm ci).\n`);
    return 1;
  }
  let binary: ElectronBinary;
  try {
    binary = await ensureElectronBinary({ electronDir, log: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    if (!(error instanceof ElectronBinaryError)) throw error;
    process.stderr.write(missingElectronMessage(error));
    return 1;
  }
  if (tool === undefined) {
    process.stdout.write(`${binary.path}\n`);
    return 0;
  }
  return run(binScript(tool), args, { ...process.env, ELECTRON_EXEC_PATH: binary.path });
}

/** The script a package installs as its command of the same name (its package.json "bin"). */
function binScript(tool: string): string {
  const manifestPath = fromProject.resolve(`${tool}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const script = typeof bin === 'string' ? bin : bin?.[tool];
  if (script === undefined) throw new Error(`the package ${tool} has no command named ${tool}`);
  return path.join(path.dirname(manifestPath), script);
}

/** Runs the command in the foreground and waits for it; a signal sent to us (Ctrl-C, a kill) is passed on. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

process.exitCode = await main(process.argv.slice(2));
