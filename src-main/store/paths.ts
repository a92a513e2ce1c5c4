/**
 * Where the database lives. The app keeps it in Electron's user-data folder; the CLI defaults to
 * the same folder (Electron names it after package.json's "name"), so both see the same data.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export const DATABASE_FILE = 'advisor.db';
export const APP_FOLDER = 'sparsity-advisor';

/** The database inside a user-data folder, e.g. Electron's app.getPath('userData'). */
export function databasePathIn(userDataFolder: string): string {
  return path.join(userDataFolder, DATABASE_FILE);
}

/** The online backup kept beside the database. */
export function backupPathFor(databaseFile: string): string {
  return `${databaseFile}.backup`;
}

/**
 * Electron's user-data folder for this app, computed without Electron: %APPDATA% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function defaultUserDataFolder(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(config, APP_FOLDER);
}

export function defaultDatabasePath(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const folder = defaultUserDataFolder(env, platform, home);
  return platform === 'win32' ? path.win32.join(folder, DATABASE_FILE) : path.posix.join(folder, DATABASE_FILE);
}
