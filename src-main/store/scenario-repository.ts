/**
 * Scenarios with revisions. A scenario is an id plus an append-only list of revisions, each a
 * full validated scenario document; an edit, a rename or an import into an existing scenario
 * adds a revision, so no previous version is ever overwritten. Archiving hides a scenario from
 * the list without touching its revisions.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { InputError } from '../core/input.js';
import { SCENARIO_VERSION, type Scenario } from '../core/roi/scenario.js';
import { readScenario } from '../core/roi/scenario-migrate.js';
import { LIMITS } from '../core/limits.js';
import { cleanName } from '../core/text.js';
import { parseStored } from './stored-json.js';

export interface ScenarioRevision {
  id: string;
  revision: number;
  name: string;
  note: string | null;
  /** When this revision was saved (ISO 8601). */
  createdAt: string;
  archivedAt: string | null;
  document: Scenario;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  latestRevision: number;
  /** When the scenario's first revision was saved. */
  createdAt: string;
  /** When its latest revision was saved. */
  updatedAt: string;
  archivedAt: string | null;
  copiedFrom: { id: string; revision: number } | null;
}

export interface RevisionSummary {
  revision: number;
  name: string;
  note: string | null;
  createdAt: string;
}

export interface SaveOptions {
  note?: string;
  /**
   * The revision the edit was based on. When another window or the CLI saved in between, the
   * save is refused instead of silently becoming the latest over someone else's change.
   */
  expectedRevision?: number;
}

export interface ScenarioRepository {
  create(document: unknown, options?: { note?: string }): ScenarioRevision;
  saveRevision(id: string, document: unknown, options?: SaveOptions): ScenarioRevision;
  get(id: string, revision?: number): ScenarioRevision;
  revisions(id: string): RevisionSummary[];
  list(options?: { includeArchived?: boolean }): ScenarioSummary[];
  rename(id: string, name: string, options?: SaveOptions): ScenarioRevision;
  duplicate(id: string, options?: { revision?: number; name?: string }): ScenarioRevision;
  archive(id: string): ScenarioSummary;
  unarchive(id: string): ScenarioSummary;
  /** An exact id, or a unique prefix of at least 4 characters (what the CLI shows). */
  resolveId(idOrPrefix: string): string;
}

interface RevisionRow {
  scenario_id: string;
  revision: number;
  name: string;
  note: string | null;
  created_at: string;
  archived_at: string | null;
  document: string;
}

interface SummaryRow {
  id: string;
  name: string;
  revision: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  copied_from_id: string | null;
  copied_from_revision: number | null;
}

const MIN_PREFIX = 4;

/** A name as stored: control characters, bidirectional overrides and lone surrogates removed (core/text.ts). */
function storedName(field: string, name: string): string {
  const clean = cleanName(name);
  if (clean === '') throw new InputError(field, 'must not be empty (control and formatting characters are removed)');
  if (clean.length > LIMITS.nameLength.max) throw new InputError(field, `must be at most ${LIMITS.nameLength.max} characters (got ${clean.length})`);
  return clean;
}

/** A scenario document with its name cleaned the same way, before the schema checks it. */
function withStoredName(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' ? { ...value, name: storedName('scenario.name', name) } : value;
}

const SUMMARY_SELECT = `
  SELECT s.id, r.name, r.revision, s.archived_at, s.copied_from_id, s.copied_from_revision,
         r.created_at AS updated_at,
         (SELECT created_at FROM scenario_revisions WHERE scenario_id = s.id AND revision = 1) AS created_at
  FROM scenarios s
  JOIN scenario_revisions r
    ON r.scenario_id = s.id
   AND r.revision = (SELECT max(revision) FROM scenario_revisions WHERE scenario_id = s.id)`;

function summaryFrom(row: SummaryRow): ScenarioSummary {
  return {
    id: row.id,
    name: row.name,
    latestRevision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    copiedFrom:
      row.copied_from_id === null ? null : { id: row.copied_from_id, revision: row.copied_from_revision ?? 1 },
  };
}

export function createScenarioRepository(db: Database.Database, now: () => Date): ScenarioRepository {
  const statements = {
    insertScenario: db.prepare<[string, string, string | null, number | null]>(
      'INSERT INTO scenarios (id, created_at, copied_from_id, copied_from_revision) VALUES (?, ?, ?, ?)',
    ),
    insertRevision: db.prepare<[string, number, string, number, string, string | null, string]>(
      `INSERT INTO scenario_revisions (scenario_id, revision, name, format_version, document, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    latestRevision: db.prepare<[string], { latest: number | null }>(
      'SELECT max(revision) AS latest FROM scenario_revisions WHERE scenario_id = ?',
    ),
    revision: db.prepare<[string, number], RevisionRow>(
      `SELECT r.scenario_id, r.revision, r.name, r.note, r.created_at, r.document, s.archived_at
       FROM scenario_revisions r JOIN scenarios s ON s.id = r.scenario_id
       WHERE r.scenario_id = ? AND r.revision = ?`,
    ),
    revisions: db.prepare<[string], RevisionSummary>(
      `SELECT revision, name, note, created_at AS createdAt FROM scenario_revisions
       WHERE scenario_id = ? ORDER BY revision`,
    ),
    summary: db.prepare<[string], SummaryRow>(`${SUMMARY_SELECT} WHERE s.id = ?`),
    list: db.prepare<[number], SummaryRow>(
      `${SUMMARY_SELECT} WHERE ? OR s.archived_at IS NULL ORDER BY r.created_at DESC, r.name, s.id`,
    ),
    setArchived: db.prepare<[string | null, string]>('UPDATE scenarios SET archived_at = ? WHERE id = ?'),
    exact: db.prepare<[string], { id: string }>('SELECT id FROM scenarios WHERE id = ?'),
    prefix: db.prepare<[{ prefix: string }], { id: string }>(
      'SELECT id FROM scenarios WHERE substr(id, 1, length(@prefix)) = @prefix ORDER BY id LIMIT 2',
    ),
  };

  function latestOf(id: string): number {
    const latest = statements.latestRevision.get(id)?.latest ?? null;
    if (latest === null) throw new InputError('scenarioId', `no scenario with id ${JSON.stringify(id)}`);
    return latest;
  }

  function read(id: string, revision?: number): ScenarioRevision {
    const wanted = revision ?? latestOf(id);
    const row = statements.revision.get(id, wanted);
    if (!row) {
      latestOf(id); // names the scenario when it is the id that is unknown
      throw new InputError('revision', `scenario ${id} has no revision ${wanted}`);
    }
    return {
      id: row.scenario_id,
      revision: row.revision,
      name: row.name,
      note: row.note,
      createdAt: row.created_at,
      archivedAt: row.archived_at,
      // Re-validated on the way out: a row that no longer fits the schema is reported by field.
      document: readScenario(parseStored(row.document, `scenario ${id} revision ${row.revision}`), `scenario ${id} revision ${row.revision}`),
    };
  }

  function insertRevision(id: string, revision: number, document: Scenario, note: string | null): void {
    statements.insertRevision.run(id, revision, document.name, SCENARIO_VERSION, JSON.stringify(document), note, now().toISOString());
  }

  function checkExpected(id: string, latest: number, expected: number | undefined): void {
    if (expected !== undefined && expected !== latest) {
      throw new InputError(
        'expectedRevision',
        `scenario ${id} is at revision ${latest}, not ${expected}: it was changed elsewhere; reload it before saving`,
      );
    }
  }

  function summary(id: string): ScenarioSummary {
    const row = statements.summary.get(id);
    if (!row) throw new InputError('scenarioId', `no scenario with id ${JSON.stringify(id)}`);
    return summaryFrom(row);
  }

  const create = db.transaction((document: Scenario, note: string | null, copiedFrom: { id: string; revision: number } | null) => {
    const id = randomUUID();
    statements.insertScenario.run(id, now().toISOString(), copiedFrom?.id ?? null, copiedFrom?.revision ?? null);
    insertRevision(id, 1, document, note);
    return id;
  });

  const append = db.transaction((id: string, document: Scenario, options: SaveOptions) => {
    const latest = latestOf(id);
    checkExpected(id, latest, options.expectedRevision);
    insertRevision(id, latest + 1, document, options.note ?? null);
    return latest + 1;
  });

  const rename = db.transaction((id: string, name: string, options: SaveOptions) => {
    const current = read(id);
    checkExpected(id, current.revision, options.expectedRevision);
    const document = readScenario({ ...current.document, name: storedName('scenario.name', name) }, 'scenario');
    insertRevision(id, current.revision + 1, document, options.note ?? `renamed from ${current.name}`);
    return current.revision + 1;
  });

  const duplicate = db.transaction((id: string, options: { revision?: number; name?: string }) => {
    const source = read(id, options.revision);
    const document = readScenario({ ...source.document, name: options.name === undefined ? storedName('scenario.name', `${source.name.slice(0, LIMITS.nameLength.max - 7)} (copy)`) : storedName('scenario.name', options.name) }, 'scenario');
    return create(document, `copy of ${source.name}, revision ${source.revision}`, {
      id: source.id,
      revision: source.revision,
    });
  });

  const setArchived = db.transaction((id: string, archived: boolean) => {
    const current = summary(id);
    // Archiving twice keeps the first time: it is when the scenario was put away.
    if (archived !== (current.archivedAt !== null)) statements.setArchived.run(archived ? now().toISOString() : null, id);
    return summary(id);
  });

  return {
    create(value, options = {}) {
      const document = readScenario(withStoredName(value), 'scenario');
      return read(create.immediate(document, options.note ?? null, null), 1);
    },
    saveRevision(id, value, options = {}) {
      const document = readScenario(withStoredName(value), 'scenario');
      return read(id, append.immediate(id, document, options));
    },
    get: read,
    revisions(id) {
      latestOf(id);
      return statements.revisions.all(id);
    },
    list(options = {}) {
      return statements.list.all(options.includeArchived ? 1 : 0).map(summaryFrom);
    },
    rename(id, name, options = {}) {
      return read(id, rename.immediate(id, name, options));
    },
    duplicate(id, options = {}) {
      return read(duplicate.immediate(id, options), 1);
    },
    archive: (id) => setArchived.immediate(id, true),
    unarchive: (id) => setArchived.immediate(id, false),
    resolveId(idOrPrefix) {
      if (statements.exact.get(idOrPrefix)) return idOrPrefix;
      if (idOrPrefix.length < MIN_PREFIX) {
        throw new InputError('scenarioId', `no scenario with id ${JSON.stringify(idOrPrefix)} (a prefix needs at least ${MIN_PREFIX} characters)`);
      }
      const matches = statements.prefix.all({ prefix: idOrPrefix });
      if (matches.length === 0) throw new InputError('scenarioId', `no scenario with id ${JSON.stringify(idOrPrefix)}`);
      if (matches.length > 1) throw new InputError('scenarioId', `${JSON.stringify(idOrPrefix)} matches several scenarios; give more of the id`);
      return matches[0]!.id;
    },
  };
}
