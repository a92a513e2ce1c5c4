/**
 * Turns what Electron's installer printed when it failed into one short reason for the user, without its stack.
 * The line marked by record-fetch-failure.ts carries the network error's own cause; without one, the reason is the
 * message of the error the installer printed (an HTTP status from the mirror, a checksum mismatch).
 */

/** Prefix of the line record-fetch-failure.ts writes; nothing else prints it. */
export const FETCH_FAILURE_MARKER = '[sparsity-advisor fetch failure] ';

export interface FetchFailure {
  url: string;
  /** The system or undici error code (ENOTFOUND, ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, …), when there is one. */
  code: string | null;
  message: string;
}

/** Codes that mean the server could not be reached at all, as opposed to a refused certificate or a bad answer. */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The first line of a printed error: "TypeError: fetch failed", "HTTPError: Response code 404 (Not Found) for …". */
const ERROR_LINE = /^\s*(?:[A-Za-z]*Error)(?: \[[A-Z_]+\])?: (.+)$/;

export function splitInstallerOutput(output: string): { failures: FetchFailure[]; lines: string[] } {
  const failures: FetchFailure[] = [];
  const lines: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith(FETCH_FAILURE_MARKER)) failures.push(JSON.parse(line.slice(FETCH_FAILURE_MARKER.length)) as FetchFailure);
    else if (line.trim() !== '') lines.push(line);
  }
  return { failures, lines };
}

export function downloadFailureReason(output: string, exitCode: number | null): string {
  const { failures, lines } = splitInstallerOutput(output);
  const failure = failures[0];
  if (failure) {
    const host = hostOf(failure.url);
    return failure.code !== null && UNREACHABLE.has(failure.code)
      ? `no network connection to ${host} (${failure.message})`
      : `the download from ${host} failed (${failure.message})`;
  }
  for (const line of lines) {
    const match = ERROR_LINE.exec(line);
    if (match) return match[1]!.trim();
  }
  return lines[0]?.trim() ?? `Electron's installer exited with ${exitCode === null ? 'a signal' : `code ${exitCode}`}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
