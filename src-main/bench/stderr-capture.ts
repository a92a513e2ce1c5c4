/**
 * Captures what native code writes to this process's stderr (file descriptor 2) during one call:
 * TensorRT's build log, which says whether it picked sparse tactics, reaches ORT's logger and
 * from there stderr, never JavaScript. Redirects fd 2 into a temporary file through libc's
 * dup/dup2 (via koffi) and restores it afterwards. Linux only, like the TensorRT path; used only
 * inside the TensorRT benchmark child.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import koffi from 'koffi';

type Libc = { dup: (fd: number) => number; dup2: (from: number, to: number) => number };
let LIBC: Libc | null = null;
/** Kept referenced for the process's life, like ORT's library: koffi unloads collected handles. */
const KEPT: unknown[] = [];

function libc(): Libc {
  if (!LIBC) {
    const library = koffi.load('libc.so.6');
    KEPT.push(library);
    LIBC = { dup: library.func('int dup(int fd)') as Libc['dup'], dup2: library.func('int dup2(int from, int to)') as Libc['dup2'] };
  }
  return LIBC;
}

/** Runs `work` with stderr going into a file; returns its result and what was written (at most the last 4 MiB). */
export function captureStderr<T>(work: () => T): { value: T; text: string } {
  if (process.platform !== 'linux') return { value: work(), text: '' };
  const c = libc();
  const dir = mkdtempSync(path.join(tmpdir(), 'sparsity-advisor-trt-log-'));
  const file = path.join(dir, 'stderr.log');
  const fd = openSync(file, 'w');
  const saved = c.dup(2);
  if (saved < 0) {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
    return { value: work(), text: '' };
  }
  try {
    c.dup2(fd, 2);
    const value = work();
    return { value, text: readTail(file) };
  } finally {
    c.dup2(saved, 2);
    closeSync(saved);
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

const TAIL_BYTES = 4 * 1024 * 1024;

function readTail(file: string): string {
  const bytes = readFileSync(file);
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('utf8');
}
