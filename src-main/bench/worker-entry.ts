/**
 * Entry of the benchmark child process (built as out/main/bench-worker.js; run from source
 * under tsx). It takes one task at a time from the parent and imports the runtime it needs
 * lazily, so a child that uses the C API never loads onnxruntime-node and vice versa.
 */
import type { ParentMessage, WorkerMessage } from './worker-protocol.js';

/** Inside the app the child is an Electron utility process, which talks through parentPort. */
const parentPort = (process as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', l: (e: { data: unknown }) => void): void } }).parentPort;

function send(message: WorkerMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

async function handle(message: ParentMessage): Promise<void> {
  const { task } = message;
  try {
    switch (task.type) {
      case 'probe': {
        const { probeProvider } = await import('./js-runner.js');
        await probeProvider(task.provider, send);
        break;
      }
      case 'js-suite': {
        const { runJsSuite } = await import('./js-runner.js');
        await runJsSuite(task.provider, task.job, task.checkModels, send);
        break;
      }
      case 'capi-suite': {
        const { runCapiSuite } = await import('./capi-runner.js');
        await runCapiSuite(task.job, task.libraryPath, send);
        break;
      }
      case 'model-suite': {
        const { runModelSuite } = await import('./own-model/model-runner.js');
        await runModelSuite(task.provider, task.job, task.shapes, send);
        break;
      }
      case 'model-layers': {
        const { runLayerSuite } = await import('./own-model/layer-runner.js');
        await runLayerSuite(task.job, task.libraryPath, send);
        break;
      }
      case 'tensorrt-suite': {
        const { runTensorRtSuite } = await import('./tensorrt-runner.js');
        await runTensorRtSuite(task.job, task.libraryPath, task.engineCacheDir, send);
        break;
      }
    }
  } catch (error) {
    send({ type: 'task-error', message: (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim() });
  }
  send({ type: 'task-done' });
}

if (parentPort) {
  parentPort.on('message', (event) => void handle(event.data as ParentMessage));
} else if (!process.send) {
  process.stderr.write('bench-worker: run by the hardware check as a child process, not directly\n');
  process.exitCode = 2;
} else {
  // Tasks arrive one at a time; the parent waits for task-done before it sends the next.
  process.on('message', (message: ParentMessage) => void handle(message));
  // The parent going away (closed, crashed, cancelled) ends the child too.
  process.on('disconnect', () => process.exit(0));
}
