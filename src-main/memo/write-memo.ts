/**
 * Writes a memo to disk atomically (temporary file, then rename), refusing to replace an
 * existing file unless asked to.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/input.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { generateMemo, type MemoRequest } from './generate-memo.js';

/** Refusing to replace a file: the message names it. */
export class MemoExistsError extends InputError {
  constructor(readonly path: string) {
    super('file', `${path} already exists: refusing to overwrite it`);
    this.name = 'MemoExistsError';
  }
}

export interface WrittenMemo {
  path: string;
  contentHash: string;
  pages: number;
  bytes: number;
}

export function writeMemo(file: string, request: MemoRequest, options: { overwrite?: boolean } = {}): WrittenMemo {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError('file', `folder ${folder} does not exist`);
  const refuseExisting = () => {
    if (!options.overwrite && existsSync(target)) throw new MemoExistsError(target);
  };
  refuseExisting();
  const memo = generateMemo(request);
  // Generation takes a moment: look again right before the file appears.
  refuseExisting();
  writeFileAtomic(target, memo.pdf);
  return { path: target, contentHash: memo.contentHash, pages: memo.pages, bytes: memo.pdf.byteLength };
}
