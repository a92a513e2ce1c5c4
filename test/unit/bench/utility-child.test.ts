import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UtilityChild, type UtilityProcessLike } from '../../../src-main/bench/utility-child.js';
import { BenchWorker } from '../../../src-main/bench/worker-process.js';
import type { WorkerTask } from '../../../src-main/bench/worker-protocol.js';

/** Behaves like Electron's UtilityProcess: postMessage in, 'message' and 'exit' out. */
class FakeUtilityProcess extends EventEmitter implements UtilityProcessLike {
  pid = 4242;
  stderr = new PassThrough();
  received: unknown[] = [];
  postMessage(message: unknown): void {
    this.received.push(message);
    setImmediate(() => this.emit('message', { type: 'task-done' }));
  }
  kill(): boolean {
    setImmediate(() => this.emit('exit', 0));
    return true;
  }
}

describe('the benchmark child as an Electron utility process', () => {
  it('runs a task through BenchWorker exactly as a forked Node child does', async () => {
    const fake = new FakeUtilityProcess();
    const forks: { path: string; options: unknown }[] = [];
    const worker = BenchWorker.start({ file: '/app/out/main/bench-worker.js', execArgv: [] }, (path, _args, options) => {
      forks.push({ path, options });
      return fake;
    });
    expect(forks).toEqual([{ path: '/app/out/main/bench-worker.js', options: { stdio: 'pipe', serviceName: 'Sparsity Advisor hardware check' } }]);
    const task = { type: 'probe', provider: 'cpu' } as WorkerTask;
    await expect(worker.runTask(task, () => {})).resolves.toEqual({ status: 'done' });
    expect(fake.received).toEqual([{ type: 'task', task }]);
    expect(worker.pid).toBe(4242);
  });

  it('reports a kill as SIGKILL, like a killed child process', async () => {
    const child = new UtilityChild(new FakeUtilityProcess());
    const exit = new Promise<unknown[]>((resolve) => child.once('exit', (...args) => resolve(args)));
    child.kill();
    expect(await exit).toEqual([null, 'SIGKILL']);
    expect(child.signalCode).toBe('SIGKILL');
  });
});
