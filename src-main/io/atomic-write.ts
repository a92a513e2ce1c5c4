/**
 * Kept for callers that name no option: the same safe writer as every output (io/safe-write.ts),
 * with errors naming "file".
 */
import { writeOutputFile } from './safe-write.js';

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  writeOutputFile('file', file, content);
}
