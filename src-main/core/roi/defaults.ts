/**
 * A new scenario's starting values. Each default carries its source and the date it was set,
 * so the check-your-answers page and the memo can say where a number came from.
 */
import { PRESETS, type PresetId } from '../law/presets.js';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario, type Source } from './scenario.js';

export const DEFAULTS_DATE = '2026-11-27';

const source = (kind: Source['kind'], note: string): Source => ({ kind, note, date: DEFAULTS_DATE });
const assumption = (note: string) => source('assumed', `${note}; replace with your own figure`);

export const DEFAULT_CANDIDATES = [0.5, 0.75, 0.875, 0.9];

/** The conservative case for prune-and-retrain: retrain as long as the original run (Mishra et al. 2021). */
export const FULL_RETRAIN_FRACTION = 1;

export function defaultScenario(preset: PresetId, name = 'New scenario'): Scenario {
  const vision = preset === 'vit';
  const unit = PRESETS[preset].dataUnit;
  const params = PRESETS[preset].paramCountAtScale1;
  const data = PRESETS[preset].fittedRange!.data.max;
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name,
    currency: 'USD',
    family: { kind: 'preset', preset },
    baseline: {
      params: {
        value: params,
        unit: 'params',
        source: source('default', vision ? 'ViT-B/16 blocks: 12 layers × 12·768²' : 'T5-Base blocks: 24 layers × 12·768²'),
      },
      trainingData: { value: data, unit, source: source('default', 'the largest training run in the paper’s data') },
      availableData: { value: 2 * data, unit, source: assumption('twice the training data') },
      tokensPerUnit: vision
        ? { value: 197, unit: 'tokens/image', source: source('default', 'ViT-B/16 at 224×224: 14×14 patches + class token (Dosovitskiy et al. 2021)') }
        : { value: 1, unit: 'tokens/token', source: source('default', 'language data is counted in tokens') },
    },
    sparsity: { candidates: [...DEFAULT_CANDIDATES], includeOptimal: true, pattern: 'unstructured' },
    training: {
      pricePerHour: { value: 2.5, unit: 'currency/hour', source: assumption('on-demand cloud price of one A100-class GPU') },
      peakFlops: { value: 312e12, unit: 'FLOP/s', source: source('default', 'NVIDIA A100 datasheet: 312 TFLOP/s dense BF16') },
      utilisation: {
        value: 0.4,
        unit: 'fraction',
        source: source('default', 'typical model-FLOPs utilisation; PaLM reports 46.2 % (Chowdhery et al. 2022)'),
      },
    },
    pruning: {
      route: 'gradual',
      retrainFraction: {
        value: 0.25,
        unit: 'fraction of original run',
        source: assumption('a quarter of the original run; the conservative case is a full re-run, as in NVIDIA’s 2:4 recipe (Mishra et al. 2021)'),
      },
    },
    engineering: {
      personDays: { value: 20, unit: 'person-days', source: assumption('four engineer-weeks to prune, validate and ship') },
      dayRate: { value: 800, unit: 'currency/person-day', source: assumption('loaded engineer day rate') },
      tooling: { value: 0, unit: 'currency', source: assumption('open-source tooling') },
      riskBuffer: { value: 0.3, unit: 'fraction', source: assumption('30 % optimism-bias uplift on engineering') },
    },
    deployment: {
      requestsPerDay: { value: 100_000, unit: 'requests/day', source: assumption('placeholder volume') },
      unitsPerRequest: vision
        ? { value: 1, unit: 'images/request', source: source('default', 'one image per inspection') }
        : { value: 512, unit: 'tokens/request', source: assumption('prompt and answer of a short request') },
      growthPerMonth: { value: 0.02, unit: 'fraction/month', source: assumption('2 % growth per month') },
      horizonMonths: { value: 36, unit: 'months', source: assumption('three-year horizon') },
      pricePerHour: { value: 0.5, unit: 'currency/hour', source: assumption('one CPU server hour') },
      peakFlops: { value: 1e12, unit: 'FLOP/s', source: assumption('a few-core AVX-512 server CPU') },
      utilisation: { value: 0.3, unit: 'fraction', source: assumption('sustained share of peak at inference batch sizes') },
      speedup: { source: 'benchmark', provider: 'cpu', useUpperBound: false, assumed: [] },
    },
    uncertainty: { seed: 1, draws: 10_000, ranges: {}, law: true },
  };
}
