import { describe, expect, it } from 'vitest';
import { backupPathFor, databasePathIn, defaultDatabasePath } from '../../../src-main/store/paths.js';

describe('database paths', () => {
  it('puts the database in the user-data folder the shell passes, with the backup beside it', () => {
    expect(databasePathIn('/home/ai/.config/sparsity-advisor')).toBe('/home/ai/.config/sparsity-advisor/advisor.db');
    expect(backupPathFor('/data/advisor.db')).toBe('/data/advisor.db.backup');
  });

  it('defaults the CLI to the folder Electron uses for this app on each platform', () => {
    expect(defaultDatabasePath({}, 'linux', '/home/ai')).toBe('/home/ai/.config/sparsity-advisor/advisor.db');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ai')).toBe('/xdg/sparsity-advisor/advisor.db');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/ai')).toBe('/home/ai/.config/sparsity-advisor/advisor.db');
    expect(defaultDatabasePath({}, 'darwin', '/Users/ai')).toBe('/Users/ai/Library/Application Support/sparsity-advisor/advisor.db');
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\ai\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ai')).toBe(
      'C:\\Users\\ai\\AppData\\Roaming\\sparsity-advisor\\advisor.db',
    );
    expect(defaultDatabasePath({}, 'win32', 'C:\\Users\\ai')).toBe('C:\\Users\\ai\\AppData\\Roaming\\sparsity-advisor\\advisor.db');
  });
});
