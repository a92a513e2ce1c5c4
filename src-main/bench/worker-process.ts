/**
 * The benchmark child process, seen from the parent: started with child_process.fork so the
 * timing never runs on the app's main (UI) thread, given one task at a time, and killed at once
 * on cancellation. A child that crashes (a faulty execution provider can take the whole process
 * down) ends only its task; the caller starts a fresh one for the rest.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerMessage, WorkerTask } from './worker-protocol.js';
import { electronUtilityFork, UtilityChild, type ChildLike, type ForkUtility } from './utility-child.js';

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/** Name of the built child entry, next to out/main/index.js (see electron.config.ts). */
export const BUILT_WORKER_NAME = 'bench-worker.js';

/**
 * Where the child's entry is. From source (CLI, tests, `npm run bench` under tsx) it is the .ts
 * file beside this one, run through tsx's loader given by absolute URL, so the child finds tsx
 * whatever its working directory. From the electron-vite build it is bench-worker.js in
 * out/main, which this code finds whether it was bundled into index.js or into a chunk below it.
 */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  if (here.endsWith('.ts')) {
    const tsx = createRequire(moduleUrl).resolve('tsx');
    return { file: path.join(path.dirname(here), 'worker-entry.ts'), execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  const candidates = [path.join(path.dirname(here), BUILT_WORKER_NAME), path.join(path.dirname(here), '..', BUILT_WORKER_NAME)];
  const file = candidates.find((c) => existsSync(c));
  if (!file) throw new Error(`benchmark worker not found (looked for ${candidates.join(', ')}); rebuild the app`);
  return { file, execArgv: [] };
}

export type TaskOutcome = { status: 'done' } | { status: 'crashed'; reason: string } | { status: 'cancelled' };

/** After a kill, how long to wait for the exit event before reporting the task cancelled anyway. */
const KILL_GRACE_MS = 300;
const STDERR_TAIL_CHARS = 4000;

export class BenchWorker {
  private stderrTail = '';
  private exited: string | null = null;

  private constructor(private readonly child: ChildLike) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('exit', (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
    });
  }

  static start(entry: WorkerEntry = resolveWorkerEntry(), forkUtility: ForkUtility | null = electronUtilityFork()): BenchWorker {
    // In the app, Electron's utility process (the runAsNode fuse is off in release builds).
    if (forkUtility) {
      return new BenchWorker(new UtilityChild(forkUtility(entry.file, [], { stdio: 'pipe', serviceName: 'Sparsity Advisor hardware check' })));
    }
    const child = fork(entry.file, [], {
      execArgv: entry.execArgv,
      // Typed arrays travel as typed arrays, not as JSON objects with numeric keys.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      // Its own process group, so Ctrl-C in a terminal reaches only the parent, which then stops the
      // child and reports the run as cancelled (not as a crash). Windows has no process groups to
      // share, and detached there would open a console window.
      detached: process.platform !== 'win32',
    });
    return new BenchWorker(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What the child wrote to stderr lately (ORT logs there; a provider's loader error too), colour codes removed. */
  recentStderr(): string {
    return this.stderrTail.replace(/\u001b\[[0-9;]*m/g, '');
  }

  /** The last lines the child wrote to stderr (ORT logs there), for crash reports. */
  private lastError(): string {
    const lines = this.recentStderr()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return lines.slice(-2).join(' | ');
  }

  /**
   * Sends one task and resolves when the child says it is done, dies, or is cancelled. With
   * `timeoutMs`, a task still unfinished after that long is killed and reported as failed: a
   * provider whose driver hangs in session creation must not hang the whole check.
   */
  runTask(task: WorkerTask, onMessage: (message: WorkerMessage) => void, signal?: AbortSignal, timeoutMs?: number): Promise<TaskOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const watchdog =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.child.off('exit', onExit);
              this.kill();
              finish({ status: 'crashed', reason: `the benchmark process did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped` });
            }, timeoutMs);
      const finish = (outcome: TaskOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        this.child.off('message', listener);
        this.child.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const listener = (message: WorkerMessage) => {
        if (settled) return;
        if (message.type === 'task-done') finish({ status: 'done' });
        else onMessage(message);
      };
      const onExit = () => {
        // Let the exit handler in the constructor record why before reading it.
        setImmediate(() => {
          const detail = this.lastError();
          finish({ status: 'crashed', reason: `the benchmark process ${this.exited ?? 'exited'}${detail ? `: ${detail}` : ''}` });
        });
      };
      const onAbort = () => {
        this.child.off('exit', onExit);
        this.kill();
        const timer = setTimeout(() => finish({ status: 'cancelled' }), KILL_GRACE_MS);
        this.child.once('exit', () => {
          clearTimeout(timer);
          finish({ status: 'cancelled' });
        });
      };
      if (signal?.aborted) return finish({ status: 'cancelled' });
      if (this.exited) return onExit();
      this.child.on('message', listener);
      this.child.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.child.send({ type: 'task', task }, (error) => {
        if (error && !settled) finish({ status: 'crashed', reason: `could not reach the benchmark process: ${error.message}` });
      });
    });
  }

  /** Ends the child at once; SIGKILL, because a child inside a long ORT call would not see a gentler signal in time. */
  kill(): void {
    if (this.exited === null && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
