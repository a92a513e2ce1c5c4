import { expect } from 'vitest';
import { InputError } from '../../src-main/core/input.js';

/** Runs work that must fail with an InputError and returns the field the error names. */
export function fieldOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).field;
  }
  throw new Error('expected an InputError');
}
