/**
 * The machine's role in a hardware check — the deployment machine or a development one — as the
 * person running or importing the check states it. The runner, the CLI's --role and the import
 * path check it here, so every refusal names the caller's own field.
 */
import { InputError } from '../input.js';
import { MACHINE_ROLES, type MachineRole } from './benchmark-result.js';

/** Unstated means development: a figure counts as the deployment machine's only when someone said so. */
export const DEFAULT_ROLE: MachineRole = 'development';

export function resolveRole(value: unknown, field: string): MachineRole {
  if (value === undefined) return DEFAULT_ROLE;
  if (typeof value === 'string' && (MACHINE_ROLES as readonly string[]).includes(value)) return value as MachineRole;
  throw new InputError(field, `must be ${MACHINE_ROLES.join(' or ')} (got ${JSON.stringify(value)})`);
}
