/**
 * Custom laws: the coefficients document a fit produced, kept with the runs it was fitted on
 * and its diagnostics, so a law in a memo can always be traced back to its data.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { InputError } from '../core/input.js';
import {
  COEFFICIENTS_VERSION,
  coefficientsDocumentFromFit,
  coefficientsDocumentSchema,
  type CoefficientsDocument,
} from '../core/law/coefficients-file.js';
import type { BootstrapResult } from '../core/law/bootstrap.js';
import type { FitDiagnostics, LawFit, Run } from '../core/law/fit.js';
import type { HeldOutValidation } from '../core/law/held-out.js';
import { parseDocument } from '../core/schema.js';
import { fitDiagnosticsSchema, runsSchema } from './record-schemas.js';
import { parseStored } from './stored-json.js';
import { cleanName } from '../core/text.js';

export interface FitInput {
  /** A coefficients document (what `fit --save` writes). */
  document: unknown;
  /** The runs the law was fitted on; empty when only the coefficients are known. */
  runs?: unknown;
  diagnostics?: unknown;
  /** Where the fit came from, e.g. the CSV file, for people reading the list. */
  source?: string | null;
}

export interface FitRecord {
  id: string;
  name: string;
  dataUnit: 'images' | 'tokens';
  source: string | null;
  createdAt: string;
  document: CoefficientsDocument;
  runs: Run[];
  diagnostics: FitDiagnostics | null;
}

export type FitSummary = Omit<FitRecord, 'document' | 'runs' | 'diagnostics'> & { runCount: number };

export interface FitRepository {
  save(input: FitInput): FitRecord;
  get(id: string): FitRecord;
  list(): FitSummary[];
}

interface FitRow {
  id: string;
  name: string;
  data_unit: 'images' | 'tokens';
  source: string | null;
  created_at: string;
  document: string;
  runs: string;
  diagnostics: string | null;
}

export interface ValidatedFit {
  document: CoefficientsDocument;
  runs: Run[];
  diagnostics: FitDiagnostics | null;
}

/** Checks a fit's three parts, and that they describe the same fit, before anything is written. */
export function validateFit(input: FitInput, root = 'fit'): ValidatedFit {
  const raw = input.document;
  // The name is cleaned as scenario names are (core/text.ts): no control or bidirectional characters.
  const named =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) && typeof (raw as { name?: unknown }).name === 'string'
      ? { ...raw, name: cleanName((raw as { name: string }).name) }
      : raw;
  const document = parseDocument(coefficientsDocumentSchema, named, root);
  const runs = parseDocument(runsSchema, input.runs ?? [], `${root}.runs`);
  const diagnostics =
    input.diagnostics === undefined || input.diagnostics === null
      ? null
      : parseDocument(fitDiagnosticsSchema, input.diagnostics, `${root}.diagnostics`);
  if (runs.length > 0 && document.fit && document.fit.runs !== runs.length) {
    throw new InputError(`${root}.runs`, `lists ${runs.length} runs, but the fit says it used ${document.fit.runs}`);
  }
  if (diagnostics && runs.length > 0 && diagnostics.runs.length !== runs.length) {
    throw new InputError(`${root}.diagnostics.runs`, `has ${diagnostics.runs.length} rows for ${runs.length} runs`);
  }
  return { document, runs, diagnostics };
}

function recordFrom(row: FitRow): FitRecord {
  const root = `fit ${row.id}`;
  return {
    id: row.id,
    name: row.name,
    dataUnit: row.data_unit,
    source: row.source,
    createdAt: row.created_at,
    document: parseDocument(coefficientsDocumentSchema, parseStored(row.document, root), root),
    runs: parseDocument(runsSchema, parseStored(row.runs, `${root}.runs`), `${root}.runs`),
    diagnostics:
      row.diagnostics === null ? null : parseDocument(fitDiagnosticsSchema, parseStored(row.diagnostics, `${root}.diagnostics`), `${root}.diagnostics`),
  };
}

export function createFitRepository(db: Database.Database, now: () => Date): FitRepository {
  const insert = db.prepare<[string, string, string, number, string, string, string | null, string | null, string]>(
    `INSERT INTO fits (id, name, data_unit, format_version, document, runs, diagnostics, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], FitRow>('SELECT * FROM fits WHERE id = ?');
  const all = db.prepare<[], Omit<FitRow, 'document' | 'runs' | 'diagnostics'> & { run_count: number }>(
    `SELECT id, name, data_unit, source, created_at, json_array_length(runs) AS run_count
     FROM fits ORDER BY created_at DESC, id`,
  );
  const write = db.transaction((fit: ValidatedFit, source: string | null) => {
    const id = randomUUID();
    insert.run(
      id,
      fit.document.name,
      fit.document.dataUnit,
      COEFFICIENTS_VERSION,
      JSON.stringify(fit.document),
      JSON.stringify(fit.runs),
      fit.diagnostics === null ? null : JSON.stringify(fit.diagnostics),
      source,
      now().toISOString(),
    );
    return id;
  });

  function get(id: string): FitRecord {
    const row = byId.get(id);
    if (!row) throw new InputError('fitId', `no fit with id ${JSON.stringify(id)}`);
    return recordFrom(row);
  }

  return {
    save(input) {
      return get(write.immediate(validateFit(input), input.source ?? null));
    },
    get,
    list: () =>
      all.all().map((r) => ({ id: r.id, name: r.name, dataUnit: r.data_unit, source: r.source, createdAt: r.created_at, runCount: r.run_count })),
  };
}

/**
 * What `fit --save-db` stores: the coefficients document (with the held-out block and the
 * bootstrap's spread and vectors when given), the runs and the fit's diagnostics.
 */
export function fitInputFromLawFit(
  fit: LawFit,
  runs: readonly Run[],
  name: string,
  citation: string,
  source: string | null,
  extras: { bootstrap?: BootstrapResult; validation?: HeldOutValidation } = {},
): FitInput {
  return {
    document: coefficientsDocumentFromFit(fit, name, citation, extras.bootstrap, extras.validation),
    runs: [...runs],
    diagnostics: fit.diagnostics,
    source,
  };
}
