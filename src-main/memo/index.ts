/** The PDF decision memo for the Electron main process and the CLI. */
export { generateMemo, parseMemoDate, today, type Memo, type MemoRequest } from './generate-memo.js';
export { writeMemo, MemoExistsError, type WrittenMemo } from './write-memo.js';
export { canonicalJson, contentHash, SHORT_HASH_LENGTH } from './content-hash.js';
export { FONT_FILES } from './fonts.js';
