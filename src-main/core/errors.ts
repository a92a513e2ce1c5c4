/**
 * The kinds of failure the CLI and the IPC answers tell apart. An InputError is the user's to
 * fix (CLI exit 2); an EnvironmentError is the machine's (a full or read-only disk, a database
 * locked by another writer: exit 3); a cancelled job is neither. Anything else is a failure.
 */
import { InputError } from './input.js';

export class EnvironmentError extends Error {
  /** The option or field whose file or database the failure concerns, e.g. "--out" or "--db". */
  readonly field: string;
  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`${field}: ${problem}`, options);
    this.name = 'EnvironmentError';
    this.field = field;
  }
}

export class CancelledError extends Error {
  constructor(what: string) {
    super(`${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

export type ErrorKind = 'input' | 'environment' | 'cancelled' | 'failure';

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof InputError) return 'input';
  if (error instanceof EnvironmentError) return 'environment';
  if (error instanceof CancelledError) return 'cancelled';
  return 'failure';
}

/** The option or field an error names, when it names one. */
export function errorField(error: unknown): string | undefined {
  return error instanceof InputError || error instanceof EnvironmentError ? error.field : undefined;
}
