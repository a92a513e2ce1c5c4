/** Reading a stored JSON column back: a row that no longer parses is reported by name, never as a bare SyntaxError. */
import { DamagedRecordError } from './store-errors.js';

export function parseStored(text: string, record: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DamagedRecordError(record, error);
  }
}
