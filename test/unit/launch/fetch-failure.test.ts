import { describe, expect, it } from 'vitest';
import { downloadFailureReason, FETCH_FAILURE_MARKER, splitInstallerOutput, type FetchFailure } from '../../../src-main/launch/fetch-failure.js';

const ZIP_URL = 'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip';

function marked(failure: FetchFailure): string {
  return `${FETCH_FAILURE_MARKER}${JSON.stringify(failure)}`;
}

/** What install.js prints when fetch fails: the error's stack, whose cause it drops. */
const FETCH_FAILED_STACK = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
].join('\n');

describe('the reason given when Electron\'s installer fails', () => {
  it('names the unreachable host and the system error behind "fetch failed"', () => {
    const output = `${marked({ url: ZIP_URL, code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND github.com' })}\n${FETCH_FAILED_STACK}\n`;
    expect(downloadFailureReason(output, 1)).toBe('no network connection to github.com (getaddrinfo ENOTFOUND github.com)');
  });

  it('does not call a refused certificate "no network"', () => {
    const output = `${marked({ url: ZIP_URL, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', message: 'unable to get local issuer certificate' })}\n${FETCH_FAILED_STACK}`;
    expect(downloadFailureReason(output, 1)).toBe('the download from github.com failed (unable to get local issuer certificate)');
  });

  it('gives the printed error\'s message, without its stack, when the server answered', () => {
    const output = [
      'HTTPError: Response code 404 (Not Found) for http://127.0.0.1:8080/v45.5.0/electron-v45.5.0-linux-x64.zip',
      '    at FetchDownloader.download (file:///x/FetchDownloader.js:49:23)',
    ].join('\n');
    expect(downloadFailureReason(output, 1)).toBe('Response code 404 (Not Found) for http://127.0.0.1:8080/v45.5.0/electron-v45.5.0-linux-x64.zip');
  });

  it('falls back to the first line printed, or to the exit status when nothing was printed', () => {
    expect(downloadFailureReason('Electron builds are not available on platform: aix\n', 1)).toBe('Electron builds are not available on platform: aix');
    expect(downloadFailureReason('', 7)).toBe("Electron's installer exited with code 7");
    expect(downloadFailureReason('', null)).toBe("Electron's installer exited with a signal");
  });

  it('keeps the installer\'s other output apart from the marked lines', () => {
    const failure: FetchFailure = { url: ZIP_URL, code: null, message: 'fetch failed' };
    expect(splitInstallerOutput(`warning one\n${marked(failure)}\n\nwarning two\n`)).toEqual({ failures: [failure], lines: ['warning one', 'warning two'] });
  });
});
