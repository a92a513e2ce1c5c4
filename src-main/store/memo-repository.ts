/**
 * Memos: which PDF was written, its content hash (so a copy can be recognised as unaltered),
 * its language, and the scenario revision and app version that produced it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { InputError } from '../core/input.js';
import { parseDocument } from '../core/schema.js';
import { memoInputSchema, type MemoInput } from './record-schemas.js';

export interface MemoRecord extends MemoInput {
  id: string;
  createdAt: string;
}

export interface MemoRepository {
  record(input: unknown): MemoRecord;
  get(id: string): MemoRecord;
  list(options?: { scenarioId?: string }): MemoRecord[];
}

const COLUMNS = `id, file_path AS filePath, sha256, language, scenario_id AS scenarioId,
  scenario_revision AS scenarioRevision, app_version AS appVersion, created_at AS createdAt`;

export function createMemoRepository(db: Database.Database, now: () => Date): MemoRepository {
  const insert = db.prepare<[string, string, string, string, string, number, string, string]>(
    `INSERT INTO memos (id, file_path, sha256, language, scenario_id, scenario_revision, app_version, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const revisionExists = db.prepare<[string, number], { found: number }>(
    'SELECT 1 AS found FROM scenario_revisions WHERE scenario_id = ? AND revision = ?',
  );
  const byId = db.prepare<[string], MemoRecord>(`SELECT ${COLUMNS} FROM memos WHERE id = ?`);
  const all = db.prepare<[], MemoRecord>(`SELECT ${COLUMNS} FROM memos ORDER BY created_at DESC, id`);
  const byScenario = db.prepare<[string], MemoRecord>(
    `SELECT ${COLUMNS} FROM memos WHERE scenario_id = ? ORDER BY created_at DESC, id`,
  );

  const write = db.transaction((memo: MemoInput) => {
    // Checked here rather than left to the foreign key, so the error names the field.
    if (!revisionExists.get(memo.scenarioId, memo.scenarioRevision)) {
      throw new InputError('memo.scenarioRevision', `scenario ${memo.scenarioId} has no revision ${memo.scenarioRevision}`);
    }
    const id = randomUUID();
    insert.run(id, memo.filePath, memo.sha256, memo.language, memo.scenarioId, memo.scenarioRevision, memo.appVersion, now().toISOString());
    return id;
  });

  function get(id: string): MemoRecord {
    const row = byId.get(id);
    if (!row) throw new InputError('memoId', `no memo with id ${JSON.stringify(id)}`);
    return row;
  }

  return {
    record: (input) => get(write.immediate(parseDocument(memoInputSchema, input, 'memo'))),
    get,
    list: (options = {}) => (options.scenarioId === undefined ? all.all() : byScenario.all(options.scenarioId)),
  };
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Records a memo the app has just written, hashing the file as it is on disk now. */
export function recordMemoFile(
  memos: MemoRepository,
  memo: Omit<MemoInput, 'sha256'>,
): MemoRecord {
  return memos.record({ ...memo, sha256: sha256OfFile(memo.filePath) });
}
