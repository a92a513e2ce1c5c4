/**
 * The hardware step's flow, outside the component: list the saved hardware checks, run one with
 * progress (and cancel it), pick one, import a result file, choose how the speed-up is known, and
 * edit assumed speed-ups with their ranges. Shaped like AdvisorState (a rune class, one instance);
 * HardwareStep.svelte only binds and renders. Invariant: choosing or running a check makes the
 * scenario use measured speed-ups and name the run; a refused entry stays as typed.
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
      return;
    }
    await this.restoreNamed();
  }

  async run(quick: boolean): Promise<void> {
    this.failure = null;
    this.progress = { fraction: 0, current: '' };
    const stop = onHardwareCheckProgress((p) => (this.progress = p));
    try {
      const result = await call('runHardwareCheck', { quick, save: true });
      advisor.measureWith(result);
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
      advisor.scenario.deployment.speedup.benchmarkId = null;
      return;
    }
    try {
      advisor.measureWith(await call('getBenchmark', { id }));
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

  /**
   * A scenario saved with a measured speed-up names its run: load that run from the saved checks,
   * so the answer is the one given before. Quietly does nothing when the run is not stored here.
   */
  async restoreNamed(): Promise<void> {
    const speedup = advisor.scenario.deployment.speedup;
    const id = speedup.benchmarkId;
    if (speedup.source !== 'measured' || id === null || advisor.benchmark?.id === id) return;
    if (!this.runs.some((r) => r.id === id)) return;
    try {
      advisor.useBenchmark(await call('getBenchmark', { id }));
    } catch {
      // The run list said it exists; if it cannot be read now, the page asks for a measurement.
    }
  }

  /** "How do you know the speed-up?": an assumption starts with one row to fill in. */
  choose(source: 'measured' | 'published' | 'assumed'): void {
    const speedup = advisor.scenario.deployment.speedup;
    speedup.source = source;
    if (source === 'assumed' && speedup.assumed.length === 0) this.addAssumed();
  }

  addAssumed(): void {
    const speedup = advisor.scenario.deployment.speedup;
    const used = new Set(speedup.assumed.map((a) => a.sparsity));
    const next = SPARSITIES_TO_OFFER.find((s) => !used.has(s)) ?? 0.6;
    speedup.assumed.push({ sparsity: next, value: 1, low: 1, high: 1, source: { kind: 'assumed', note: '', date: today() } });
  }

  /**
   * An assumed speed-up's sparsity (typed in %) or value, low or high (typed as a multiple: 1.3,
   * 1.3倍, ×1.3); refused text stays as a draft. A value typed into a row without a range yet
   * carries its range along, so the range never has to be typed just to keep it valid.
   */
  setAssumed(index: number, part: 'sparsity' | 'value' | 'low' | 'high', text: string): void {
    const row = advisor.scenario.deployment.speedup.assumed[index];
    if (!row) return;
    const path = `deployment.speedup.assumed.${index}.${part}`;
    let value: number;
    try {
      value = parseQuantity(path, text.replace(/[倍×x]/g, ''), { percent: part === 'sparsity' });
    } catch {
      advisor.refuse(path, text);
      return;
    }
    advisor.accept(path);
    if (part === 'value' && row.low === row.value && row.high === row.value) {
      row.low = value;
      row.high = value;
    }
    row[part] = value;
    row.source = { kind: 'assumed', note: row.source?.note ?? '', date: today() };
  }

  removeAssumed(index: number): void {
    const assumed = advisor.scenario.deployment.speedup.assumed;
    // Drafts are keyed by row number: the rows after this one move up, so their drafts go too.
    for (let i = index; i < assumed.length; i++) advisor.acceptUnder(`deployment.speedup.assumed.${i}`);
    assumed.splice(index, 1);
  }
}

export const hardware = new HardwareFlow();
