/** Validation of JSON documents against zod schemas, with errors that name the bad field. */
import { z } from 'zod';
import { InputError } from './input.js';

/** Turns a zod failure into one InputError naming the first bad field, e.g. "scenario.deployment.horizon". */
export function schemaError(error: z.ZodError, root: string): InputError {
  const issue = error.issues[0]!;
  const field = [root, ...issue.path.map(String)].join('.');
  return new InputError(field, issue.message);
}

/** Parses a value with a schema or throws an InputError naming the field. */
export function parseDocument<T extends z.ZodType>(schema: T, value: unknown, root: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw schemaError(parsed.error, root);
  return parsed.data;
}

/** A calendar date written YYYY-MM-DD that exists (2026-02-29 and 2026-99-99 do not). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-27')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'must be a real calendar date');

/** C0/C1 controls, bidirectional overrides and isolates, and lone surrogates: never part of a name. */
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes what a name must never carry, so it prints safely in a terminal, a PDF or a screen. */
export function cleanName(text: string): string {
  return text.replace(UNSAFE_IN_NAMES, '').trim();
}

/** A user-given name: cleaned of control and bidi characters, then 1–200 characters. */
export const safeNameSchema = z
  .string()
  .transform(cleanName)
  .pipe(z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
