/**
 * "Measure our own model": the IPC sequence behind the hardware step's own-model panel — pick a
 * file (the main process opens the dialog and keeps the path; this holds a token), collect the
 * input shapes the model leaves open, run with progress and cancel, and hand the result to the
 * decision. OwnModel.svelte only renders this state.
 */
import type { BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { parseInputFlag, type GivenShape } from '../../src-main/core/own-model/input-shapes.js';
import type { ModelOverview } from '../../src-main/core/own-model/model-overview.js';
import { call, onModelBenchmarkProgress } from './api.js';
import { advisor } from './state.svelte.js';

/** The shape text a person edits: the model's fixed sizes, 1 for an open batch, blanks to fill. */
export function shapeText(dims: ModelOverview['inputs'][number]['dims']): string {
  if (!dims) return '';
  return dims.map((d, i) => (typeof d === 'number' && d > 0 ? String(d) : i === 0 ? '1' : '')).join('x');
}

export class OwnModel {
  overview = $state<ModelOverview | null>(null);
  /** Shape text per input that needs one, e.g. "1x128". */
  shapes = $state<Record<string, string>>({});
  batch = $state(1);
  pattern = $state<'unstructured' | '2:4'>('unstructured');
  layers = $state<'default' | 'all'>('default');
  quick = $state(true);
  progress = $state<{ fraction: number; current: string } | null>(null);
  result = $state<BenchmarkResult | null>(null);
  error = $state<string | null>(null);

  /** Inputs the user must give a shape for. */
  get openInputs(): ModelOverview['inputs'] {
    return this.overview?.inputs.filter((i) => i.needsShape) ?? [];
  }

  get inUse(): boolean {
    return this.result !== null && advisor.benchmark?.id === this.result.id;
  }

  async choose(): Promise<void> {
    this.error = null;
    try {
      const overview = await call('chooseModelFile', {});
      if (!overview) return;
      this.overview = overview;
      this.result = null;
      this.shapes = Object.fromEntries(overview.inputs.filter((i) => i.needsShape).map((i) => [i.name, shapeText(i.dims)]));
      this.layers = overview.defaultLayers > 0 ? 'default' : 'all';
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** The shapes typed so far, checked the way the CLI checks --input. */
  givenShapes(): GivenShape[] {
    return this.openInputs.map((input) => parseInputFlag(`${input.name}=${this.shapes[input.name] ?? ''}`, input.name));
  }

  async run(): Promise<void> {
    const overview = this.overview;
    if (!overview || this.progress) return;
    this.error = null;
    let inputs: GivenShape[];
    try {
      inputs = this.givenShapes();
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    this.progress = { fraction: 0, current: '' };
    const stop = onModelBenchmarkProgress((p) => (this.progress = p));
    try {
      this.result = await call('runModelBenchmark', {
        token: overview.token,
        inputs,
        // An open batch of inputs whose other sizes are fixed; with typed shapes the shapes say it.
        ...(inputs.length === 0 ? { batch: this.batch } : {}),
        pattern: this.pattern,
        layers: this.layers,
        quick: this.quick,
        save: true,
      });
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      stop();
      this.progress = null;
    }
  }

  async cancel(): Promise<void> {
    await call('cancelModelBenchmark', {});
  }

  /** Makes this run the hardware evidence of the decision, like a hardware check's. */
  use(): void {
    if (!this.result) return;
    advisor.measureWith(this.result);
  }
}

export const ownModel = new OwnModel();
