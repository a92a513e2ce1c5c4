/**
 * Writes a memo to disk through the safe output writer (io/safe-write.ts), refusing to replace
 * an existing file unless asked to, and never writing over a folder, device, fifo or link.
 */
import { checkOutputTarget, OutputExistsError, writeOutputFile } from '../io/safe-write.js';
import { generateMemo, type MemoRequest } from './generate-memo.js';

/** Refusing to replace a file: the message names it. */
export const MemoExistsError = OutputExistsError;

export interface WrittenMemo {
  path: string;
  contentHash: string;
  pages: number;
  bytes: number;
}

export function writeMemo(file: string, request: MemoRequest, options: { overwrite?: boolean; field?: string } = {}): WrittenMemo {
  const field = options.field ?? 'file';
  const overwrite = options.overwrite === true;
  // Checked before the memo is generated, so a bad target costs no time; the writer looks again.
  checkOutputTarget(field, file, { overwrite });
  const memo = generateMemo(request);
  const target = writeOutputFile(field, file, memo.pdf, { overwrite });
  return { path: target, contentHash: memo.contentHash, pages: memo.pages, bytes: memo.pdf.byteLength };
}
