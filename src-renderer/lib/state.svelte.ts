/**
 * The wizard's state: the scenario being edited, the hardware-check result it uses, where the
 * user is, and the live result. The result recomputes with the pure core on every change.
 */
import { benchmarkResultSchema, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { evaluateScenario, type RoiResult } from '../../src-main/core/roi/evaluate.js';
import { scenarioSchema, type Scenario } from '../../src-main/core/roi/scenario.js';
import { STEPS, type StepId } from './fields.js';

export interface Issue {
  path: string;
  message: string;
}

export type View = 'wizard' | 'library' | 'fit';

function validate(scenario: Scenario): Issue[] {
  const parsed = scenarioSchema.safeParse(scenario);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

class AdvisorState {
  view = $state<View>('wizard');
  step = $state<StepId>('start');
  scenario = $state<Scenario>(defaultScenario('vit'));
  /** The saved scenario and revision being edited, if any. */
  ref = $state<{ id: string; revision: number } | null>(null);
  benchmark = $state<BenchmarkResult | null>(null);

  issues: Issue[] = $derived(validate(this.scenario));
  outcome: { result: RoiResult | null; error: string | null } = $derived.by(() => {
    if (this.issues.length > 0) return { result: null, error: null };
    try {
      return { result: evaluateScenario($state.snapshot(this.scenario) as Scenario, $state.snapshot(this.benchmark) as BenchmarkResult | null), error: null };
    } catch (error) {
      return { result: null, error: (error as Error).message };
    }
  });

  /** A plain copy for IPC: contextBridge cannot carry Svelte's proxies. */
  plainScenario(): Scenario {
    return $state.snapshot(this.scenario) as Scenario;
  }

  load(scenario: Scenario, ref: { id: string; revision: number } | null = null): void {
    this.scenario = $state.snapshot(scenario) as Scenario;
    this.ref = ref;
  }

  useBenchmark(result: BenchmarkResult | null): void {
    this.benchmark = result === null ? null : benchmarkResultSchema.parse(result);
  }

  issuesUnder(path: string): Issue[] {
    return this.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  }

  go(step: StepId): void {
    this.view = 'wizard';
    this.step = step;
    if (typeof location !== 'undefined' && location.hash !== `#/${step}`) location.hash = `#/${step}`;
  }

  next(): void {
    const i = STEPS.indexOf(this.step);
    if (i < STEPS.length - 1) this.go(STEPS[i + 1]!);
  }

  /** Follows the address bar, so the browser's back button and the back link agree. */
  followHash(hash: string): void {
    const step = hash.replace(/^#\//, '') as StepId;
    if (STEPS.includes(step)) {
      this.view = 'wizard';
      this.step = step;
    }
  }
}

export const advisor = new AdvisorState();
