/**
 * Messages between the hardware check (parent) and its benchmark child process. The parent
 * hands one task at a time; the child answers with results and ends each task with task-done.
 * Messages travel with the 'advanced' serialization, so Float32Arrays arrive as Float32Arrays.
 */
import type { Provider, RawTiming } from '../core/hardware/benchmark-result.js';
import type { ChainModel } from '../core/hardware/chain-plan.js';
import type { ModelTask, ModelWorkerMessage } from './own-model/model-protocol.js';

/** Everything a child needs to rebuild the same models and time them the same way. */
export interface SuiteJob {
  dModel: number;
  ffnWidth: number;
  seed: number;
  threads: number;
  tokens: number[];
  rounds: number;
  models: ChainModel[];
  /** Per case, over all rounds together. */
  budgetMsPerCase: number;
  /** Per case, over all rounds together. */
  minIterations: number;
  warmups: number;
  slowCallMs: number;
  budgetOverrun: number;
  /** Per case, over all rounds together. */
  maxIterations: number;
}

export type WorkerTask =
  | { type: 'probe'; provider: Provider }
  | { type: 'js-suite'; provider: Provider; job: SuiteJob; reportZeroedOutputs: boolean }
  | { type: 'capi-suite'; job: SuiteJob; libraryPath: string | null }
  | ModelTask;

export type ParentMessage = { type: 'task'; task: WorkerTask };

export type WorkerMessage =
  | { type: 'probe-result'; provider: Provider; error: string | null; ortVersion: string | null }
  /** A case is about to be timed; `label` is for progress displays. */
  | { type: 'case-start'; label: string }
  /** One round of one case: appended to the case's pooled samples. */
  | { type: 'samples'; timing: RawTiming }
  /** The output of one run, for checking the sparse kernel against zeroed dense. */
  | { type: 'output'; variant: 'zeroed-dense' | 'sparse-kernel'; sparsity: number; tokens: number; values: Float32Array }
  /** The C-API path cannot run here; the reason goes into the sparse rows. */
  | { type: 'unreachable'; reason: string }
  | { type: 'task-error'; message: string }
  | { type: 'task-done' }
  | ModelWorkerMessage;
