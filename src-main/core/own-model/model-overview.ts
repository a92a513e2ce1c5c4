/**
 * What the app shows right after the user picks a model file, before anything is timed: its
 * inputs (and which need a shape from the user), what the default rule would prune, and its
 * parameters per op type. Crosses IPC as plain JSON (schema below), never with a path.
 */
import { z } from 'zod';
import { dataTypeName, type OnnxModel } from './onnx-graph.js';
import { chooseLayers, opInventory, weightLayers, modelFamily } from './prunable-layers.js';

const dim = z.union([z.number().int().nonnegative(), z.string().max(128), z.null()]);

export const modelOverviewSchema = z
  .object({
    /** Opaque handle for this file in the main process; the renderer never sees the path. */
    token: z.string().min(1).max(100),
    fileName: z.string().min(1).max(255),
    bytes: z.number().int().nonnegative(),
    family: z.enum(['transformer', 'cnn', 'mlp']),
    inputs: z
      .array(
        z
          .object({
            name: z.string().min(1).max(256),
            dtype: z.string().max(32),
            dims: z.array(dim).max(16).nullable(),
            /** A dimension other than the leading (batch) one is open: the user must give the shape. */
            needsShape: z.boolean(),
          })
          .strict(),
      )
      .max(64),
    /** Weight layers (MatMul, Gemm, Conv with a constant weight). */
    candidates: z.number().int().nonnegative(),
    /** Layers the default rule prunes; 0 when it prunes none (then only "all layers" can run). */
    defaultLayers: z.number().int().nonnegative(),
    totalParams: z.number().int().nonnegative(),
    defaultPrunableParams: z.number().int().nonnegative(),
    ops: z.array(z.object({ opType: z.string().max(64), nodes: z.number().int().nonnegative(), params: z.number().int().nonnegative() }).strict()).max(16),
  })
  .strict();

export type ModelOverview = z.infer<typeof modelOverviewSchema>;

export function modelOverview(model: OnnxModel, facts: { token: string; fileName: string; bytes: number }): ModelOverview {
  let defaultLayers = 0;
  let pruned: ReturnType<typeof chooseLayers>['pruned'] = [];
  try {
    pruned = chooseLayers(model, 'default', 'unstructured', 'layers', facts.fileName).pruned;
    defaultLayers = pruned.length;
  } catch {
    // Nothing by the default rule: the app offers "all layers" instead.
  }
  const layers = weightLayers(model);
  const inventory = opInventory(model, pruned);
  return {
    token: facts.token,
    fileName: facts.fileName.slice(0, 255),
    bytes: facts.bytes,
    family: modelFamily(model, layers),
    inputs: model.inputs.slice(0, 64).map((input) => ({
      name: input.name.slice(0, 256),
      dtype: input.elemType === null ? 'non-tensor' : dataTypeName(input.elemType),
      dims: input.dims?.slice(0, 16).map((d) => (typeof d === 'string' ? d.slice(0, 128) : d)) ?? null,
      needsShape: input.dims === null || input.dims.some((d, i) => i > 0 && !(typeof d === 'number' && d > 0)),
    })),
    candidates: layers.length,
    defaultLayers,
    totalParams: inventory.totalParams,
    defaultPrunableParams: inventory.prunableParams,
    ops: inventory.ops.slice(0, 16).map((o) => ({ opType: o.opType.slice(0, 64), nodes: o.nodes, params: o.params })),
  };
}
