/**
 * The one way the app writes an output file (memo, coefficients, exports, benchmark results).
 * Only a missing name or a regular file is ever replaced: a folder, device, fifo, socket or
 * symbolic link (dangling or not) at the target is refused and left alone. The bytes go to a
 * temporary file with an unguessable name, created exclusively in the same folder, are flushed
 * to disk and renamed into place, so a crash never leaves half a file and a planted link is
 * never followed. Failures name the option: InputError for a target the user must change (exit
 * 2), EnvironmentError for a full or read-only disk (exit 3).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../core/errors.js';
import { InputError } from '../core/input.js';

export interface OutputOptions {
  /** Replace an existing regular file (default true; the memo asks for --force). */
  overwrite?: boolean;
}

/** Refusing to replace an existing file; the message names it and the option. */
export class OutputExistsError extends InputError {
  constructor(field: string, readonly path: string) {
    super(field, `${path} already exists: refusing to overwrite it`);
    this.name = 'OutputExistsError';
  }
}

/** Longest file name most file systems take, in bytes. */
const MAX_NAME_BYTES = 255;
const ENVIRONMENT_CODES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  ENFILE: 'the system has too many open files',
  EMFILE: 'too many open files',
};
const USAGE_CODES: Record<string, string> = {
  EACCES: 'no permission to write there',
  EPERM: 'the folder or file may not be changed (permissions or an immutable flag)',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'something else appeared at that name',
  ELOOP: 'too many symbolic links in the path',
};

function kindOf(stats: Stats): string | null {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a fifo (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return stats.isFile() ? null : 'not a regular file';
}

/** Maps a system error while writing `file` to an error naming the option. */
export function outputError(field: string, file: string, error: unknown): Error {
  if (error instanceof InputError || error instanceof EnvironmentError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (USAGE_CODES[code]) return new InputError(field, `cannot write ${file}: ${USAGE_CODES[code]} (${code})`);
  const problem = ENVIRONMENT_CODES[code] ?? `${code || (error as Error).message}`;
  return new EnvironmentError(field, `cannot write ${file}: ${problem}${ENVIRONMENT_CODES[code] ? ` (${code})` : ''}`, { cause: error });
}

/** Checks a target before any work is done: the name, its folder, and what is there now. */
export function checkOutputTarget(field: string, file: string, options: OutputOptions = {}): string {
  if (file === '') throw new InputError(field, 'must name a file');
  if (file.includes('\0')) throw new InputError(field, 'the file name contains a NUL character');
  if (/[\\/]$/.test(file)) throw new InputError(field, `${file} names a folder; give a file name`);
  const target = path.resolve(file);
  if (Buffer.byteLength(path.basename(target)) > MAX_NAME_BYTES) {
    throw new InputError(field, `the file name is longer than ${MAX_NAME_BYTES} bytes`);
  }
  const folder = path.dirname(target);
  let folderStats: Stats;
  try {
    folderStats = statSync(folder);
  } catch (error) {
    throw outputError(field, file, error);
  }
  if (!folderStats.isDirectory()) throw new InputError(field, `${folder} is not a folder`);
  let existing: Stats | null = null;
  try {
    existing = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw outputError(field, file, error);
  }
  if (existing) {
    const kind = kindOf(existing);
    if (kind) throw new InputError(field, `${file} is ${kind}; refusing to write there (give a new file name)`);
    if (options.overwrite === false) throw new OutputExistsError(field, target);
  }
  return target;
}

function temporaryName(target: string): string {
  // Short enough to stay under the name limit however long the target's name is.
  const base = path.basename(target).slice(0, 64);
  return path.join(path.dirname(target), `.${base}.${randomBytes(9).toString('hex')}.tmp`);
}

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not every platform can fsync a folder (Windows); the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `content` to `file` safely (see the module comment). Returns the absolute path written. */
export function writeOutputFile(field: string, file: string, content: string | Uint8Array, options: OutputOptions = {}): string {
  const target = checkOutputTarget(field, file, options);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temporary = temporaryName(target);
  let fd: number | undefined;
  let created = false;
  try {
    // 'wx' is O_CREAT | O_EXCL: it never opens an existing file and never follows a link.
    fd = openSync(temporary, 'wx', 0o666);
    created = true;
    for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // Look again right before the rename: the target may have changed while the bytes were written.
    checkOutputTarget(field, file, options);
    renameSync(temporary, target);
    created = false;
  } catch (error) {
    throw outputError(field, file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (created) {
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone, or the disk refuses even that; nothing under the real name was touched.
      }
    }
  }
  syncFolder(path.dirname(target));
  return target;
}
