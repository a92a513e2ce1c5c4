/**
 * Reads the quantities people type, for the app's inputs and the CLI's options alike: "85000000",
 * "8.5e7", "85M", "1.8B", "2T", "8,490万", "18億", "1億2,300万", "５０％", "40%", "¥416万", "416万円".
 * Suffixes are decimal: k = 1e3, M = 1e6, B or G = 1e9, T = 1e12 (a lower-case m is refused: milli
 * or million?); 千 = 1e3, 万 = 1e4, 億 = 1e8, 兆 = 1e12. A trailing % divides by 100. Full-width
 * forms (what a Japanese IME types) are read as their half-width twins. Thousands separators must
 * group by three ("1,5" is refused rather than read as 15 or 1.5). The result is always finite.
 */
import { InputError } from './input.js';

/** Powers of ten, so that "1.8億" is exactly 180000000 (1.8 × 1e8 in floating point is not). */
const SUFFIX: Record<string, number> = { k: 3, K: 3, M: 6, B: 9, b: 9, G: 9, g: 9, T: 12, t: 12 };
const JAPANESE_UNIT: Record<string, number> = { 万: 4, 億: 8, 兆: 12 };

export interface QuantityOptions {
  /** The field is a percentage: a bare "40" means 40 % (0.4); "40%" means the same. */
  percent?: boolean;
}

/** A number with an optional exponent; commas must group by three. */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?`;
const NUMBER_ONLY = new RegExp(`^(${NUMBER})$`);
const WITH_SUFFIX = new RegExp(`^(${NUMBER})\\s*([kKMBbGgTt])$`);
/** One Japanese group: a number, optionally 千, then 兆/億/万 (only the last group may omit it). */
const JAPANESE_GROUP = new RegExp(`(${NUMBER})\\s*(千)?\\s*([万億兆])?`, 'y');

/** Full-width digits, letters and signs as half-width; the typographic minus and ▲ as a minus. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\uFE63\uFF0D]/g, '-')
    .replace(/^\s*▲/, '-')
    .replace(/_(?=\d{3}(?!\d))/g, ',')
    .trim();
}

/** The number times 10^power, shifted in its decimal exponent rather than multiplied. */
function readNumber(text: string, power = 0): number {
  const [mantissa, exponent] = text.replace(/,/g, '').split(/[eE]/);
  return Number(`${mantissa}e${Number(exponent ?? 0) + power}`);
}

/** "1億2,300万" or "5千万" or "18億": groups in falling order of unit; null when the text is not of this form. */
function readJapanese(text: string): number | null {
  if (!/[千万億兆]/.test(text)) return null;
  let total = 0;
  let position = 0;
  let lastUnit = Infinity;
  JAPANESE_GROUP.lastIndex = 0;
  while (position < text.length) {
    JAPANESE_GROUP.lastIndex = position;
    const match = JAPANESE_GROUP.exec(text);
    if (!match || match[0].length === 0) return null;
    const unit = match[3] ? JAPANESE_UNIT[match[3]]! : 0;
    // Units must fall: "2万3億" is not a number; a unit-less group may only come last.
    if (unit >= lastUnit) return null;
    lastUnit = unit;
    total += readNumber(match[1]!, unit + (match[2] ? 3 : 0));
    position = JAPANESE_GROUP.lastIndex;
    if (unit === 0 && position < text.length) return null;
    while (text[position] === ' ') position++;
  }
  return total;
}

function refuse(field: string, text: string): never {
  throw new InputError(field, `expected a number such as 1500000000, 1.5e9, 1.5B or 15億 (got ${JSON.stringify(text)})`);
}

export function parseQuantity(field: string, text: string, options: QuantityOptions = {}): number {
  let body = normalise(text);
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body.startsWith('-') ? -1 : 1;
    body = body.slice(1).trim();
  }
  // Money as people write it: a leading currency sign, a trailing 円.
  body = body.replace(/^[¥$€£]\s*/, '').replace(/\s*円$/, '');
  let percent = options.percent === true;
  if (body.endsWith('%')) {
    body = body.slice(0, -1).trim();
    percent = true;
  }
  const shift = percent ? -2 : 0;
  let magnitude: number | null;
  const plain = NUMBER_ONLY.exec(body);
  const suffixed = plain ? null : WITH_SUFFIX.exec(body);
  if (plain) magnitude = readNumber(plain[1]!, shift);
  else if (suffixed) magnitude = readNumber(suffixed[1]!, SUFFIX[suffixed[2]!]! + shift);
  else {
    const japanese = readJapanese(body);
    magnitude = japanese === null ? null : percent ? japanese / 100 : japanese;
  }
  if (magnitude === null || Number.isNaN(magnitude) || body === '') refuse(field, text);
  const value = sign * magnitude;
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
