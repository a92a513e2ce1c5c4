/**
 * The wizard's state: the scenario being edited, the hardware-check result it uses, where the
 * user is, and the live result. The result recomputes with the pure core on every change.
 * Invariant: an entry the parser refused stays as typed (a draft) and makes the state invalid, so
 * the result is never computed from the value that was there before; Continue is refused while
 * the current page has a problem.
 */
import { benchmarkResultSchema, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import type { SchemaIssue } from '../../src-main/core/i18n/issues.js';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { evaluateScenario, type RoiResult } from '../../src-main/core/roi/evaluate.js';
import { scenarioSchema, type Scenario } from '../../src-main/core/roi/scenario.js';
import { STEPS, stepOfPath, type StepId } from './fields.js';

/** A problem with one answer: zod's issue, or the parser's refusal of what was typed. */
export interface Issue extends SchemaIssue {
  /** The scenario path, dot-joined: where the problem is, for linking and grouping (never shown). */
  key: string;
  step: StepId;
}

export type View = 'wizard' | 'library' | 'fit';

function validate(scenario: Scenario): Issue[] {
  const parsed = scenarioSchema.safeParse(scenario);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const key = i.path.map(String).join('.');
    return { ...(i as unknown as SchemaIssue), path: i.path, key, step: stepOfPath(key) };
  });
}

class AdvisorState {
  view = $state<View>('wizard');
  step = $state<StepId>('start');
  /** The furthest step reached since the scenario was loaded: steps up to it can be revisited from the step list. */
  furthest = $state<StepId>('start');
  scenario = $state<Scenario>(defaultScenario('vit'));
  /** The saved scenario and revision being edited, if any. */
  ref = $state<{ id: string; revision: number } | null>(null);
  benchmark = $state<BenchmarkResult | null>(null);
  /** Text the parser refused, by the dot-joined path of the value it was meant for. */
  drafts = $state<Record<string, string>>({});
  /** The page on which Continue was refused; its error summary shows until the problems are fixed. */
  summaryFor = $state<StepId | null>(null);

  issues: Issue[] = $derived.by(() => {
    const drafted = Object.keys(this.drafts);
    const schema = validate(this.scenario).filter((i) => !drafted.some((d) => i.key === d || i.key.startsWith(`${d}.`)));
    const refused = drafted.map((key): Issue => ({ path: key.split('.'), key, code: 'not_a_number', message: this.drafts[key]!, step: stepOfPath(key) }));
    return [...refused, ...schema];
  });

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
    this.drafts = {};
    this.summaryFor = null;
    this.furthest = 'start';
  }

  useBenchmark(result: BenchmarkResult | null): void {
    this.benchmark = result === null ? null : benchmarkResultSchema.parse(result);
  }

  /** Keeps text the parser refused; the value underneath stays, but the state is invalid until it is fixed. */
  refuse(path: string, text: string): void {
    this.drafts[path] = text;
  }

  accept(path: string): void {
    if (path in this.drafts) delete this.drafts[path];
  }

  draftAt(path: string): string | undefined {
    return this.drafts[path];
  }

  issuesUnder(path: string): Issue[] {
    return this.issues.filter((i) => i.key === path || i.key.startsWith(`${path}.`));
  }

  issuesOn(step: StepId): Issue[] {
    return this.issues.filter((i) => i.step === step);
  }

  go(step: StepId): void {
    this.view = 'wizard';
    this.step = step;
    if (STEPS.indexOf(step) > STEPS.indexOf(this.furthest)) this.furthest = step;
    if (this.summaryFor !== step) this.summaryFor = null;
    if (typeof location !== 'undefined' && location.hash !== `#/${step}`) location.hash = `#/${step}`;
  }

  /** Continue: refused, with the page's error summary, while the page has a problem. */
  next(): boolean {
    if (this.issuesOn(this.step).length > 0) {
      this.summaryFor = this.step;
      return false;
    }
    const i = STEPS.indexOf(this.step);
    if (i < STEPS.length - 1) this.go(STEPS[i + 1]!);
    return true;
  }

  /** From the check page to the result: refused, with a summary of every problem, while any answer has one. */
  seeResult(): boolean {
    if (this.issues.length > 0) {
      this.summaryFor = 'check';
      return false;
    }
    this.go('result');
    return true;
  }

  /** Follows the address bar, so the browser's back button and the back link agree. */
  followHash(hash: string): void {
    const step = hash.replace(/^#\//, '') as StepId;
    if (STEPS.includes(step)) {
      this.view = 'wizard';
      this.step = step;
      if (STEPS.indexOf(step) > STEPS.indexOf(this.furthest)) this.furthest = step;
    }
  }
}

export const advisor = new AdvisorState();
