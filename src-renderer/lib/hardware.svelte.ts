/**
 * The hardware step's flow, outside the component: list the saved hardware checks, run one with
 * progress (and cancel it), pick one, import a result file, and add assumed speed-ups. Shaped like
 * AdvisorState (a rune class, one instance); HardwareStep.svelte only binds and renders.
 * Invariant: choosing or running a check makes the scenario use measured speed-ups.
 */
import { parseQuantity } from '../../src-main/core/quantity.js';
import { call, onHardwareCheckProgress } from './api.js';
import { today } from './fields.js';
import { advisor } from './state.svelte.js';

type Summary = Awaited<ReturnType<typeof call<'listBenchmarks'>>>[number];

/** What went wrong, kept apart from the words: the component says it in the reader's language. */
export interface HardwareFailure {
  kind: 'list' | 'run' | 'import';
  details: string;
}

const SPARSITIES_TO_OFFER = [0.5, 0.75, 0.875, 0.9, 0.95];

export class HardwareFlow {
  runs = $state<Summary[]>([]);
  progress = $state<{ fraction: number; current: string } | null>(null);
  failure = $state<HardwareFailure | null>(null);
  /** The name of the last file picked for import, for the file picker's label. */
  fileName = $state<string | null>(null);

  async refresh(): Promise<void> {
    try {
      this.runs = await call('listBenchmarks', {});
    } catch (e) {
      this.failure = { kind: 'list', details: (e as Error).message };
    }
  }

  async run(quick: boolean): Promise<void> {
    this.failure = null;
    this.progress = { fraction: 0, current: '' };
    const stop = onHardwareCheckProgress((p) => (this.progress = p));
    try {
      const result = await call('runHardwareCheck', { quick, save: true });
      advisor.useBenchmark(result);
      advisor.scenario.deployment.speedup.source = 'benchmark';
      await this.refresh();
    } catch (e) {
      this.failure = { kind: 'run', details: (e as Error).message };
    } finally {
      stop();
      this.progress = null;
    }
  }

  async cancel(): Promise<void> {
    await call('cancelHardwareCheck', {});
  }

  async pick(id: string): Promise<void> {
    if (!id) {
      advisor.useBenchmark(null);
      return;
    }
    try {
      advisor.useBenchmark(await call('getBenchmark', { id }));
      advisor.scenario.deployment.speedup.source = 'benchmark';
    } catch (e) {
      this.failure = { kind: 'list', details: (e as Error).message };
    }
  }

  async importFile(file: File): Promise<void> {
    this.failure = null;
    this.fileName = file.name;
    try {
      const imported = await call('importDocument', { text: await file.text(), fileName: file.name });
      if (imported.kind === 'benchmark') await this.pick(imported.id);
      await this.refresh();
    } catch (e) {
      this.failure = { kind: 'import', details: (e as Error).message };
    }
  }

  addAssumed(): void {
    const speedup = advisor.scenario.deployment.speedup;
    const used = new Set(speedup.assumed.map((a) => a.sparsity));
    const next = SPARSITIES_TO_OFFER.find((s) => !used.has(s)) ?? 0.6;
    speedup.assumed.push({ sparsity: next, value: 1, source: { kind: 'assumed', note: '', date: today() } });
  }

  /** An assumed speed-up's sparsity (typed in %) or value (typed as a multiple); refused text stays as a draft. */
  setAssumed(index: number, part: 'sparsity' | 'value', text: string): void {
    const row = advisor.scenario.deployment.speedup.assumed[index];
    if (!row) return;
    const path = `deployment.speedup.assumed.${index}.${part}`;
    try {
      row[part] = parseQuantity(path, text.replace(/[倍×x]/g, ''), { percent: part === 'sparsity' });
      advisor.accept(path);
    } catch {
      advisor.refuse(path, text);
    }
  }

  removeAssumed(index: number): void {
    for (const part of ['sparsity', 'value']) advisor.accept(`deployment.speedup.assumed.${index}.${part}`);
    advisor.scenario.deployment.speedup.assumed.splice(index, 1);
  }
}

export const hardware = new HardwareFlow();
