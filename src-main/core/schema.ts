/** Validation of JSON documents against zod schemas, with errors that name the bad field. */
import type { z } from 'zod';
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
