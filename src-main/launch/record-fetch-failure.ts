/**
 * Preloaded into the child that runs Electron's installer (electron-binary.ts). The installer prints only
 * "TypeError: fetch failed" and a stack when the network is down; the system error that says why (ENOTFOUND,
 * ECONNREFUSED, a certificate problem) sits in the error's `cause`, which it drops. This wraps fetch to write that
 * cause as one marked line on stderr, then rethrows, so the installer behaves exactly as without it.
 */
import { FETCH_FAILURE_MARKER, type FetchFailure } from './fetch-failure.js';

const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  try {
    return await realFetch(input, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const failure: FetchFailure = {
      url: input instanceof Request ? input.url : String(input),
      code: typeof cause?.code === 'string' ? cause.code : null,
      message: typeof cause?.message === 'string' ? cause.message : (error as Error).message,
    };
    process.stderr.write(`${FETCH_FAILURE_MARKER}${JSON.stringify(failure)}\n`);
    throw error;
  }
};
