/**
 * Runs a fit job or a pilot plan in a worker thread, so a bootstrap or a plan of several
 * seconds never blocks the main process, and streams its progress. From source (tests, CLI) the
 * worker loads the .ts entry through tsx; from the electron-vite build it is fit-worker.js
 * beside the main bundle.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CancelledError } from '../core/errors.js';
import { InputError } from '../core/input.js';
import type { FitJob, FitOutcome } from './fit-job.js';
import type { PilotJob, PilotOutcome } from './pilot-job.js';

/** What the worker is asked to do. */
export type WorkerTask = { kind: 'fit'; job: FitJob } | { kind: 'pilot'; job: PilotJob };

export const BUILT_FIT_WORKER = 'fit-worker.js';

type WorkerMessage<T> =
  | { type: 'progress'; fraction: number; current: string }
  | { type: 'done'; outcome: T }
  | { type: 'error'; message: string; field: string | null };

function startWorker(task: WorkerTask): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const entry = pathToFileURL(path.join(path.dirname(here), 'fit-worker.ts')).href;
    const api = import.meta.resolve('tsx/esm/api');
    // Worker threads do not inherit tsx's loader: load the TypeScript entry through tsx's API.
    const code = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
    return new Worker(code, { eval: true, workerData: task });
  }
  const candidates = [path.join(path.dirname(here), BUILT_FIT_WORKER), path.join(path.dirname(here), '..', BUILT_FIT_WORKER)];
  const file = candidates.find((c) => existsSync(c));
  if (!file) throw new Error(`fit worker not found (looked for ${candidates.join(', ')}); rebuild the app`);
  return new Worker(file, { workerData: task });
}

type Hooks = { onProgress?: (fraction: number, current: string) => void; signal?: AbortSignal };

export function runFitInWorker(job: FitJob, hooks: Hooks = {}): Promise<FitOutcome> {
  return runInWorker<FitOutcome>({ kind: 'fit', job }, hooks);
}

export function runPilotInWorker(job: PilotJob, hooks: Hooks = {}): Promise<PilotOutcome> {
  return runInWorker<PilotOutcome>({ kind: 'pilot', job }, hooks);
}

function runInWorker<T>(task: WorkerTask, hooks: Hooks): Promise<T> {
  return new Promise((resolve, reject) => {
    if (hooks.signal?.aborted) {
      reject(new CancelledError(task.kind === 'fit' ? 'the fit' : 'the pilot plan'));
      return;
    }
    const worker = startWorker(task);
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      action();
    };
    const onAbort = () => finish(() => reject(new CancelledError('the fit')));
    hooks.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') hooks.onProgress?.(message.fraction, message.current);
      else if (message.type === 'done') finish(() => resolve(message.outcome));
      else {
        const { field, message: text } = message;
        finish(() => reject(field === null ? new Error(text) : new InputError(field, text.slice(field.length + 2))));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`fit worker exited with code ${code}`))));
  });
}
