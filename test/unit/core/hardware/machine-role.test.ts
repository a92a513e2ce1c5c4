import { describe, expect, it } from 'vitest';
import { resolveRole } from '../../../../src-main/core/hardware/machine-role.js';

describe('resolveRole', () => {
  it('defaults to development and keeps a stated role', () => {
    expect(resolveRole(undefined, '--role')).toBe('development');
    expect(resolveRole('deployment', '--role')).toBe('deployment');
  });

  it.each(['production', '', 3, null])('refuses %j naming the caller\'s field', (value) => {
    expect(() => resolveRole(value, '--role')).toThrow(/^--role: must be deployment or development/);
  });
});
