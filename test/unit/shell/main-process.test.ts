/**
 * Loads the real src-main/shell/main.ts with a stand-in for the electron module and checks the
 * security settings it applies, from the main-process code path itself, not from a copy.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src-main/ipc/channels.js';

const userData = mkdtempSync(path.join(tmpdir(), 'advisor-shell-'));
const recorded = vi.hoisted(() => ({
  privileged: [] as unknown[],
  windows: [] as { options: Record<string, any>; url?: string }[],
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  appEvents: new Map<string, (...args: any[]) => void>(),
  handlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  sandboxEnabled: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    constructor(readonly options: Record<string, any>) {
      recorded.windows.push({ options });
    }
    once() {}
    loadURL(url: string) {
      recorded.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: (h: any) => (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: any) => (recorded.permissionCheck = h),
    webRequest: { onBeforeRequest: (h: any) => (recorded.beforeRequest = h) },
  };
  return {
    app: {
      whenReady: () => Promise.resolve(),
      on: (event: string, handler: (...args: any[]) => void) => recorded.appEvents.set(event, handler),
      getPath: () => userData,
      getLocale: () => 'ja-JP',
      enableSandbox: () => (recorded.sandboxEnabled = true),
      quit: () => {},
    },
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: { handle: (channel: string, handler: any) => recorded.handlers.set(channel, handler) },
    net: { fetch: async () => new Response('x') },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (_scheme: string, handler: any) => (recorded.protocolHandler = handler),
    },
    session: { defaultSession },
  };
});

describe('the Electron main process', () => {
  beforeAll(async () => {
    await import('../../../src-main/shell/main.js');
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('serves the app over app://, never file://', () => {
    expect(recorded.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(recorded.windows[0]!.url).toBe('app://advisor/index.html');
  });

  it('opens a window with isolation and sandbox on and Node off', () => {
    const prefs = recorded.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(recorded.sandboxEnabled).toBe(true);
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) recorded.permissionRequest!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck!()).toBe(false);
  });

  it('cancels every request that leaves app://', () => {
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://advisor/assets/index.js')).toBe(false);
    expect(verdict('https://example.com/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
  });

  it('denies navigation and new windows for every web contents', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    recorded.appEvents.get('web-contents-created')!({}, {
      on: (name: string, fn: any) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: any) => (openHandler = fn),
    });
    let prevented = false;
    listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('registers one IPC handler per channel, refusing senders that are not the app', async () => {
    expect([...recorded.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const handler = recorded.handlers.get('appInfo')!;
    const sender = { isDestroyed: () => false, send: () => {} };
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/' }, sender }, {});
    expect(foreign).toMatchObject({ ok: false, error: expect.stringContaining('did not come from the app') });
    const own = await handler({ senderFrame: { url: 'app://advisor/index.html' }, sender }, {});
    expect(own).toMatchObject({ ok: true, value: { osLanguage: 'ja' } });
    const malformed = await recorded.handlers.get('getScenario')!({ senderFrame: { url: 'app://advisor/index.html' }, sender }, { id: 7 });
    expect(malformed).toMatchObject({ ok: false });
  });

  it('adds the content security policy to what the protocol serves and refuses paths outside the build', async () => {
    const ok = await recorded.protocolHandler!(new Request('app://advisor/index.html'));
    expect(ok.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const escape = await recorded.protocolHandler!(new Request('app://advisor/..%2F..%2Fpackage.json'));
    expect(escape.status).toBe(404);
  });
});
