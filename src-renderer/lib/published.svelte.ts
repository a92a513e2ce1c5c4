/**
 * State of the picker "I will deploy on hardware I can't measure here": the chosen deployment
 * target and, derived from it and the scenario's sparsity, pattern and tokens, the published
 * outcome and plain rows for PublishedPicker.svelte to render. No IPC: the data ships in the core.
 */
import {
  PUBLISHED_TARGETS,
  adviceEntry,
  publishedSpeedup,
  sparsityBounds,
  type CaveatCode,
  type ConfounderCode,
  type ExclusionReason,
  type PublishedOutcome,
  type PublishedPattern,
  type ShownRow,
} from '../../src-main/core/hardware/published.js';
import type { Language } from '../../src-main/core/i18n/index.js';

export interface PickerInput {
  sparsity: number;
  pattern: PublishedPattern;
  tokensPerRequest?: number | null;
}

/** One row as the picker shows it; texts are translated by the component from the codes. */
export interface RowView {
  id: string;
  used: boolean;
  speedup: number;
  level: 'kernel' | 'end-to-end';
  metric: 'time' | 'throughput' | 'latency';
  hardware: string;
  runtime: string;
  workload: string;
  sparsity: { min: number; max: number } | null;
  batch: number | null;
  reasons: ExclusionReason[];
  confounders: ConfounderCode[];
  caveats: CaveatCode[];
  citation: string;
  secondary: boolean;
  rechecked: boolean;
  researchCode: boolean;
}

export const TARGET_IDS: readonly string[] = PUBLISHED_TARGETS.map((t) => t.id);

export function rowView(shown: ShownRow): RowView {
  const { row } = shown;
  return {
    id: row.id,
    used: shown.used,
    speedup: row.speedup,
    level: row.level,
    metric: row.metric,
    hardware: row.hardware,
    runtime: row.runtime,
    workload: row.workload,
    sparsity: sparsityBounds(row),
    batch: row.batch,
    reasons: shown.reasons,
    confounders: shown.confounders,
    caveats: row.caveats.map((c) => c.code),
    citation: shown.citation,
    secondary: row.status === 'confirmed-secondary',
    rechecked: row.checked.how === 're-read in source',
    researchCode: row.runtimeStatus === 'research-code',
  };
}

/** The advice texts for an outcome, in the given language, in the order the core ranks them. */
export function adviceTexts(outcome: PublishedOutcome, language: Language): { key: string; text: string }[] {
  return outcome.adviceKeys.flatMap((key) => {
    const entry = adviceEntry(key);
    return entry ? [{ key, text: entry[language] }] : [];
  });
}

export class PublishedPickerState {
  target = $state<string | null>(null);
  #input: () => PickerInput;

  constructor(input: () => PickerInput, initial: string | null = null) {
    this.#input = input;
    this.target = initial;
  }

  /** An empty value (the placeholder) clears the choice. */
  pick(id: string): void {
    this.target = id === '' ? null : id;
  }

  /** The outcome for the chosen target, or the core's complaint about the input. */
  readonly result: { outcome: PublishedOutcome | null; error: string | null } = $derived.by(() => {
    if (this.target === null) return { outcome: null, error: null };
    try {
      return { outcome: publishedSpeedup(this.target, this.#input()), error: null };
    } catch (e) {
      return { outcome: null, error: e instanceof Error ? e.message : String(e) };
    }
  });

  readonly rows: RowView[] = $derived(this.result.outcome ? this.result.outcome.rows.map(rowView) : []);
}
