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
import { parseRunsCsv } from '../core/law/runs-csv.js';
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
    const doc = coefficientsDocumentFromFit(fit, name, citation, bootstrap);
    writeOutputFile('--save', saved, `${JSON.stringify(doc, null, 2)}\n`);
  }
  // The database keeps the runs and diagnostics too, so the law can be traced back to its data.
  const database = optionalString(values, 'save-db');
  const stored =
    database === undefined
      ? null
      : { database, id: withStore(database, 'write', (store) => store.fits.save(fitInputFromLawFit(fit, runs, name, citation, csvFile)).id, '--save-db') };

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
    ...(bootstrap ? ['', intervalText(bootstrap, fit.dataUnit)] : []),
    ...(saved !== undefined ? ['', `Coefficients saved to ${saved}`] : []),
    ...(stored !== null ? [...(saved === undefined ? [''] : []), `Fit stored in ${stored.database} as ${stored.id}`] : []),
  ].join('\n');
  return { document: { command: 'fit', source: csvFile, fit, bootstrap: bootstrap ?? null, saved: saved ?? null, stored }, text };
}
