import { benchmarkResultSchema, type BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { InputError } from '../core/input.js';
import { isLanguage, translator } from '../core/i18n/index.js';
import { evaluateScenario } from '../core/roi/evaluate.js';
import { explainRecommendation } from '../core/roi/explain.js';
import { parseScenario } from '../core/roi/scenario.js';
import { parseDocument } from '../core/schema.js';
import { LIMITS } from '../core/limits.js';
import { table } from './format.js';
import { integer, optionalString, parseOptions, readJson, requiredString } from './options.js';
import type { CommandResult } from './command.js';

export const ROI_USAGE = 'roi --scenario FILE [--bench FILE] [--seed N] [--lang en|ja] [--json]';

export function readBenchmark(file: string): BenchmarkResult {
  return parseDocument(benchmarkResultSchema, readJson('--bench', file), file);
}

export function roiCommand(argv: string[]): CommandResult {
  const values = parseOptions(argv, {
    scenario: { type: 'string' },
    bench: { type: 'string' },
    seed: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = requiredString(values, 'scenario');
  const scenario = parseScenario(readJson('--scenario', file), file);
  const seed = optionalString(values, 'seed');
  if (seed !== undefined) scenario.uncertainty.seed = integer(values, 'seed', 0, LIMITS.seed);
  const lang = optionalString(values, 'lang') ?? 'en';
  if (!isLanguage(lang)) throw new InputError('--lang', `must be en or ja (got ${JSON.stringify(lang)})`);
  const benchFile = optionalString(values, 'bench');
  const benchmark = benchFile === undefined ? null : readBenchmark(benchFile);

  const result = evaluateScenario(scenario, benchmark);
  const benchUnused =
    benchmark !== null && scenario.deployment.speedup.source === 'assumed'
      ? [`Note: ${benchFile} is not used: the scenario's speed-ups are assumed (deployment.speedup.source).`]
      : [];
  const explanation = explainRecommendation(result, lang);
  const tr = translator(lang);
  const money = (v: number) => tr.money(v, result.currency);
  const mc = result.monteCarlo;
  const text = [
    `${scenario.name}`,
    ...benchUnused,
    '',
    explanation.headline,
    `  ${explanation.reasons.dataVolume}`,
    `  ${explanation.reasons.hardware}`,
    `  ${explanation.reasons.pruningCost}`,
    ...explanation.caps.map((c) => `  ! ${c}`),
    ...explanation.conditions.map((c) => `  - ${c}`),
    ...(explanation.confidenceReasons.length > 0 ? [`  Confidence lowered: ${explanation.confidenceReasons.join('; ')}.`] : []),
    '',
    `Options at equal quality (predicted loss ${tr.number(result.targetLoss, 4)}; law: ${result.law.name}):`,
    table([
      ['option', 'sparsity', 'non-zeros', 'dense size', 'speed-up', 'total cost', 'savings', 'payback month'],
      ...result.options.map((o) => [
        o.id,
        tr.percent(o.sparsity),
        tr.count(o.nonzero),
        tr.count(o.denseSize),
        o.kind === 'sparse' ? `×${tr.number(o.speedup.value)} ${o.speedup.kind}` : '—',
        money(o.cost.total),
        money(o.savings),
        o.kind === 'dense-baseline' ? '—' : o.breakEven.paybackMonth === null ? 'never' : String(o.breakEven.paybackMonth),
      ]),
    ]),
    ...(result.smallerDenseUnavailable ? [`No smaller dense option: ${result.smallerDenseUnavailable}.`] : []),
    '',
    `Monte Carlo (${mc.draws} draws, seed ${mc.seed}): P(savings > 0) = ${tr.percent(mc.probabilityPositive)}; ` +
      `savings P10 ${money(mc.p10)}, P50 ${money(mc.p50)}, P90 ${money(mc.p90)}`,
    'Tornado (savings of the recommended option at each input’s low and high):',
    table([
      ['input', 'low', 'high', 'savings at low', 'savings at high', 'range from'],
      ...result.tornado.map((b) => [b.input, tr.number(b.low), tr.number(b.high), money(b.savingsAtLow), money(b.savingsAtHigh), b.origin]),
    ]),
    'Switching values (others at base):',
    table([
      ['input', 'base', 'switches at'],
      ...result.switchingValues.map((s) => [
        s.input,
        tr.number(s.base),
        s.value === null ? 'no switch in range' : `${tr.number(s.value)} (flips ${s.flipsWhen})`,
      ]),
    ]),
  ].join('\n');
  return { document: { command: 'roi', scenario: file, benchmark: benchFile ?? null, result, explanation }, text };
}
