import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ElectronBinaryError } from '../../../src-main/launch/electron-binary.js';
import { CLI_EXAMPLE, electronCacheDir, missingElectronMessage } from '../../../src-main/launch/missing-electron-message.js';
import { REPO_ROOT } from '../../support/cli.js';

describe('the message npm start prints without an Electron binary', () => {
  const offline = new ElectronBinaryError('download', 'no network connection to github.com (getaddrinfo ENOTFOUND github.com)', '45.5.0');

  it('says what failed, why, and every way forward, in a few lines', () => {
    const message = missingElectronMessage(offline, { electron_config_cache: '/srv/electron-cache' });
    const lines = message.trimEnd().split('\n');
    expect(lines[0]).toBe("Cannot open the desktop app: Electron 45.5.0's binary could not be downloaded.");
    expect(lines[1]).toBe('Why: no network connection to github.com (getaddrinfo ENOTFOUND github.com).');
    expect(message).toContain('The download is cached in /srv/electron-cache');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('Set ELECTRON_EXEC_PATH to an installed Electron 45 executable.');
    expect(message).toContain('packaged app');
    expect(message).toContain(CLI_EXAMPLE);
    expect(lines.length).toBeLessThanOrEqual(12);
  });

  it('ends the reason with exactly one full stop', () => {
    const checksum = new ElectronBinaryError('download', 'Generated checksum for "electron.zip" did not match expected checksum.', '45.5.0');
    expect(missingElectronMessage(checksum, {})).toContain('Why: Generated checksum for "electron.zip" did not match expected checksum.\n');
  });

  it('for a binary the user named, says which setting is wrong and offers no download advice', () => {
    const named = new ElectronBinaryError('named', 'ELECTRON_EXEC_PATH names /opt/electron, which is not a file', '45.5.0');
    const message = missingElectronMessage(named, {});
    expect(message).toContain('Why: ELECTRON_EXEC_PATH names /opt/electron, which is not a file.');
    expect(message).toContain('Electron 45 executable');
    expect(message).not.toContain('network');
    expect(message).toContain(CLI_EXAMPLE);
  });

  it('names the CLI example after a scenario that exists', () => {
    expect(existsSync(path.join(REPO_ROOT, CLI_EXAMPLE.split('--scenario ')[1]!))).toBe(true);
  });
});

describe('where Electron downloads are cached', () => {
  it('is electron_config_cache when set', () => {
    expect(electronCacheDir({ electron_config_cache: '/c' }, 'linux', '/home/a')).toBe('/c');
  });

  it('follows @electron/get\'s default (env-paths "electron") on each platform', () => {
    expect(electronCacheDir({}, 'linux', '/home/a')).toBe('/home/a/.cache/electron');
    expect(electronCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/electron');
    expect(electronCacheDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches/electron');
    expect(electronCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Local\\electron\\Cache');
  });
});
