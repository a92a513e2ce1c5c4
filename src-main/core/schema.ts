/** Validation of JSON documents against zod schemas, with errors that name the bad field. */
import { z } from 'zod';
import { InputError } from './input.js';
import { cleanName } from './text.js';

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

/** A user-given name: cleaned of control and bidi characters, then 1–200 characters. */
export const safeNameSchema = z
  .string()
  .transform(cleanName)
  .pipe(z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
