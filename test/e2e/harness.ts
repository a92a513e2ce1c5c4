/**
 * Drives the built renderer in Debian's Chromium with the real main-process handlers behind
 * `window.advisor`: the same createHandlers/createServices the Electron shell registers with
 * ipcMain, exposed to the page with Playwright's exposeBinding. Only Electron's transport is
 * missing; the law, the ROI engine, SQLite, the ONNX benchmark and the memo are real. The
 * renderer it serves is the one test/global-setup.ts built into out/renderer.
 */
import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { API_GLOBAL, CHANNELS, EVENTS, subscriberName, type Channel } from '../../src-main/ipc/channels.js';
import { createHandlers, type Emit } from '../../src-main/ipc/handlers.js';
import { createServices } from '../../src-main/ipc/services.js';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from '../../src-main/shell/app-protocol.js';
import { appVersion } from '../../src-main/shell/app-paths.js';
import { writeMemoFile } from '../../src-main/shell/memo-export.js';
import { openStore } from '../../src-main/store/index.js';
import type { AdvisorStore } from '../../src-main/store/store.js';
import { REPO_ROOT } from '../support/cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/e2e');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The renderer test/global-setup.ts builds. */
export const RENDERER = path.join(REPO_ROOT, 'out/renderer');

/** Serves a built renderer (out/renderer unless told otherwise) with the app's content security policy, on loopback only. */
function serveRenderer(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const file = resolveAppPath(root, `app://advisor${request.url ?? '/'}`);
    if (!file || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

export interface Session {
  page: Page;
  origin: string;
  store: AdvisorStore;
  folder: string;
  /** Every URL the page requested. */
  requests: string[];
  /** Messages the page logged as errors, including CSP violations. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  locale: 'en-US' | 'ja-JP';
  osLanguage: 'en' | 'ja';
  /** The file the open dialog answers with when the page asks for a model; none: the user cancels. */
  modelFile?: string;
  /** Another built renderer to serve instead of out/renderer (a preview build of one page). */
  rendererRoot?: string;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const folder = mkdtempSync(path.join(tmpdir(), 'advisor-e2e-'));
  mkdirSync(path.join(folder, 'memos'));
  const { store } = openStore(path.join(folder, 'advisor.sqlite'));
  const version = appVersion(REPO_ROOT);
  const handlers = createHandlers(
    createServices({
      store,
      appRoot: REPO_ROOT,
      appVersion: version,
      osLanguage: options.osLanguage,
      databaseNotice: null,
      // The save dialog is the one piece of the shell a test answers itself.
      chooseMemoPath: async (name) => path.join(folder, 'memos', name),
      writeMemo: (request) => writeMemoFile(store, request, version),
      chooseModelFile: async () => options.modelFile ?? null,
    }),
    // As in development and test builds of the app: every answer is checked against the contract.
    { checkResults: true },
  );
  const { server, origin } = await serveRenderer(options.rendererRoot ?? RENDERER);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const context: BrowserContext = await browser.newContext({ locale: options.locale, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  const emit: Emit = (event, payload) => {
    void page.evaluate(([name, data]) => (window as unknown as { __advisorEmit(n: string, d: unknown): void }).__advisorEmit(name, data), [event, payload] as const).catch(() => {});
  };
  await page.exposeBinding('__advisorInvoke', (_source, channel: Channel, args: unknown) => handlers[channel](args, emit, 'page'));
  // The same shape the preload builds: one named function per channel, one subscribe function per event.
  await page.addInitScript(
    ({ global, channels, events, subscribers }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const w = window as unknown as Record<string, unknown> & { __advisorInvoke(c: string, a: unknown): Promise<unknown> };
      w.__advisorEmit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
      const api: Record<string, unknown> = {};
      for (const channel of channels) api[channel] = (args: unknown) => w.__advisorInvoke(channel, args);
      events.forEach((event, i) => {
        api[subscribers[i]!] = (listener: (payload: unknown) => void) => {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(listener);
          return () => listeners.get(event)!.delete(listener);
        };
      });
      w[global] = Object.freeze(api);
    },
    { global: API_GLOBAL, channels: [...CHANNELS], events: [...EVENTS], subscribers: EVENTS.map(subscriberName) },
  );
  return {
    page,
    origin,
    store,
    folder,
    requests,
    consoleErrors,
    close: async () => {
      await browser.close();
      server.close();
      store.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
