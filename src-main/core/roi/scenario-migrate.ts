/**
 * Reads a scenario document of any version: v2 is validated as it is; v1 is validated with its own
 * schema and upgraded to v2, every filled-in value labelled `migrated` with what was assumed. The
 * store, the CLI and the app all read scenarios through `readScenario`, so v1 files stay usable.
 */
import { InputError } from '../input.js';
import { parseDocument } from '../schema.js';
import {
  DEFAULT_DATA_COST,
  DEFAULT_MATERIALITY,
  DEFAULT_ONE_SHOT_GPU_HOURS_PER_BILLION,
  DEFAULT_QUALITY_FLOOR,
  DEFAULT_TRAINING_GPUS,
  source,
} from './defaults.js';
import { parseScenario, SCENARIO_VERSION, type InputRange, type Scenario, type UncertainInput } from './scenario.js';
import { scenarioV1Schema, type ScenarioV1 } from './scenario-v1.js';

const migrated = (note: string) => source('migrated', `filled in when this v1 scenario was upgraded: ${note}`);

function versionOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
}

export function readScenario(value: unknown, root = 'scenario'): Scenario {
  const version = versionOf(value);
  if (version === 1) return migrateV1(parseDocument(scenarioV1Schema, value, root), root);
  if (version === SCENARIO_VERSION) return parseScenario(value, root);
  throw new InputError(`${root}.version`, `must be 1 or ${SCENARIO_VERSION} (got ${JSON.stringify(version) ?? 'nothing'})`);
}

/** Moves a v1 range into v2 when the input still exists, widening it to contain its base value. */
function migrateRange(range: ScenarioV1['uncertainty']['ranges'][keyof ScenarioV1['uncertainty']['ranges']], base: number): InputRange | undefined {
  if (!range) return undefined;
  return {
    low: Math.min(range.low, base),
    high: Math.max(range.high, base),
    distribution: range.low > 0 || range.distribution === 'triangular' ? range.distribution : 'triangular',
    ...(range.source ? { source: range.source } : {}),
  };
}

export function migrateV1(v1: ScenarioV1, root = 'scenario'): Scenario {
  const vision = v1.baseline.tokensPerUnit.unit === 'tokens/image';
  const unit = v1.baseline.trainingData.unit;
  const r = v1.uncertainty.ranges;
  const speedFactor = r.speedup;
  const ranges: Partial<Record<UncertainInput, InputRange>> = {};
  const put = (key: UncertainInput, range: InputRange | undefined) => {
    if (range) ranges[key] = range;
  };
  put('requestsPerDay', migrateRange(r.requestsPerDay, v1.deployment.requestsPerDay.value));
  put('growthPerMonth', migrateRange(r.growthPerMonth, v1.deployment.growthPerMonth.value));
  put('engineeringDays', migrateRange(r.engineeringDays, v1.engineering.personDays.value));
  put('trainingPricePerHour', migrateRange(r.trainingPricePerHour, v1.training.pricePerHour.value));
  put('inferencePricePerHour', migrateRange(r.inferencePricePerHour, v1.deployment.pricePerHour.value));
  put('inferenceUtilisation', migrateRange(r.inferenceUtilisation, v1.deployment.utilisation.value));
  const speed = v1.deployment.speedup;
  const scenario: Scenario = {
    format: v1.format,
    version: SCENARIO_VERSION,
    name: v1.name,
    ...(v1.description !== undefined ? { description: v1.description } : {}),
    currency: v1.currency,
    family: v1.family,
    architecture: vision
      ? { kind: 'encoder', source: migrated('a vision model encodes each image once') }
      : v1.family.kind === 'preset'
        ? { kind: 'encoder-decoder', source: migrated('the T5 preset describes encoder-decoder models') }
        : { kind: 'decoder-only', source: migrated('a custom language law is taken to describe a decoder-only model') },
    baseline: {
      status: 'planned',
      params: v1.baseline.params,
      uniqueData: v1.baseline.trainingData,
      passes: { value: 1, unit: 'passes', source: migrated('v1 counted all training data as unique (one pass)') },
      tokensPerUnit: v1.baseline.tokensPerUnit,
    },
    data: { available: v1.baseline.availableData, costPerUnit: { ...DEFAULT_DATA_COST, source: migrated(DEFAULT_DATA_COST.source.note) } },
    sparsity: v1.sparsity,
    training: { ...v1.training, gpus: { ...DEFAULT_TRAINING_GPUS, source: migrated(DEFAULT_TRAINING_GPUS.source.note) } },
    pruning: {
      retrainData: {
        value: v1.pruning.retrainFraction.value * v1.baseline.trainingData.value,
        unit,
        source: migrated(`v1 retraining length ${v1.pruning.retrainFraction.value} × the original run`),
      },
      oneShotGpuHoursPerBillion: DEFAULT_ONE_SHOT_GPU_HOURS_PER_BILLION,
    },
    engineering: v1.engineering,
    deployment: {
      kind: 'metered',
      unitsPerRequest: v1.deployment.unitsPerRequest,
      outputTokensPerRequest: { value: 0, unit: 'tokens/request', source: migrated('v1 counted every token of a request as input') },
      horizonMonths: v1.deployment.horizonMonths,
      growthPerMonth: v1.deployment.growthPerMonth,
      speedup: {
        source: speed.source === 'benchmark' ? 'measured' : 'assumed',
        provider: speed.provider,
        benchmarkId: null,
        useUpperBound: speed.useUpperBound,
        publishedTarget: null,
        assumed: speed.assumed.map((a) => ({
          sparsity: a.sparsity,
          value: a.value,
          // v1 kept the speed-up range as a factor on every value; v2 keeps it in absolute ×.
          low: Math.min(a.value, a.value * (speedFactor?.low ?? 0.75)),
          high: Math.max(a.value, Math.min(1000, a.value * (speedFactor?.high ?? 1.25))),
          ...(a.source ? { source: a.source } : {}),
        })),
      },
      requestsPerDay: v1.deployment.requestsPerDay,
      pricePerHour: v1.deployment.pricePerHour,
      peakFlops: v1.deployment.peakFlops,
      utilisation: v1.deployment.utilisation,
    },
    decision: {
      discountRate: { value: 0, unit: 'fraction/year', source: migrated('v1 did not discount; set your discount rate') },
      materiality: DEFAULT_MATERIALITY,
      qualityFloor: DEFAULT_QUALITY_FLOOR,
      acceptLowerQuality: false,
    },
    uncertainty: { seed: v1.uncertainty.seed, draws: v1.uncertainty.draws, ranges, law: v1.uncertainty.law },
  };
  return parseScenario(scenario, root);
}
