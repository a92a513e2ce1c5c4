/**
 * The memo's content hash: SHA-256 over the canonical JSON of what determines its content
 * (scenario, hardware-check id, language, app version, seed). Two memos with different hashes
 * came from different inputs; the footer prints the first 12 hex digits.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface HashedInputs {
  scenario: unknown;
  benchmarkId: string | null;
  language: string;
  appVersion: string;
  seed: number;
}

export function contentHash(inputs: HashedInputs): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

export const SHORT_HASH_LENGTH = 12;
