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
