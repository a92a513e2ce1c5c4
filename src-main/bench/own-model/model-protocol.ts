/**
 * Tasks and messages of the own-model benchmark between the parent and its benchmark children,
 * beside the hardware check's (worker-protocol.ts carries both). One child times the user's
 * model on one provider through onnxruntime-node; a fresh one times its prunable layers in
 * isolation through ORT's C API. Messages travel with the 'advanced' serialization.
 */
import type { Provider } from '../../core/hardware/benchmark-result.js';
import type { ResolvedInput } from '../../core/own-model/input-shapes.js';
import type { LayerCandidate, PruneTarget } from '../../core/own-model/model-plan.js';

export interface ModelTimingJob {
  rounds: number;
  budgetMsPerCase: number;
  minIterations: number;
  warmups: number;
  slowCallMs: number;
  budgetOverrun: number;
  maxIterations: number;
  threads: number;
}

export interface ModelJob extends ModelTimingJob {
  file: string;
  sha256: string;
  externalLocations: string[];
  targets: PruneTarget[];
  pattern: 'unstructured' | '2:4';
  sparsities: number[];
  inputs: ResolvedInput[];
  indexBounds: Record<string, number>;
  seed: number;
  batch: number;
}

/** A layer shape to time in isolation, with the layer whose weights stand for it and how many share it. */
export interface LayerCase extends LayerCandidate {
  m: number;
  count: number;
}

export interface LayerJob extends ModelTimingJob {
  file: string;
  sha256: string;
  externalLocations: string[];
  targets: PruneTarget[];
  pattern: 'unstructured' | '2:4';
  sparsities: number[];
  cases: LayerCase[];
  seed: number;
}

export type ModelTask =
  /** Loads, profiles and times the dense and pruned model on one provider; `shapes` also asks for per-node input shapes. */
  | { type: 'model-suite'; provider: Provider; job: ModelJob; shapes: boolean }
  | { type: 'model-layers'; job: LayerJob; libraryPath: string | null };

export type ModelWorkerMessage =
  /** Whether the dense model loaded and ran on the provider; the error otherwise. */
  | { type: 'model-loaded'; provider: Provider; error: string | null }
  | { type: 'model-placement'; provider: Provider; nodesByProvider: Record<string, number> }
  /** Activation input shapes of graph nodes (by node index), from a run without graph optimizations. */
  | { type: 'model-shapes'; shapes: { node: number; inputs: number[][] }[] }
  | { type: 'model-output'; provider: Provider; sparsity: number; relative: number | null; finite: boolean; denseFinite: boolean }
  | { type: 'layer-samples'; layer: string; variant: 'dense' | 'sparse-kernel'; sparsity: number; warmups: number; samplesMs: number[] }
  | { type: 'layer-check'; layer: string; sparsity: number; relativeDifference: number };
