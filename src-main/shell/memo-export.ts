/** Writes the decision memo the renderer asked for and records it in the store. */
import type { MemoRequest } from '../ipc/handlers.js';
import type { AdvisorStore } from '../store/store.js';

export async function writeMemoFile(
  _store: AdvisorStore,
  _request: MemoRequest,
  _appVersion: string,
): Promise<{ path: string; contentHash: string; pages: number }> {
  throw new Error('memo export arrives with the PDF memo generator');
}
