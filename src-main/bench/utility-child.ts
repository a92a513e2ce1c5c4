/**
 * The benchmark child inside the packaged app. Release builds switch Electron's runAsNode fuse
 * off, so the Electron binary can no longer be forked as Node; Electron's utilityProcess runs
 * the same entry as a Node child instead. This wraps it in the slice of ChildProcess that
 * BenchWorker uses, so the worker logic is one and the same in the app and the CLI.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/** The part of Electron's UtilityProcess this file relies on. */
export interface UtilityProcessLike {
  pid: number | undefined;
  stderr: Readable | null;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export type ForkUtility = (modulePath: string, args: string[], options: { stdio: 'pipe'; serviceName: string }) => UtilityProcessLike;

/** The slice of ChildProcess that BenchWorker uses. */
export interface ChildLike extends EventEmitter {
  readonly pid?: number | undefined;
  stderr: Readable | null;
  exitCode: number | null;
  signalCode: NodeJS.Signals | null;
  send(message: unknown, callback?: (error: Error | null) => void): boolean;
  kill(signal?: NodeJS.Signals): boolean;
}

export class UtilityChild extends EventEmitter implements ChildLike {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  private killed = false;

  constructor(private readonly child: UtilityProcessLike) {
    super();
    child.on('message', (message) => this.emit('message', message));
    child.on('exit', (code) => {
      this.exitCode = code;
      if (this.killed) this.signalCode = 'SIGKILL';
      this.emit('exit', this.killed ? null : code, this.signalCode);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stderr(): Readable | null {
    return this.child.stderr;
  }

  send(message: unknown, callback?: (error: Error | null) => void): boolean {
    try {
      this.child.postMessage(message);
      callback?.(null);
      return true;
    } catch (error) {
      callback?.(error as Error);
      return false;
    }
  }

  kill(): boolean {
    this.killed = true;
    return this.child.kill();
  }
}

/** Electron's utilityProcess.fork when running in Electron's main process; null under plain Node. */
export function electronUtilityFork(): ForkUtility | null {
  if (!process.versions.electron || (process as { type?: string }).type !== 'browser') return null;
  const electron = createRequire(import.meta.url)('electron') as { utilityProcess: { fork: ForkUtility } };
  return electron.utilityProcess.fork.bind(electron.utilityProcess);
}
