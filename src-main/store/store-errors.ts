/**
 * Errors about the database file itself, as opposed to the documents in it (those are
 * InputErrors naming the field). Each message says what happened to the file, because the
 * person reading it needs to know whether their data was touched.
 */

/** The file was written by a newer app: refused, and left exactly as it was. */
export class FutureSchemaError extends Error {
  readonly file: string;
  readonly fileVersion: number;
  readonly knownVersion: number;
  constructor(file: string, fileVersion: number, knownVersion: number) {
    super(
      `${file} was written by a newer version of Sparsity Advisor (database schema ${fileVersion}; ` +
        `this version knows schema ${knownVersion} and older). Update the app or use another database file; ` +
        'the file was not changed.',
    );
    this.name = 'FutureSchemaError';
    this.file = file;
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

/** A migration step failed; its transaction was rolled back, so the file keeps its old schema. */
export class MigrationError extends Error {
  readonly file: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  constructor(file: string, fromVersion: number, toVersion: number, cause: unknown) {
    super(
      `could not upgrade ${file} from database schema ${fromVersion} to ${toVersion}: ` +
        `${(cause as Error).message}; the upgrade was rolled back and the file keeps schema ${fromVersion}`,
      { cause },
    );
    this.name = 'MigrationError';
    this.file = file;
    this.fromVersion = fromVersion;
    this.toVersion = toVersion;
  }
}

/**
 * The file could not be opened for a reason that is not damage (permissions, a lock held too
 * long, a full disk). Nothing is moved aside for these: the file may be perfectly healthy.
 */
export class StoreOpenError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(`cannot open ${file}: ${(cause as Error).message}`, { cause });
    this.name = 'StoreOpenError';
    this.file = file;
  }
}

/**
 * The path does not hold this app's database: a folder, device, fifo, link, an empty or
 * non-SQLite file, or another application's SQLite database. It is never moved aside or
 * changed; the user picks another path.
 */
export class NotOurDatabaseError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`${file} is not a Sparsity Advisor database (${reason}); it was left untouched. Give the path of the app's database, or a new file name`);
    this.name = 'NotOurDatabaseError';
    this.file = file;
  }
}

/** A new database was asked for in a folder that does not exist; folders are not made up from typos. */
export class MissingFolderError extends Error {
  readonly file: string;
  constructor(file: string, folder: string) {
    super(`the folder ${folder} does not exist; create it first, or check the path (nothing was created)`);
    this.name = 'MissingFolderError';
    this.file = file;
  }
}

/** A record whose stored JSON cannot be read back; the message names the record. */
export class DamagedRecordError extends Error {
  readonly record: string;
  constructor(record: string, cause: unknown) {
    super(
      `${record} is damaged in the database (its stored document cannot be read back as JSON); ` +
        'the other records are fine. Use another revision, or restore the backup beside the database',
      { cause },
    );
    this.name = 'DamagedRecordError';
    this.record = record;
  }
}

/** The SQLite or system error code behind an error, looking through StoreOpenError's cause. */
export function storeErrorCode(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}
