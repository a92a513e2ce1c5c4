/**
 * What a hardware check runs: the caller's options, checked and filled with defaults. The
 * default suite is sized to finish within a minute on a 2-core machine, the quick one within
 * 15 seconds; both run the same variants, the quick one on a smaller block and fewer samples.
 */
import { InputError } from '../input.js';
import { PROVIDERS, type Provider } from './benchmark-result.js';

export const DEFAULT_SPARSITIES = [0.5, 0.75, 0.875, 0.9, 0.95] as const;

export interface HardwareCheckOptions {
  quick?: boolean;
  /** intraOpNumThreads for every session; default: the logical cores less one (at least 1). */
  threads?: number;
  /** Width of the Transformer block (d_model). */
  dModel?: number;
  /** Hidden width of its feed-forward layer (often 4·d_model). */
  ffnWidth?: number;
  /** Tokens (or patches) per request: the M dimension of every MatMul. */
  tokens?: number[];
  sparsities?: number[];
  providers?: Provider[];
  timeBudgetMsPerCase?: number;
  minIterations?: number;
  seed?: number;
}

/** How each setting is called where the caller set it: option names for the CLI, keys for the API. */
export type SettingNames = Record<
  'quick' | 'threads' | 'dModel' | 'ffnWidth' | 'tokens' | 'sparsities' | 'providers' | 'timeBudgetMsPerCase' | 'minIterations' | 'seed',
  string
>;

export const API_SETTING_NAMES: SettingNames = {
  quick: 'quick',
  threads: 'threads',
  dModel: 'dModel',
  ffnWidth: 'ffnWidth',
  tokens: 'tokens',
  sparsities: 'sparsities',
  providers: 'providers',
  timeBudgetMsPerCase: 'timeBudgetMsPerCase',
  minIterations: 'minIterations',
  seed: 'seed',
};

/**
 * Knobs that follow from quick/default rather than from the caller. They are fixed per suite so
 * that two runs of the same suite are comparable.
 */
export interface SuiteTuning {
  /** Each case is timed in this many rounds, all methods interleaved within each round, so drift hits all alike. */
  rounds: number;
  /** Largest p10–p90 spread, relative to the median, for a case to count as reliable. */
  maxRelativeSpread: number;
  /** Upper limit on one chain's weights; chains stop growing here even if the cache is larger. */
  maxChainBytes: number;
  /** Upper limit on layers of the dense chain: small layers would otherwise chain into hundreds of nodes. */
  maxChainLayers: number;
  /** Upper limit on layers in an upper-bound chain, so the graph stays small enough to build quickly. */
  maxUpperBoundLayers: number;
  /** Runs after the first (discarded) call before timing starts; one when a call takes over slowCallMs. */
  warmups: number;
  slowCallMs: number;
  /** A round stops after this multiple of its budget even below its iteration minimum; the case is then unreliable. */
  budgetOverrun: number;
  /**
   * A case stops at this many iterations even within its budget: microsecond-fast cases would
   * otherwise put tens of thousands of samples into the document without making the median surer.
   */
  maxIterations: number;
}

export interface ResolvedSuite {
  quick: boolean;
  threads: number;
  dModel: number;
  ffnWidth: number;
  tokens: number[];
  sparsities: number[];
  providers: Provider[];
  timeBudgetMsPerCase: number;
  minIterations: number;
  seed: number;
  tuning: SuiteTuning;
}

const MiB = 1024 * 1024;

const DEFAULTS = {
  full: {
    dModel: 1024,
    ffnWidth: 4096,
    tokens: [1, 16],
    timeBudgetMsPerCase: 360,
    minIterations: 10,
    tuning: { rounds: 3, maxRelativeSpread: 0.5, maxChainBytes: 64 * MiB, maxChainLayers: 24, maxUpperBoundLayers: 96, warmups: 3, slowCallMs: 100, budgetOverrun: 4, maxIterations: 600 },
  },
  quick: {
    dModel: 512,
    ffnWidth: 2048,
    tokens: [1],
    timeBudgetMsPerCase: 120,
    minIterations: 6,
    tuning: { rounds: 2, maxRelativeSpread: 0.5, maxChainBytes: 16 * MiB, maxChainLayers: 8, maxUpperBoundLayers: 48, warmups: 2, slowCallMs: 100, budgetOverrun: 4, maxIterations: 300 },
  },
} as const satisfies Record<string, { tuning: SuiteTuning } & Record<string, unknown>>;

function integerIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(field, `must be an integer from ${min} to ${max} (got ${describe(value)})`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  return typeof value;
}

/** Checks the caller's options and fills in the defaults; `cores` is the machine's logical core count. */
export function resolveSuite(options: HardwareCheckOptions, cores: number, names: SettingNames = API_SETTING_NAMES): ResolvedSuite {
  if (options.quick !== undefined && typeof options.quick !== 'boolean') {
    throw new InputError(names.quick, `must be true or false (got ${describe(options.quick)})`);
  }
  const quick = options.quick === true;
  const base = quick ? DEFAULTS.quick : DEFAULTS.full;
  // One core is left to Node itself (event loop, the binding's worker thread): on a 2-core machine two
  // spinning ORT threads beside them made p90 three times the median.
  const threads = integerIn(names.threads, options.threads ?? Math.max(1, cores - 1), 1, 1024);
  const dModel = integerIn(names.dModel, options.dModel ?? base.dModel, 1, 1 << 20);
  const ffnWidth = integerIn(names.ffnWidth, options.ffnWidth ?? base.ffnWidth, 1, 1 << 22);

  const tokensIn = options.tokens ?? [...base.tokens];
  if (!Array.isArray(tokensIn) || tokensIn.length === 0) throw new InputError(names.tokens, 'must list at least one token count');
  const tokens = [...new Set(tokensIn.map((m) => integerIn(names.tokens, m, 1, 1 << 24)))].sort((a, b) => a - b);

  const sparsitiesIn = options.sparsities ?? [...DEFAULT_SPARSITIES];
  if (!Array.isArray(sparsitiesIn) || sparsitiesIn.length === 0) {
    throw new InputError(names.sparsities, 'must list at least one sparsity');
  }
  for (const s of sparsitiesIn) {
    // 0 is the dense baseline, which every run measures anyway; 1 would leave no weights.
    if (typeof s !== 'number' || !(s > 0 && s < 1)) throw new InputError(names.sparsities, `each must be in (0, 1) (got ${describe(s)})`);
  }
  const sparsities = [...new Set(sparsitiesIn)].sort((a, b) => a - b);

  const providersIn = options.providers ?? [...PROVIDERS];
  if (!Array.isArray(providersIn) || providersIn.length === 0) throw new InputError(names.providers, 'must list at least one provider');
  for (const p of providersIn) {
    if (!(PROVIDERS as readonly string[]).includes(p)) {
      throw new InputError(names.providers, `unknown provider ${describe(p)} (known: ${PROVIDERS.join(', ')})`);
    }
  }
  // Keep the canonical order so tables of different runs line up.
  const providers = PROVIDERS.filter((p) => providersIn.includes(p));

  const budget = options.timeBudgetMsPerCase ?? base.timeBudgetMsPerCase;
  if (typeof budget !== 'number' || !(budget >= 1 && budget <= 600_000)) {
    throw new InputError(names.timeBudgetMsPerCase, `must be from 1 to 600000 ms (got ${describe(budget)})`);
  }
  const minIterations = integerIn(names.minIterations, options.minIterations ?? base.minIterations, 1, 100_000);
  const seed = integerIn(names.seed, options.seed ?? 1, 0, 0xffffffff);

  return {
    quick,
    threads,
    dModel,
    ffnWidth,
    tokens,
    sparsities,
    providers,
    timeBudgetMsPerCase: budget,
    minIterations,
    seed,
    tuning: { ...base.tuning },
  };
}
