/**
 * Reads the large counts people type: "85000000", "8.5e7", "85M", "1.8B", "2T". Suffixes are
 * decimal: k = 1e3, M = 1e6, B or G = 1e9, T = 1e12 (a lower-case m is refused: milli or million?). Thousands separators "," and "_" are allowed.
 */
import { InputError } from './input.js';

const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, b: 1e9, G: 1e9, g: 1e9, T: 1e12, t: 1e12 };

export function parseQuantity(field: string, text: string): number {
  const trimmed = text.trim().replace(/[,_](?=\d{3}\b)/g, '');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([kKMBGT]?)$/i.exec(trimmed);
  if (!match || (match[2] !== '' && !(match[2]! in SUFFIX))) {
    throw new InputError(field, `expected a number such as 1.5e9 or 1.5B (got ${JSON.stringify(text)})`);
  }
  const value = Number(match[1]) * (match[2] ? SUFFIX[match[2]]! : 1);
  if (!Number.isFinite(value)) throw new InputError(field, `is too large (got ${JSON.stringify(text)})`);
  return value;
}

/**
 * Reads a whole count the strict way: decimal digits only, no sign, no exponent, no suffix, no
 * hex or binary, no spaces, within [min, max]. Used for starts, seeds, threads and the like,
 * where "1e3", "0x10" or "" would otherwise pass through Number().
 */
export function parseCount(field: string, text: string, limits: { min: number; max: number }): number {
  if (!/^[0-9]+$/.test(text)) {
    throw new InputError(field, `expected a whole number from ${limits.min} to ${limits.max}, written in digits (got ${JSON.stringify(text)})`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < limits.min || value > limits.max) {
    throw new InputError(field, `must be from ${limits.min} to ${limits.max} (got ${text.length > 20 ? `${text.slice(0, 20)}…` : text})`);
  }
  return value;
}
