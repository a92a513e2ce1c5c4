/** Worker-thread entry: runs one fit job and posts progress, then the outcome or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/input.js';
import { runFitJob, type FitJob } from './fit-job.js';

const port = parentPort!;
try {
  const outcome = runFitJob(workerData as FitJob, (fraction, current) => port.postMessage({ type: 'progress', fraction, current }));
  port.postMessage({ type: 'done', outcome });
} catch (error) {
  const field = error instanceof InputError ? error.field : null;
  port.postMessage({ type: 'error', message: (error as Error).message, field });
}
