/** Worker-thread entry: runs one fit or pilot-plan job and posts progress, then the outcome or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/input.js';
import { runFitJob } from './fit-job.js';
import type { WorkerTask } from './fit-service.js';
import { runPilotJob } from './pilot-job.js';

const port = parentPort!;
try {
  const task = workerData as WorkerTask;
  const outcome =
    task.kind === 'pilot'
      ? runPilotJob(task.job)
      : runFitJob(task.job, (fraction, current) => port.postMessage({ type: 'progress', fraction, current }));
  port.postMessage({ type: 'done', outcome });
} catch (error) {
  const field = error instanceof InputError ? error.field : null;
  port.postMessage({ type: 'error', message: (error as Error).message, field });
}
