/**
 * Awkward things to put at a path, always inside the test's own temporary folder: fifos, device
 * nodes, links, and small tmpfs mounts that can be filled up or made read-only. Mounting and
 * mknod need root (or the right capabilities); where they are refused the helpers say so and
 * the tests that need them are skipped, never pointed at a system path instead.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function run(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** Refuses anything that is not inside the system's temporary folder: these helpers never touch system paths. */
function insideTemp(target: string): string {
  const resolved = path.resolve(target);
  const root = path.resolve(tmpdir());
  if (!resolved.startsWith(`${root}${path.sep}`)) throw new Error(`refusing to work outside ${root}: ${resolved}`);
  return resolved;
}

export function makeFifo(target: string): void {
  if (!run('mkfifo', [insideTemp(target)])) throw new Error(`mkfifo ${target} failed`);
}

/** A character device (the same numbers as /dev/null) inside the temporary folder; false where mknod is not allowed. */
export function makeDevice(target: string): boolean {
  return run('mknod', [insideTemp(target), 'c', '1', '3']);
}

/** Mounts a tmpfs of `bytes` at `folder` (made if needed); false where mounting is not allowed. */
export function mountTmpfs(folder: string, bytes: number): boolean {
  mkdirSync(insideTemp(folder), { recursive: true });
  return run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0777`, 'tmpfs', insideTemp(folder)]);
}

export function remountReadOnly(folder: string): void {
  if (!run('mount', ['-o', 'remount,ro', insideTemp(folder)])) throw new Error(`remount ro ${folder} failed`);
}

export function remountWritable(folder: string): void {
  if (!run('mount', ['-o', 'remount,rw', insideTemp(folder)])) throw new Error(`remount rw ${folder} failed`);
}

export function unmount(folder: string): void {
  run('umount', [insideTemp(folder)]);
}

/** Whether this process may mount a tmpfs (checked once, in a throwaway folder). */
let canMountCache: boolean | undefined;
export function canMount(): boolean {
  if (canMountCache === undefined) {
    const probe = path.join(tmpdir(), `advisor-mount-probe-${process.pid}`);
    canMountCache = mountTmpfs(probe, 64 * 1024);
    if (canMountCache) unmount(probe);
    run('rmdir', [probe]);
  }
  return canMountCache;
}

/** Fills the file system holding `folder` until it has no space left. */
export function fillUp(folder: string): void {
  const fd = openSync(path.join(insideTemp(folder), 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full.
  }
  try {
    for (;;) writeSync(fd, chunk, 0, 1);
  } catch {
    // Not even one byte.
  } finally {
    closeSync(fd);
  }
}

/**
 * Temporary folders a test file makes and removes again when it is done (fifos, device nodes
 * and links included; mounts must be undone first). Call cleanUp() in afterAll.
 */
export function scratch(makeDir: (label?: string) => string): { dir: (label?: string) => string; cleanUp: () => void } {
  const made: string[] = [];
  return {
    dir: (label) => {
      const dir = makeDir(label);
      made.push(dir);
      return dir;
    },
    cleanUp: () => {
      for (const dir of made.splice(0)) rmSync(insideTemp(dir), { recursive: true, force: true });
    },
  };
}
