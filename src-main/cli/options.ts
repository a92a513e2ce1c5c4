/**
 * Reading CLI options into checked values; every problem names the option as the user typed
 * it. The parser is strict: an option the command does not take, a flag given twice (unless
 * the command declares it repeatable), a value where none belongs or a stray argument is an
 * error, and --help or -h anywhere asks for the command's usage instead of running it.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../core/input.js';
import { LIMITS, type CountLimit } from '../core/limits.js';
import { parseCount, parseQuantity } from '../core/quantity.js';
import { parseCoefficientsDocument } from '../core/law/coefficients-file.js';
import { PRESETS, isPresetId, type Law, type Preset } from '../core/law/presets.js';
import { cliContext } from './cli-context.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The option may be given several times; its value is then the list in order. */
  multiple?: boolean;
}
export type OptionSpecs = Record<string, OptionSpec>;
export type Values = Record<string, string | boolean | string[] | undefined>;

/** --help or -h: runCli prints the usage (this one's, or the command's) and exits 0. */
export class HelpRequest extends Error {
  constructor(readonly usage?: string) {
    super('help requested');
    this.name = 'HelpRequest';
  }
}

/** An argument quoted for an error message, short and on one line. */
export function quoted(text: string): string {
  const json = JSON.stringify(text);
  return json.length > 40 ? `${json.slice(0, 36)}…"` : json;
}

export function parseOptions(argv: string[], options: OptionSpecs): Values {
  if (argv.some((a) => a === '--help' || a === '-h')) throw new HelpRequest();
  const command = cliContext().command;
  const values: Values = {};
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('--') || token === '--') {
      throw new InputError(`argument ${quoted(token)}`, `${command} takes no arguments without an option name; options start with -- (see ${command} --help)`);
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
    const option = `--${name}`;
    const spec = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!spec) throw new InputError(quoted(option).slice(1, -1), `is not an option of ${command} (see ${command} --help)`);
    if (seen.has(name) && !spec.multiple) throw new InputError(option, 'is given more than once; give it once');
    seen.add(name);
    let value: string | boolean;
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new InputError(option, 'is a switch and takes no value');
      value = true;
    } else if (eq >= 0) {
      value = token.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new InputError(option, 'needs a value');
      value = next;
      i++;
    }
    if (spec.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value as string];
    else values[name] = value;
  }
  if (values.json === true) cliContext().json = true;
  return values;
}

export function requiredString(values: Values, name: string): string {
  const value = values[name];
  if (value === undefined) throw new InputError(`--${name}`, 'is required');
  if (typeof value !== 'string' || value === '') throw new InputError(`--${name}`, 'must not be empty');
  return value;
}

export function optionalString(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function quantity(values: Values, name: string): number {
  return parseQuantity(`--${name}`, requiredString(values, name));
}

export function optionalQuantity(values: Values, name: string): number | undefined {
  const value = optionalString(values, name);
  return value === undefined ? undefined : parseQuantity(`--${name}`, value);
}

/**
 * A whole number in decimal digits (see parseCount), or the fallback when the option is absent.
 * `limits` is a minimum or, better, one of the shared LIMITS, so the CLI refuses what IPC refuses.
 */
export function integer(values: Values, name: string, fallback: number, limits: number | CountLimit): number {
  const text = optionalString(values, name);
  if (text === undefined) return fallback;
  const range = typeof limits === 'number' ? { min: limits, max: Number.MAX_SAFE_INTEGER } : limits;
  return parseCount(`--${name}`, text, range);
}

/** Reads a regular file (never a fifo, device or folder, which could block or never end), up to maxBytes. */
export function readText(field: string, file: string, maxBytes: number = LIMITS.documentBytes.max): string {
  if (file === '') throw new InputError(field, 'must name a file');
  if (file.includes('\0')) throw new InputError(field, 'the file name contains a NUL character');
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new InputError(field, `${file} is not a regular file`);
    if (stats.size > maxBytes) throw new InputError(field, `${file} is ${stats.size} bytes; the limit is ${maxBytes}`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(field, code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file}: ${code ?? (error as Error).message}`);
  }
}

export function readJson(field: string, file: string): unknown {
  const text = readText(field, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(field, `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function presetOption(family: string): Preset {
  if (!isPresetId(family)) throw new InputError('--family', `must be vit or t5 (got ${quoted(family)})`);
  return PRESETS[family];
}

/** The law from --family and/or --coefficients; when both are given their data units must agree. */
export function lawFromOptions(values: Values): Law {
  const family = optionalString(values, 'family');
  const preset = family === undefined ? undefined : presetOption(family);
  const file = optionalString(values, 'coefficients');
  if (file === undefined) {
    if (!preset) throw new InputError('--family', 'is required (vit or t5), or give --coefficients FILE');
    return preset;
  }
  const law = parseCoefficientsDocument(readJson('--coefficients', file), file);
  if (preset && preset.dataUnit !== law.dataUnit) {
    throw new InputError(
      '--coefficients',
      `${file} measures data in ${law.dataUnit}, but --family ${preset.id} measures it in ${preset.dataUnit}`,
    );
  }
  return law;
}
