import { InputError, requirePositive, requireSparsity } from '../core/input.js';
import { COEFFICIENT_NAMES, roundedForDisplay, type DataUnit } from '../core/law/coefficients.js';
import { coefficientsDocumentFromFit } from '../core/law/coefficients-file.js';
import { DEFAULT_STARTS, defaultHuberDelta, fitLaw } from '../core/law/fit.js';
import {
  bootstrapFit,
  DEFAULT_MULTIPLIER_SPARSITIES,
  defaultReference,
  type BootstrapResult,
} from '../core/law/bootstrap.js';
import { reasonText, SIZE_EQUIVALENT_THRESHOLDS, validateHeldOut, type HeldOutValidation } from '../core/law/held-out.js';
import { parseRunsCsv } from '../core/law/runs-csv.js';
import { trustReport, type TrustReport } from '../core/law/trust.js';
import { checkBootstrap, checkFitWork, LIMITS } from '../core/limits.js';
import { cleanName } from '../core/text.js';
import { checkOutputTarget, writeOutputFile } from '../io/safe-write.js';
import { fitInputFromLawFit } from '../store/fit-repository.js';
import { num, percent, table } from './format.js';
import { integer, optionalQuantity, optionalString, parseOptions, readText, requiredString } from './options.js';
import { checkDatabaseTarget, withStore } from './store-access.js';
import type { CommandResult } from './command.js';

export const FIT_USAGE =
  'fit --csv FILE [--data-unit tokens|images] [--huber-delta X] [--log-residuals] [--starts K] [--seed S]' +
  ' [--bootstrap B] [--at-sparsity S] [--at-nonzero N] [--at-data D] [--name NAME] [--save FILE] [--save-db PATH] [--json]';

function dataUnitOption(value: string | undefined): DataUnit {
  if (value === undefined) return 'tokens';
  if (value !== 'tokens' && value !== 'images') {
    throw new InputError('--data-unit', `must be tokens or images (got ${JSON.stringify(value)})`);
  }
  return value;
}

const VERDICT_TEXT = { 'extrapolates-well': 'extrapolates well', 'use-with-care': 'use with care', unreliable: 'unreliable' } as const;

function signedPercent(fraction: number, digits = 1): string {
  return `${fraction > 0 ? '+' : fraction < 0 ? '−' : ''}${percent(Math.abs(fraction), digits)}`;
}

export function heldOutText(v: HeldOutValidation): string {
  const t = SIZE_EQUIVALENT_THRESHOLDS;
  const lines = v.checks.map((c) => {
    const what = c.kind === 'largest-size' ? 'largest model size' : 'longest training';
    if (!c.possible) return `  ${what}: not possible — ${reasonText(c.reason)}`;
    const level = c.kind === 'largest-size' ? `${num(c.leftOutLevel)} non-zeros` : `data ${num(c.leftOutLevel)}`;
    return (
      `  ${what} (${level}; ${c.runs.length} runs left out, refit on ${c.fittedRuns}): ` +
      `loss error mean ${percent(c.meanAbsRelativeError, 2)}, worst ${signedPercent(c.worstRelativeError, 2)}; ` +
      `size-equivalent mean ${percent(c.meanAbsSizeError, 1)}, worst ${signedPercent(c.worstSizeError, 1)} → ${VERDICT_TEXT[c.verdict]}`
    );
  });
  return [
    'Held-out validation (left-out runs predicted by a refit on the others, same settings):',
    ...lines,
    `Verdict: ${v.verdict === null ? 'no held-out check was possible' : VERDICT_TEXT[v.verdict]} ` +
      `(mean size-equivalent error: within ±${percent(t.extrapolatesWell, 0)} extrapolates well, ` +
      `±${percent(t.useWithCare, 0)} use with care, beyond unreliable)`,
  ].join('\n');
}

export function trustText(r: TrustReport): string {
  const fmt = (i: { low: number; median: number; high: number }) => `${num(i.median)} [${num(i.low)}, ${num(i.high)}]`;
  const name = (q: TrustReport['quantities'][number]) =>
    q.kind === 'multiplier'
      ? `m(${q.sparsity})`
      : q.kind === 'equal-quality-size'
        ? `equal-quality non-zeros at S=${q.sparsity} (share of dense)`
        : q.kind === 'optimal-sparsity'
          ? 'S_opt at the reference'
          : 'loss at the reference';
  const spread = (q: TrustReport['quantities'][number]) =>
    q.spreadUnit === 'points' ? `±${num(q.spread * 100, 3)} points` : `±${percent(q.spread, 1)}`;
  return [
    `Which numbers to trust (${percent(r.level, 0)} bootstrap intervals; ! = wider than ±${percent(r.threshold, 0)}, ±10 points for S_opt):`,
    ...r.quantities.map((q) => `  ${q.flagged ? '!' : ' '} ${name(q)}: ${fmt(q.interval)} ${spread(q)}`),
    `  coefficients: ${r.coefficients.map((c) => `${c.name} ${c.status}`).join(', ')}`,
    ...(r.unidentifiableButTight
      ? ['  Some coefficients are unidentifiable on their own while m(S) is tight: rely on m(S), S_opt and the sizes, not on single coefficients.']
      : []),
  ].join('\n');
}

function intervalText(b: BootstrapResult, unit: DataUnit): string {
  const fmt = (i: { low: number; median: number; high: number }, digits = 4) =>
    `${num(i.median, digits)}  [${num(i.low, digits)}, ${num(i.high, digits)}]`;
  const level = percent(b.level, 0);
  const ref = b.reference;
  return [
    `Bootstrap: ${b.resamples} resamples (seed ${b.seed}; ${b.failed} without a usable fit), median and ${level} interval`,
    ...COEFFICIENT_NAMES.map((name) => `  ${name.padEnd(3)} ${fmt(b.coefficients[name])}`),
    ...b.multiplier.map((m) => `  m(${m.sparsity}) ${fmt(m.interval)}`),
    `  S_opt at ${num(ref.nonzero)} non-zeros, compute 6·N·${num(ref.data)} ${unit}: ${fmt(b.optimalSparsity, 3)}`,
    `  loss at S=${ref.sparsity}, N=${num(ref.nonzero)}, D=${num(ref.data)} ${unit}: ${fmt(b.loss, 5)}`,
  ].join('\n');
}

/** The CSV reader names the whole file "csv" (the IPC field); on the command line it is --csv. */
function asCsvOption<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InputError && error.field === 'csv') throw new InputError('--csv', error.message.slice('csv: '.length));
    throw error;
  }
}

export function fitCommand(argv: string[]): CommandResult {
  const values = parseOptions(argv, {
    csv: { type: 'string' },
    'data-unit': { type: 'string' },
    'huber-delta': { type: 'string' },
    'log-residuals': { type: 'boolean' },
    starts: { type: 'string' },
    seed: { type: 'string' },
    bootstrap: { type: 'string' },
    'at-sparsity': { type: 'string' },
    'at-nonzero': { type: 'string' },
    'at-data': { type: 'string' },
    name: { type: 'string' },
    save: { type: 'string' },
    'save-db': { type: 'string' },
    json: { type: 'boolean' },
  });
  const csvFile = requiredString(values, 'csv');
  const saveTarget = optionalString(values, 'save');
  if (saveTarget !== undefined) checkOutputTarget('--save', saveTarget);
  if (values['save-db'] !== undefined) checkDatabaseTarget(optionalString(values, 'save-db') ?? '', '--save-db');
  const runs = asCsvOption(() => parseRunsCsv(readText('--csv', csvFile, LIMITS.csvBytes.max)));
  const logResiduals = values['log-residuals'] === true;
  const settings = {
    huberDelta: requirePositive('--huber-delta', optionalQuantity(values, 'huber-delta') ?? defaultHuberDelta(logResiduals)),
    logResiduals,
    starts: integer(values, 'starts', DEFAULT_STARTS, LIMITS.starts),
    seed: integer(values, 'seed', 0, LIMITS.seed),
    dataUnit: dataUnitOption(optionalString(values, 'data-unit')),
  };
  const resamples = checkBootstrap('--bootstrap', integer(values, 'bootstrap', 0, LIMITS.bootstrap));
  // The reference point is checked whether or not it is used, and refused where nothing uses it.
  const at = {
    sparsity: optionalQuantity(values, 'at-sparsity'),
    nonzero: optionalQuantity(values, 'at-nonzero'),
    data: optionalQuantity(values, 'at-data'),
  };
  if (at.sparsity !== undefined) requireSparsity('--at-sparsity', at.sparsity);
  if (at.nonzero !== undefined) requirePositive('--at-nonzero', at.nonzero);
  if (at.data !== undefined) requirePositive('--at-data', at.data);
  const unused = (['sparsity', 'nonzero', 'data'] as const).find((k) => at[k] !== undefined);
  if (resamples === 0 && unused) throw new InputError(`--at-${unused}`, 'sets the bootstrap\'s reference point; it needs --bootstrap N');
  checkFitWork(runs.length, settings.starts, resamples, { starts: '--starts', bootstrap: '--bootstrap', rows: '--csv' });
  const fit = fitLaw(runs, settings);
  const heldOut = validateHeldOut(runs, fit.settings);
  let bootstrap: BootstrapResult | undefined;
  if (resamples > 0) {
    const fallback = defaultReference(runs);
    bootstrap = bootstrapFit(runs, fit, {
      resamples,
      seed: settings.seed,
      level: 0.95,
      multiplierSparsities: DEFAULT_MULTIPLIER_SPARSITIES,
      reference: { sparsity: at.sparsity ?? fallback.sparsity, nonzero: at.nonzero ?? fallback.nonzero, data: at.data ?? fallback.data },
    });
  }
  const name = cleanName(optionalString(values, 'name') ?? `fit of ${csvFile}`) || `fit of ${runs.length} runs`;
  const citation = `fit of ${runs.length} runs from ${csvFile} (sparsity-advisor fit)`;
  const saved = saveTarget;
  if (saved !== undefined) {
    const doc = coefficientsDocumentFromFit(fit, name, citation, bootstrap, heldOut);
    writeOutputFile('--save', saved, `${JSON.stringify(doc, null, 2)}\n`);
  }
  // The database keeps the runs and diagnostics too, so the law can be traced back to its data.
  const database = optionalString(values, 'save-db');
  const stored =
    database === undefined
      ? null
      : { database, id: withStore(database, 'write', (store) => store.fits.save(fitInputFromLawFit(fit, runs, name, citation, csvFile, { bootstrap, validation: heldOut })).id, '--save-db') };

  const trust = bootstrap ? trustReport(fit, bootstrap) : null;
  const d = fit.diagnostics;
  const rounded = roundedForDisplay(fit.coefficients);
  const worst = [...d.runs].sort((a, b) => Math.abs(b.relativeError) - Math.abs(a.relativeError)).slice(0, 5);
  const text = [
    `Fit of ${runs.length} runs from ${csvFile} (data in ${fit.dataUnit})`,
    `Objective: mean Huber loss ${num(fit.objective, 7)} (δ = ${settings.huberDelta}, ${logResiduals ? 'log' : 'linear'} residuals)`,
    `Search: ${fit.search.starts} starts (seed ${settings.seed}), ${fit.search.usable} usable, ` +
      `${fit.search.withinOnePercent} within 1 % of the best` +
      (fit.search.withinOnePercent < fit.search.usable / 2 ? ' — the surface is rugged; coefficients may be unstable' : ''),
    '',
    table([
      ['coefficient', 'value', 'rounded'],
      ...COEFFICIENT_NAMES.map((k) => [k, String(fit.coefficients[k]), num(rounded[k])]),
    ]),
    '',
    `RMSE ${num(d.rmse)}; max relative error ${percent(d.maxRelativeError, 2)}`,
    `Fitted range: sparsity ${d.ranges.sparsity.min}–${d.ranges.sparsity.max}, ` +
      `non-zeros ${num(d.ranges.nonzero.min)}–${num(d.ranges.nonzero.max)}, ` +
      `data ${num(d.ranges.data.min)}–${num(d.ranges.data.max)} ${fit.dataUnit}`,
    'Largest errors:',
    table([
      ['run', 'S', 'non-zeros', 'data', 'measured', 'predicted', 'error'],
      ...worst.map((r) => [r.label, String(r.sparsity), num(r.nonzero), num(r.data), num(r.measured, 5), num(r.predicted, 5), percent(r.relativeError, 2)]),
    ]),
    '',
    heldOutText(heldOut),
    ...(bootstrap && trust ? ['', intervalText(bootstrap, fit.dataUnit), '', trustText(trust)] : []),
    ...(saved !== undefined ? ['', `Coefficients saved to ${saved}`] : []),
    ...(stored !== null ? [...(saved === undefined ? [''] : []), `Fit stored in ${stored.database} as ${stored.id}`] : []),
  ].join('\n');
  return {
    document: { command: 'fit', source: csvFile, fit, heldOut, bootstrap: bootstrap ?? null, trust, saved: saved ?? null, stored },
    text,
  };
}
