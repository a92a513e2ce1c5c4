/**
 * The one output writer (issue 18, defect 2): what it refuses, what it leaves behind, and how
 * its failures are named. Fifos, device nodes and links are made inside the test's own folder.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../../src-main/core/errors.js';
import { InputError } from '../../../src-main/core/input.js';
import { OutputExistsError, writeOutputFile } from '../../../src-main/io/safe-write.js';
import { canMount, fillUp, makeDevice, makeFifo, mountTmpfs, remountReadOnly, unmount, scratch } from '../../support/hostile-fs.js';
import { tempDir as makeTempDir } from '../../support/store-fixtures.js';

const mounts: string[] = [];
const temporary = scratch(makeTempDir);
const tempDir = temporary.dir;
afterAll(() => {
  mounts.forEach(unmount);
  temporary.cleanUp();
});

describe('writeOutputFile', () => {
  it('writes a new file and replaces a regular one, leaving no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    expect(writeOutputFile('--out', file, 'one')).toBe(file);
    writeOutputFile('--out', file, Buffer.from('two'));
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(() => writeOutputFile('--out', file, 'three', { overwrite: false })).toThrow(OutputExistsError);
  });

  const makers: [string, (t: string) => boolean][] = [
    ['a folder', (t) => (mkdirSync(t), true)],
    ['a fifo', (t) => (makeFifo(t), true)],
    ['a link to a file', (t) => (writeFileSync(`${t}.target`, 'keep'), symlinkSync(`${t}.target`, t), true)],
    ['a dangling link', (t) => (symlinkSync(`${t}.nowhere`, t), true)],
    ['a device node', (t) => makeDevice(t)],
  ];
  it.each(makers)('refuses %s, names the option and leaves it alone', (_what, make) => {
    const dir = tempDir();
    const target = path.join(dir, 'out.pdf');
    if (!make(target)) return; // mknod is not allowed here
    const stats = lstatSync(target);
    const link = stats.isSymbolicLink() ? readlinkSync(target) : null;
    expect(() => writeOutputFile('--out', target, 'x')).toThrow(InputError);
    expect(() => writeOutputFile('--out', target, 'x')).toThrow(/^--out: /);
    const after = lstatSync(target);
    expect([after.ino, after.mode]).toEqual([stats.ino, stats.mode]);
    if (link) expect(readlinkSync(target)).toBe(link);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses bad names before touching the disk', () => {
    const dir = tempDir();
    for (const name of ['', path.join(dir, 'a\0b'), path.join(dir, 'x'.repeat(300)), `${dir}/folder/`, path.join(dir, 'missing', 'x.json')]) {
      expect(() => writeOutputFile('--save', name, 'x'), JSON.stringify(name)).toThrow(/^--save: /);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});


describe.skipIf(!canMount())('writeOutputFile on a failing disk (skipped where tmpfs cannot be mounted)', () => {
  it('a full disk and a read-only disk are environment errors naming the option, leaving nothing behind', () => {
    const full = path.join(tempDir(), 'full');
    const readOnly = path.join(tempDir(), 'ro');
    expect(mountTmpfs(full, 256 * 1024) && mountTmpfs(readOnly, 256 * 1024)).toBe(true);
    mounts.push(full, readOnly);
    fillUp(full);
    remountReadOnly(readOnly);
    const big = Buffer.alloc(512 * 1024, 7);
    expect(() => writeOutputFile('--out', path.join(full, 'memo.pdf'), big)).toThrow(EnvironmentError);
    expect(() => writeOutputFile('--out', path.join(full, 'memo.pdf'), big)).toThrow('--out: cannot write');
    expect(readdirSync(full)).toEqual(['filler']);
    expect(() => writeOutputFile('--out', path.join(readOnly, 'memo.pdf'), 'x')).toThrow(/--out: .*read-only/);
  });
});
