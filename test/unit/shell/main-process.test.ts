/**
 * Loads the real src-main/shell/main.ts with a stand-in for the electron module and checks the
 * security settings it applies, from the main-process code path itself, not from a copy. It is
 * loaded twice: as a release build (packaged) and as a build for the end-to-end tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src-main/ipc/channels.js';

const userData = mkdtempSync(path.join(tmpdir(), 'advisor-shell-'));
const recorded = vi.hoisted(() => ({
  isPackaged: true,
  singleInstance: true,
  quit: 0,
  menu: null as null | { template: any[] },
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
      get isPackaged() {
        return recorded.isPackaged;
      },
      whenReady: () => Promise.resolve(),
      on: (event: string, handler: (...args: any[]) => void) => recorded.appEvents.set(event, handler),
      getPath: () => userData,
      getLocale: () => 'ja-JP',
      enableSandbox: () => (recorded.sandboxEnabled = true),
      requestSingleInstanceLock: () => recorded.singleInstance,
      quit: () => recorded.quit++,
    },
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: any[]) => ({ template }),
      setApplicationMenu: (menu: any) => (recorded.menu = menu),
    },
    dialog: { showSaveDialog: async () => ({ canceled: true }), showErrorBox: () => {} },
    ipcMain: { handle: (channel: string, handler: any) => recorded.handlers.set(channel, handler) },
    net: { fetch: async () => new Response('x') },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privileged.push(...schemes),
      handle: (_scheme: string, handler: any) => (recorded.protocolHandler = handler),
    },
    session: { defaultSession },
  };
});

function reset(): void {
  recorded.menu = null;
  recorded.windows.length = 0;
  recorded.privileged.length = 0;
  recorded.appEvents.clear();
  recorded.handlers.clear();
  recorded.quit = 0;
}

async function load(): Promise<void> {
  vi.resetModules();
  reset();
  await import('../../../src-main/shell/main.js');
  await new Promise((resolve) => setTimeout(resolve, 50));
}

function verdict(url: string): boolean | undefined {
  let cancel: boolean | undefined;
  recorded.beforeRequest!({ url }, (r) => (cancel = r.cancel));
  return cancel;
}

const APP_FRAME = { url: 'app://advisor/index.html', parent: null };
const sender = { id: 1, isDestroyed: () => false, send: () => {} };

/** Every role in a menu template, submenus included. */
function roles(items: any[]): string[] {
  return items.flatMap((i) => [...(i.role ? [String(i.role).toLowerCase()] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

describe('the Electron main process, release build', () => {
  beforeAll(async () => {
    recorded.isPackaged = true;
    await load();
  });

  it('serves the app over app://, never file://', () => {
    expect(recorded.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(recorded.windows[0]!.url).toBe('app://advisor/index.html');
  });

  it('opens a window with isolation and sandbox on, Node and the developer tools off', () => {
    const prefs = recorded.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(prefs.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(recorded.sandboxEnabled).toBe(true);
  });

  it('sets a minimal menu without reload or developer tools (issue 18, defect 13)', () => {
    expect(recorded.menu).not.toBeNull();
    const all = roles(recorded.menu!.template);
    expect(all).toContain('editmenu');
    for (const banned of ['reload', 'forcereload', 'toggledevtools', 'viewmenu']) expect(all).not.toContain(banned);
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) recorded.permissionRequest!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(recorded.permissionCheck!()).toBe(false);
  });

  it('cancels every request that leaves app://, devtools:// included', () => {
    expect(verdict('app://advisor/assets/index.js')).toBe(false);
    expect(verdict('https://example.com/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('http://127.0.0.1:8080/')).toBe(true);
    expect(verdict('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('denies navigation, redirects and new windows for every web contents', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    recorded.appEvents.get('web-contents-created')!({}, {
      on: (name: string, fn: any) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: any) => (openHandler = fn),
    });
    for (const name of ['will-navigate', 'will-redirect']) {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('runs as a single instance, bringing the window forward on a second launch', () => {
    expect(recorded.appEvents.has('second-instance')).toBe(true);
  });

  it('registers one IPC handler per channel, refusing senders that are not the app’s main frame', async () => {
    expect([...recorded.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const handler = recorded.handlers.get('appInfo')!;
    const foreign = await handler({ senderFrame: { url: 'https://evil.example/', parent: null }, sender }, {});
    expect(foreign).toMatchObject({ ok: false, error: expect.stringContaining('did not come from the app') });
    const subframe = await handler({ senderFrame: { url: 'app://advisor/index.html', parent: APP_FRAME }, sender }, {});
    expect(subframe).toMatchObject({ ok: false, error: expect.stringContaining('did not come from the app') });
    const own = await handler({ senderFrame: APP_FRAME, sender }, {});
    expect(own).toMatchObject({ ok: true, value: { osLanguage: 'ja' } });
    const malformed = await recorded.handlers.get('getScenario')!({ senderFrame: APP_FRAME, sender }, { id: 7 });
    expect(malformed).toMatchObject({ ok: false, kind: 'input', field: 'id' });
  });

  it('adds the content security policy to what the protocol serves and refuses paths outside the build', async () => {
    const ok = await recorded.protocolHandler!(new Request('app://advisor/index.html'));
    expect(ok.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const escape = await recorded.protocolHandler!(new Request('app://advisor/..%2F..%2Fpackage.json'));
    expect(escape.status).toBe(404);
    const malformed = await recorded.protocolHandler!(new Request('app://advisor/%ZZ'));
    expect(malformed.status).toBe(404);
  });
});

describe('the Electron main process, build for the end-to-end tests', () => {
  beforeAll(async () => {
    recorded.isPackaged = true;
    vi.stubEnv('SPARSITY_ADVISOR_TEST_BUILD', '1');
    await load();
  });
  afterAll(() => vi.unstubAllEnvs());

  it('keeps the default menu and the developer tools', () => {
    expect(recorded.menu).toBeNull();
    expect(recorded.windows[0]!.options.webPreferences.devTools).toBe(true);
    expect(verdict('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(verdict('https://example.com/')).toBe(true);
  });
});

describe('a second launch', () => {
  beforeAll(async () => {
    recorded.singleInstance = false;
    await load();
  });
  afterAll(() => (recorded.singleInstance = true));

  it('quits at once without opening a window or the database', () => {
    expect(recorded.quit).toBe(1);
    expect(recorded.windows).toEqual([]);
    expect(recorded.handlers.size).toBe(0);
  });
});
