/**
 * The wizard's state: the scenario being edited, the hardware measurement it uses (with the
 * machine's role), where the user is, and the live result (`result`, the RoiResult), recomputed
 * with the pure core on every change. Invariants: an entry the parser refused stays as typed (a
 * draft) and makes the state invalid, so the result is never computed from the value that was there
 * before; Continue is refused while the current page has a problem; switching the situation keeps
 * the answers of the other choice, so switching back restores them.
 */
import { benchmarkResultSchema, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import type { SchemaIssue } from '../../src-main/core/i18n/issues.js';
import { defaultFleet, defaultScenario } from '../../src-main/core/roi/defaults.js';
import { evaluateScenario, type RoiResult } from '../../src-main/core/roi/evaluate.js';
import {
  dataUnitOf,
  rangeApplies,
  scenarioSchema,
  type FleetDeployment,
  type InputRange,
  type MeteredDeployment,
  type Scenario,
  type UncertainInput,
} from '../../src-main/core/roi/scenario.js';
import { dataView, type DataView } from './data-position.js';
import { STEPS, stepOfPath, valueAt, type StepId } from './fields.js';
import { wizardIssues } from './wizard-checks.js';

/** A problem with one answer: zod's issue, the wizard's own check, or the parser's refusal of what was typed. */
export interface Issue extends SchemaIssue {
  /** The scenario path, dot-joined: where the problem is, for linking and grouping (never shown). */
  key: string;
  step: StepId;
}

export type View = 'wizard' | 'library' | 'fit';

/** Which machine a measurement was made on: only the deployment machine counts as measured for the caps. */
export type MachineRole = 'deployment' | 'development';

function toIssues(found: readonly SchemaIssue[]): Issue[] {
  return found.map((i) => {
    const key = i.path.map(String).join('.');
    return { ...i, path: i.path, key, step: stepOfPath(key) };
  });
}

function validate(scenario: Scenario, benchmark: BenchmarkResult | null): Issue[] {
  const parsed = scenarioSchema.safeParse(scenario);
  const schema = parsed.success ? [] : (parsed.error.issues as unknown as SchemaIssue[]);
  return toIssues([...schema, ...wizardIssues(scenario, benchmark)]);
}

/** The fields both deployment kinds share; they travel with the user when the kind switches. */
function common(d: Scenario['deployment']) {
  return {
    unitsPerRequest: d.unitsPerRequest,
    outputTokensPerRequest: d.outputTokensPerRequest,
    horizonMonths: d.horizonMonths,
    growthPerMonth: d.growthPerMonth,
    speedup: d.speedup,
  };
}

class AdvisorState {
  view = $state<View>('wizard');
  step = $state<StepId>('start');
  /** The furthest step reached since the scenario was loaded: steps up to it can be revisited from the step list. */
  furthest = $state<StepId>('start');
  scenario = $state<Scenario>(defaultScenario('vit'));
  /** The saved scenario and revision being edited, if any. */
  ref = $state<{ id: string; revision: number } | null>(null);
  /** The hardware check or own-model measurement the speed-ups come from. */
  benchmark = $state<BenchmarkResult | null>(null);
  /** The machine that measurement was made on, as the user says. */
  benchmarkRole = $state<MachineRole>('development');
  /** Text the parser refused, by the dot-joined path of the value it was meant for. */
  drafts = $state<Record<string, { text: string; code: string }>>({});
  /** The page on which Continue was refused; its error summary shows until the problems are fixed. */
  summaryFor = $state<StepId | null>(null);
  /** Answers of the deployment kind not chosen now, and ranges that do not apply now: restored on switching back. */
  #aside: { metered: MeteredDeployment | null; fleet: FleetDeployment | null; ranges: Partial<Record<UncertainInput, InputRange>> } = {
    metered: null,
    fleet: null,
    ranges: {},
  };

  issues: Issue[] = $derived.by(() => {
    const drafted = Object.keys(this.drafts);
    const checked = validate(this.scenario, this.benchmark).filter((i) => !drafted.some((d) => i.key === d || i.key.startsWith(`${d}.`)));
    const refused = drafted.map((key): Issue => ({ path: key.split('.'), key, code: this.drafts[key]!.code, message: this.drafts[key]!.text, step: stepOfPath(key) }));
    return [...refused, ...checked];
  });

  /** The measurement as the engine reads it: with the role the user gave the machine. */
  measurement: (BenchmarkResult & { role: MachineRole }) | null = $derived(
    this.benchmark ? { ...($state.snapshot(this.benchmark) as BenchmarkResult), role: this.benchmarkRole } : null,
  );

  outcome: { result: RoiResult | null; error: string | null } = $derived.by(() => {
    if (this.issues.length > 0) return { result: null, error: null };
    try {
      return { result: evaluateScenario($state.snapshot(this.scenario) as Scenario, this.measurement), error: null };
    } catch (error) {
      return { result: null, error: (error as Error).message };
    }
  });

  /**
   * Where the data stands (optimal sparsity, threshold), from the result when there is one, else from
   * the data page's own answers, so that page shows it while later questions are still open.
   */
  dataView: DataView | null = $derived.by(() => {
    const result = this.outcome.result;
    if (result) return { optimal: result.optimal, position: result.dataPosition };
    const blocking = this.issues.some((i) => i.step === 'start' || i.step === 'situation' || i.step === 'data');
    return blocking ? null : dataView($state.snapshot(this.scenario) as Scenario);
  });

  /** The live result, or null while an answer has a problem. */
  get result(): RoiResult | null {
    return this.outcome.result;
  }

  /** A plain copy for IPC: contextBridge cannot carry Svelte's proxies. */
  plainScenario(): Scenario {
    return $state.snapshot(this.scenario) as Scenario;
  }

  /** What the memo export needs to cite the measurement: its id and the machine's role. */
  memoBenchmark(): { benchmarkId: string | null; benchmarkRole: MachineRole } {
    return { benchmarkId: this.benchmark?.id ?? null, benchmarkRole: this.benchmarkRole };
  }

  load(scenario: Scenario, ref: { id: string; revision: number } | null = null): void {
    this.scenario = $state.snapshot(scenario) as Scenario;
    this.ref = ref;
    this.drafts = {};
    this.summaryFor = null;
    this.furthest = 'start';
    this.#aside = { metered: null, fleet: null, ranges: {} };
    // A measurement belongs to the scenario that names it; another scenario starts without one.
    if (this.benchmark && this.benchmark.id !== scenario.deployment.speedup.benchmarkId) this.useBenchmark(null);
  }

  /** Keeps a measurement (or none); a v2 result file may carry the role it was made in. */
  useBenchmark(result: BenchmarkResult | null, role?: MachineRole): void {
    this.benchmark = result === null ? null : benchmarkResultSchema.parse(result);
    const carried = (result as { role?: unknown } | null)?.role;
    this.benchmarkRole = role ?? (carried === 'deployment' ? 'deployment' : 'development');
  }

  /** Makes a measurement the evidence of the decision: speed-ups measured, and the scenario names the run. */
  measureWith(result: BenchmarkResult): void {
    this.useBenchmark(result);
    const speedup = this.scenario.deployment.speedup;
    speedup.source = 'measured';
    speedup.benchmarkId = result.id;
  }

  /** "Do you already have a trained model?" */
  setStatus(status: Scenario['baseline']['status']): void {
    this.scenario.baseline.status = status;
    this.#reconcile();
  }

  /** "Where does it run?": rented and paid by the hour (metered), or our own devices (fleet). */
  setDeploymentKind(kind: Scenario['deployment']['kind']): void {
    const current = $state.snapshot(this.scenario.deployment) as Scenario['deployment'];
    if (current.kind === kind) return;
    if (current.kind === 'metered') {
      this.#aside.metered = current;
      this.scenario.deployment = this.#aside.fleet ? { ...this.#aside.fleet, ...common(current) } : defaultFleet(this.plainScenario());
    } else {
      this.#aside.fleet = current;
      const fresh = defaultScenario(dataUnitOf(this.scenario) === 'images' ? 'vit' : 't5').deployment as MeteredDeployment;
      this.scenario.deployment = { ...(this.#aside.metered ?? fresh), ...common(current) };
    }
    this.#reconcile();
  }

  /** Ranges that no longer apply step aside (and come back when they apply again); drafts of vanished fields go. */
  #reconcile(): void {
    const ranges = this.scenario.uncertainty.ranges;
    const s = this.plainScenario();
    for (const [input, range] of Object.entries(ranges) as [UncertainInput, InputRange | undefined][]) {
      if (range && !rangeApplies(input, s).ok) {
        this.#aside.ranges[input] = $state.snapshot(range) as InputRange;
        delete ranges[input];
      }
    }
    for (const [input, range] of Object.entries(this.#aside.ranges) as [UncertainInput, InputRange | undefined][]) {
      if (range && !ranges[input] && rangeApplies(input, s).ok) {
        ranges[input] = range;
        delete this.#aside.ranges[input];
      }
    }
    for (const path of Object.keys(this.drafts)) {
      if (path.startsWith('uncertainty.ranges.') ? !ranges[path.split('.')[2] as UncertainInput] : valueAt(s, path) === undefined) delete this.drafts[path];
    }
  }

  /** Keeps text the parser refused; the value underneath stays, but the state is invalid until it is fixed. */
  refuse(path: string, text: string, code = 'not_a_number'): void {
    this.drafts[path] = { text, code };
  }

  accept(path: string): void {
    if (path in this.drafts) delete this.drafts[path];
  }

  /** Forgets the drafts under a path (a removed line, a removed assumed speed-up). */
  acceptUnder(path: string): void {
    for (const key of Object.keys(this.drafts)) if (key === path || key.startsWith(`${path}.`)) delete this.drafts[key];
  }

  draftAt(path: string): string | undefined {
    return this.drafts[path]?.text;
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
