/**
 * Export and import of hardware-check results: one JSON document per file, so a run made on the
 * deployment machine can be carried to the laptop where the decision is taken. Importing
 * validates the whole document; an error names the file and the first bad field.
 */
import { readFileSync } from 'node:fs';
import { benchmarkResultSchema, type BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { parseBenchmarkResult } from '../core/hardware/benchmark-versions.js';
import { InputError } from '../core/input.js';
import { parseDocument } from '../core/schema.js';
import { writeOutputFile } from '../io/safe-write.js';

/** Writes the document (validated first, so no invalid file is ever produced). `field` names the setting in errors. */
export function writeBenchmarkFile(field: string, file: string, document: BenchmarkResult): void {
  const valid = parseDocument(benchmarkResultSchema, document, 'benchmark');
  writeOutputFile(field, file, `${JSON.stringify(valid, null, 2)}\n`);
}

/**
 * Reads and validates a result file of any format version (v1 is migrated); errors name the file
 * and, for bad content, the field (e.g. "….table.3.speedup.low").
 */
export function readBenchmarkFile(file: string): BenchmarkResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, `not valid JSON: ${(error as Error).message}`);
  }
  return parseBenchmarkResult(value, file);
}
