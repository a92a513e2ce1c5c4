/**
 * Pilot runs from a CSV file with header `sparsity,nonzero_params,data,loss` and an optional
 * `label` column, in any order. A bad cell is an error naming its line and column. Cells are
 * decimal numbers only (no hex, binary or Infinity), each column appears once, and the file is
 * bounded in bytes and rows (core/limits.ts), for the CLI and the app alike.
 */
import Papa from 'papaparse';
import type { Run } from './fit.js';
import { InputError } from '../input.js';
import { LIMITS } from '../limits.js';

/** A decimal number as people and spreadsheets write it: 0.5, .5, 1e9, 1.5E+09, -3 (the sign is checked after). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export const RUN_COLUMNS = ['sparsity', 'nonzero_params', 'data', 'loss'] as const;
type RunColumn = (typeof RUN_COLUMNS)[number];

function cellError(line: number, column: string, problem: string): InputError {
  return new InputError(`line ${line}, column ${column}`, problem);
}

function parseCell(raw: string | undefined, line: number, column: RunColumn): number {
  const text = (raw ?? '').trim();
  if (text === '') throw cellError(line, column, 'is empty');
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw cellError(line, column, `expected a decimal number, got ${JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text)}`);
  if (column === 'sparsity') {
    if (value < 0 || value >= 1) throw cellError(line, column, `must be in [0, 1) (got ${value})`);
  } else if (value <= 0) {
    throw cellError(line, column, `must be greater than 0 (got ${value})`);
  }
  return value;
}

export function parseRunsCsv(text: string): Run[] {
  if (text.length > LIMITS.csvBytes.max) {
    throw new InputError('csv', `is larger than ${LIMITS.csvBytes.max.toLocaleString('en-US')} characters; a pilot CSV has one line per training run`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) throw new InputError(`line ${(quoteError.row ?? 0) + 1}`, quoteError.message);
  const rows = parsed.data;
  const headerIndex = rows.findIndex((r) => r.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0) throw new InputError('csv', 'the file is empty');
  const header = rows[headerIndex]!.map((h) => h.trim().toLowerCase());
  const duplicate = header.find((name, i) => name !== '' && header.indexOf(name) !== i);
  if (duplicate !== undefined) throw new InputError(`line ${headerIndex + 1}`, `the column ${JSON.stringify(duplicate)} appears more than once`);
  const position = new Map(header.map((name, i) => [name, i]));
  const missing = RUN_COLUMNS.filter((c) => !position.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `line ${headerIndex + 1}`,
      `header must name the columns ${RUN_COLUMNS.join(',')} (optional: label); missing ${missing.join(', ')}`,
    );
  }
  const labelAt = position.get('label');
  const runs: Run[] = [];
  rows.slice(headerIndex + 1).forEach((cells, i) => {
    const line = headerIndex + i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (runs.length >= LIMITS.csvRows.max) throw new InputError(`line ${line}`, `more than ${LIMITS.csvRows.max.toLocaleString('en-US')} runs; the limit keeps a fit to minutes`);
    if (cells.length !== header.length) {
      throw new InputError(`line ${line}`, `has ${cells.length} cells, the header has ${header.length}`);
    }
    const cell = (column: RunColumn) => parseCell(cells[position.get(column)!], line, column);
    const label = labelAt === undefined ? undefined : cells[labelAt]!.trim();
    runs.push({
      sparsity: cell('sparsity'),
      nonzero: cell('nonzero_params'),
      data: cell('data'),
      loss: cell('loss'),
      label: label || `line ${line}`,
    });
  });
  if (runs.length === 0) throw new InputError('csv', 'has a header but no runs');
  return runs;
}
