/**
 * sparsity-advisor memo: the whole job end to end without a display. Reads a scenario (and a
 * hardware-check result), evaluates it and writes the PDF decision memo.
 */
import { shippedBenchmark, SOURCE_RESOURCES } from '../io/examples.js';
import { createRequire } from 'node:module';
import { isLanguage } from '../core/i18n/index.js';
import { InputError } from '../core/input.js';
import { readScenario } from '../core/roi/scenario-migrate.js';
import { LIMITS } from '../core/limits.js';
import type { CommandResult } from './command.js';
import { integer, optionalString, parseOptions, readJson, requiredString } from './options.js';
import { readBenchmark } from './roi-command.js';

export const MEMO_USAGE = 'memo --scenario FILE [--bench FILE] [--lang en|ja] --out FILE.pdf [--force] [--date YYYY-MM-DD] [--seed N] [--json]';

/** The version printed in the memo: the package's own. */
export function appVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

export async function memoCommand(argv: string[]): Promise<CommandResult> {
  // pdfkit, ECharts and the fonts load only when a memo is asked for, not for every command.
  const { parseMemoDate, today } = await import('../memo/generate-memo.js');
  const { MemoExistsError, writeMemo } = await import('../memo/write-memo.js');
  const values = parseOptions(argv, {
    scenario: { type: 'string' },
    bench: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    date: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  const file = requiredString(values, 'scenario');
  const out = requiredString(values, 'out');
  const scenario = readScenario(readJson('--scenario', file), file);
  if (optionalString(values, 'seed') !== undefined) scenario.uncertainty.seed = integer(values, 'seed', 0, LIMITS.seed);
  const language = optionalString(values, 'lang') ?? 'en';
  if (!isLanguage(language)) throw new InputError('--lang', `must be en or ja (got ${JSON.stringify(language)})`);
  const date = optionalString(values, 'date') ?? today();
  parseMemoDate('--date', date);
  const benchFile = optionalString(values, 'bench');
  // Without --bench, a scenario that cites a shipped hardware check (a worked example) uses it.
  const benchmark = benchFile === undefined ? shippedBenchmark(SOURCE_RESOURCES, scenario) : readBenchmark(benchFile);

  let written;
  try {
    written = writeMemo(out, { scenario, benchmark, language, date, appVersion: appVersion() }, { overwrite: values.force === true, field: '--out' });
  } catch (error) {
    if (error instanceof MemoExistsError) throw new InputError('--out', `${error.path} already exists; add --force to overwrite it`);
    throw error;
  }
  const text = `Wrote ${written.path}: ${written.pages} pages, ${Math.round(written.bytes / 1024)} KiB, content hash ${written.contentHash.slice(0, 12)}`;
  return { document: { command: 'memo', scenario: file, benchmark: benchFile ?? null, language, date, ...written }, text };
}
