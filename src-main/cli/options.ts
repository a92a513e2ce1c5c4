/** Reading CLI options into checked numbers and laws; every problem names the option. */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/input.js';
import { parseQuantity } from '../core/quantity.js';
import { parseCoefficientsDocument } from '../core/law/coefficients-file.js';
import { PRESETS, isPresetId, type Law, type Preset } from '../core/law/presets.js';

export type Values = Record<string, string | boolean | undefined>;

export function parseOptions(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Values {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new InputError('arguments', (error as Error).message);
  }
}

export function requiredString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new InputError(`--${name}`, 'is required');
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

export function integer(values: Values, name: string, fallback: number, min: number): number {
  const text = optionalString(values, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new InputError(`--${name}`, `must be an integer ≥ ${min} (got ${JSON.stringify(text)})`);
  }
  return value;
}

export function readText(field: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(field, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
  if (!isPresetId(family)) throw new InputError('--family', `must be vit or t5 (got ${JSON.stringify(family)})`);
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
