/**
 * Messages between the hardware check (parent) and its benchmark child process. The parent
 * hands one task at a time; the child answers with results and ends each task with task-done.
 * Messages travel with the 'advanced' serialization, so Float32Arrays arrive as Float32Arrays.
 */
import type { Provider, RawTiming, Variant } from '../core/hardware/benchmark-result.js';
import type { ChainModel } from '../core/hardware/chain-plan.js';
import type { ModelTask, ModelWorkerMessage } from './own-model/model-protocol.js';
import type { TensorRtEvidence } from '../core/hardware/tensorrt-evidence.js';

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
  /** `checkModels` run once, untimed, for the output check (the 2:4 chain). */
  | { type: 'js-suite'; provider: Provider; job: SuiteJob; checkModels: ChainModel[] }
  | { type: 'capi-suite'; job: SuiteJob; libraryPath: string | null }
  /** TensorRT through the C API: probe, then time job.models (dense and 2:4) with FP16 and sparsity on. */
  | { type: 'tensorrt-suite'; job: SuiteJob; libraryPath: string | null; engineCacheDir: string | null }
  | ModelTask;

export type ParentMessage = { type: 'task'; task: WorkerTask };

export type WorkerMessage =
  | { type: 'probe-result'; provider: Provider; error: string | null; ortVersion: string | null }
  /** A case is about to be timed; `label` is for progress displays. */
  | { type: 'case-start'; label: string }
  /** One round of one case: appended to the case's pooled samples. */
  | { type: 'samples'; timing: RawTiming }
  /**
   * The output of one run: the sparse kernel is checked against zeroed dense, a GPU against the
   * CPU. rowSums: each token's sum only (TensorRT's device-resident chains), compared with the
   * CPU output's row sums.
   */
  | { type: 'output'; provider: Provider; variant: Variant; sparsity: number; tokens: number; values: Float32Array; rowSums?: boolean }
  /** What TensorRT's build log (or the evidence kept with its engine cache) says about sparse tactics. */
  | { type: 'tensorrt-evidence'; tokens: number; evidence: TensorRtEvidence | null }
  /** The C-API path cannot run here; the reason goes into the sparse rows. */
  | { type: 'unreachable'; reason: string }
  | { type: 'task-error'; message: string }
  | { type: 'task-done' }
  | ModelWorkerMessage;
