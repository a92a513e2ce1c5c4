/**
 * The Electron shell: one window of one running instance, loaded over the app:// protocol from
 * the built renderer, with every security default on and nothing reachable outside the app.
 * IPC goes through the handlers of src-main/ipc, which validate every argument (and, outside
 * release builds, every answer). A release build has no reload and no developer tools.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS } from '../ipc/channels.js';
import { createHandlers, type Emit } from '../ipc/handlers.js';
import { createServices, languageOfLocale } from '../ipc/services.js';
import { databasePathIn, openStore } from '../store/index.js';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppPath } from './app-protocol.js';
import { releaseMenuTemplate } from './app-menu.js';
import { appRoot, appVersion } from './app-paths.js';
import { writeMemoFile } from './memo-export.js';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererRoot = path.join(import.meta.dirname, '../renderer');

/**
 * A build made for the end-to-end tests (SPARSITY_ADVISOR_TEST_BUILD=1, see electron-builder.ts).
 * electron.config.ts bakes the value in at build time, so a release cannot be switched at run time.
 */
const TEST_BUILD = process.env.SPARSITY_ADVISOR_TEST_BUILD === '1';

/** A packaged build for users: no developer tools, no reload, answers not re-checked. */
function isRelease(): boolean {
  return app.isPackaged && !TEST_BUILD;
}

function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Nothing the app loads lives outside app://; refuse every other request outright. The developer
  // tools' own pages (devtools://) load only where the tools exist: development and test builds.
  const devtools = !isRelease();
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(`${APP_ORIGIN}/`) && !(devtools && details.url.startsWith('devtools://')) });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * Only the app's own page may call the main process, and only its main frame: a subframe
 * (there are none, but an injected one must not inherit the page's rights) is refused, as VS
 * Code's validatedIpcMain does (src/vs/base/parts/ipc/electron-main/ipcMain.ts).
 */
function fromApp(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

function registerIpc(window: () => BrowserWindow | null): void {
  const root = appRoot();
  const { store, report } = openStore(databasePathIn(app.getPath('userData')), { createFolder: true });
  const stopBackups = store.startBackupTimer(10 * 60_000);
  app.on('will-quit', () => {
    stopBackups();
    store.close();
  });
  const handlers = createHandlers(
    createServices({
      store,
      appRoot: root,
      appVersion: appVersion(root),
      osLanguage: languageOfLocale(app.getLocale()),
      databaseNotice: report.recovered || report.damagedRecords.length > 0 ? report.message : null,
      chooseMemoPath: async (defaultName) => {
        const owner = window();
        const options = { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
      writeMemo: (request) => writeMemoFile(store, request, appVersion(root)),
      chooseModelFile: async () => {
        const owner = window();
        const options = { properties: ['openFile' as const], filters: [{ name: 'ONNX', extensions: ['onnx'] }] };
        const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
      },
      chooseCsvPath: async (defaultName) => {
        const owner = window();
        const options = { defaultPath: defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
    }),
    { checkResults: !isRelease() },
  );
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!fromApp(event)) return { ok: false, error: `${channel}: refused, the request did not come from the app`, kind: 'input' };
      const emit: Emit = (name, payload) => {
        if (!event.sender.isDestroyed()) event.sender.send(name, payload);
      };
      return handlers[channel](args, emit, event.sender.id);
    });
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 860,
    show: false,
    // Spelled out here, where static audits (electronegativity) can see every setting.
    webPreferences: {
      // The preload is the app's own and sandboxed; the audit's justification is the bundle's banner (electron.config.ts).
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !isRelease(),
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

function start(): void {
  let main: BrowserWindow | null = null;
  // A second launch brings this window forward instead of opening a second app on the same database.
  app.on('second-instance', () => {
    if (!main || main.isDestroyed()) return;
    if (main.isMinimized()) main.restore();
    main.focus();
  });
  void app.whenReady().then(() => {
    if (isRelease()) Menu.setApplicationMenu(Menu.buildFromTemplate(releaseMenuTemplate(process.platform)));
    serveApp();
    lockDown();
    try {
      registerIpc(() => main);
    } catch (error) {
      // The database could not be opened (not ours, from a newer app, locked): say so and stop, touching nothing.
      dialog.showErrorBox('Sparsity Advisor', (error as Error).message);
      app.quit();
      return;
    }
    main = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) main = createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

app.enableSandbox();
if (app.requestSingleInstanceLock()) start();
else app.quit();
