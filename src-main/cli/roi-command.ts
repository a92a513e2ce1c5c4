import { shippedBenchmark, SOURCE_RESOURCES } from '../io/examples.js';
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { parseBenchmarkResult } from '../core/hardware/benchmark-versions.js';
import { InputError } from '../core/input.js';
import { isLanguage, translator } from '../core/i18n/index.js';
import { evaluateScenario } from '../core/roi/evaluate.js';
import { explainRecommendation } from '../core/roi/explain.js';
import { readScenario } from '../core/roi/scenario-migrate.js';
import type { EvaluatedOption } from '../core/roi/evaluate.js';
import { optionName } from '../core/charts/labels.js';
import { LIMITS } from '../core/limits.js';
import { table } from './format.js';
import { integer, optionalString, parseOptions, readJson, requiredString } from './options.js';
import type { CommandResult } from './command.js';

export const ROI_USAGE = 'roi --scenario FILE [--bench FILE] [--seed N] [--lang en|ja] [--json]';

/** A --bench file of any format version; version 1 is migrated (role development, adapters unknown). */
export function readBenchmark(file: string): BenchmarkResult {
  return parseBenchmarkResult(readJson('--bench', file), file);
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
  const scenario = readScenario(readJson('--scenario', file), file);
  const seed = optionalString(values, 'seed');
  if (seed !== undefined) scenario.uncertainty.seed = integer(values, 'seed', 0, LIMITS.seed);
  const lang = optionalString(values, 'lang') ?? 'en';
  if (!isLanguage(lang)) throw new InputError('--lang', `must be en or ja (got ${JSON.stringify(lang)})`);
  const benchFile = optionalString(values, 'bench');
  // Without --bench, a scenario that cites a shipped hardware check (a worked example) uses it.
  const benchmark = benchFile === undefined ? shippedBenchmark(SOURCE_RESOURCES, scenario) : readBenchmark(benchFile);

  const result = evaluateScenario(scenario, benchmark);
  const benchUnused =
    benchmark !== null && scenario.deployment.speedup.source !== 'measured'
      ? [`Note: ${benchFile} is not used: the scenario's speed-ups are ${scenario.deployment.speedup.source} (deployment.speedup.source).`]
      : [];
  const explanation = explainRecommendation(result, lang);
  const tr = translator(lang);
  const money = (v: number) => tr.money(v, result.currency);
  const mc = result.monteCarlo;
  const name = (o: EvaluatedOption) => optionName(o, tr, result.status);
  const fleet = result.deploymentKind === 'fleet';
  const payback = (o: EvaluatedOption) => (o.kind === 'baseline' ? '—' : o.paybackMonth === null ? 'never' : String(o.paybackMonth));
  const text = [
    `${scenario.name}`,
    ...benchUnused,
    '',
    explanation.headline + (explanation.headlinePilot ? ` ${explanation.headlinePilot}` : ''),
    explanation.verdict,
    `  ${explanation.reasons.dataVolume}`,
    `  ${explanation.reasons.hardware}`,
    `  ${explanation.reasons.pruningCost}`,
    ...explanation.caps.map((c) => `  ! ${c}`),
    ...explanation.notes.map((c) => `  · ${c}`),
    ...(explanation.confidenceReasons.length > 0 ? [`  Confidence lowered: ${explanation.confidenceReasons.join('; ')}.`] : []),
    ...(explanation.pilot.length > 0 ? ['', ...explanation.pilot.map((p) => `  - ${p}`)] : []),
    ...explanation.wouldChange.map((w) => `  What would change the decision: ${w}`),
    '',
    `Options (today’s quality: predicted loss ${tr.number(result.targetLoss, 4)}; law: ${result.law.name}; present values at ${tr.percent(scenario.decision.discountRate.value, 1)}/year):`,
    table([
      ['option', 'group', 'non-zeros', 'unique data', 'passes', 'speed-up', 'quality', 'deploy', 'extrapolation', 'total cost', 'savings', 'payback month', ...(fleet ? ['devices bought', 'run-out months'] : [])],
      ...result.options.map((o) => [
        name(o),
        o.group,
        tr.count(o.nonzero),
        tr.count(o.uniqueData),
        tr.number(o.passes),
        o.kind === 'sparse' || o.kind === 'pruned' ? `×${tr.number(o.speedup.value)} ${o.speedup.kind}${o.speedup.clipped ? ' (clipped)' : ''}` : '—',
        tr.percent(o.sizeEquivalent),
        `${tr.number(o.cost.deployMonths * 4.348)} wk`,
        o.extrapolation.factor > 1 ? `×${tr.number(o.extrapolation.factor)}` : '—',
        money(o.cost.total),
        money(o.savings),
        payback(o),
        ...(fleet ? [String(o.fleet?.devicesBought ?? 0), (o.fleet?.runOutMonthByLine ?? []).map((m) => (m === null ? '–' : String(m))).join(' ')] : []),
      ]),
    ]),
    ...(result.denseUnavailable ? [`No new dense option: ${result.denseUnavailable}.`] : []),
    '',
    `Monte Carlo (${mc.draws} draws, seed ${mc.seed}, ${result.lawUncertainty.vectors} law vectors): ` +
      `P(sparse saves more than ${money(result.recommendation.materiality)} over the best alternative) = ${tr.percent(mc.probabilitySparseMaterial)}; ` +
      `headline savings P10 ${money(mc.headlineSavings.p10)}, P50 ${money(mc.headlineSavings.p50)}, P90 ${money(mc.headlineSavings.p90)} (base case ${money(result.options.find((o) => o.id === result.headlineId)!.savings)})`,
    'Tornado (advantage of the best sparse option over the best alternative, at each input’s low and high):',
    table([
      ['input', 'low', 'high', 'advantage at low', 'advantage at high', 'range from'],
      ...result.tornado.map((b) => [b.input, tr.number(b.low), tr.number(b.high), money(b.advantageAtLow), money(b.advantageAtHigh), b.origin]),
    ]),
    'Switching values against the recommended action (others at base):',
    table([
      ['input', 'base', 'switches at'],
      ...result.switchingValues.map((s) => [
        s.input,
        tr.number(s.base),
        s.value === null ? 'no switch in range' : `${tr.number(s.value)} (flips ${s.flipsWhen})${s.beyondPhysicalBound ? ' — beyond the physical bound' : ''}`,
      ]),
    ]),
  ].join('\n');
  return { document: { command: 'roi', scenario: file, benchmark: benchFile ?? null, result, explanation }, text };
}
