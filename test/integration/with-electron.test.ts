/**
 * `npm start`'s first step without the internet: a fake Electron release (zip + SHASUMS256.txt) served from a
 * loopback mirror, fetched by Electron's own installer into a copy of the electron package in a temporary project.
 * The project's own node_modules are never written to.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronVersion } from '../../src-main/launch/electron-binary.js';
import { CLI_EXAMPLE } from '../../src-main/launch/missing-electron-message.js';
import { REPO_ROOT } from '../support/cli.js';
import { storedZip } from '../support/stored-zip.js';

const WITH_ELECTRON = path.join(REPO_ROOT, 'src-main/launch/with-electron.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const VERSION = electronVersion(path.join(REPO_ROOT, 'node_modules/electron'));
const ZIP_NAME = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;
const EXECUTABLE = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
/** What the fake binary prints, so a test can tell it from any other Electron. */
const FAKE_OUTPUT = `fake electron ${VERSION}`;

interface Project {
  root: string;
  electronDir: string;
  cache: string;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A project as `npm ci` leaves it: the electron package without dist/ or path.txt. */
function fakeProject(): Project {
  const root = mkdtempSync(path.join(tmpdir(), 'sparsity-advisor-launch-'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'launch-test', private: true }));
  const source = path.join(REPO_ROOT, 'node_modules/electron');
  const electronDir = path.join(root, 'node_modules/electron');
  cpSync(source, electronDir, {
    recursive: true,
    filter: (file) => !['dist', 'path.txt', 'node_modules'].includes(path.relative(source, file).split(path.sep)[0]!),
  });
  return { root, electronDir, cache: path.join(root, 'electron-cache') };
}

/**
 * The environment npm start would see, minus every Electron download setting of this machine. NODE_PATH lets the
 * copied installer load @electron/get and the zip extractor from the project's node_modules.
 */
function launchEnv(project: Project, settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !/^(electron_|npm_config_electron_|npm_package_config_electron_|npm_config_(platform|arch)$|force_no_cache$)/i.test(key),
  );
  return {
    ...Object.fromEntries(inherited),
    NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
    ELECTRON_GET_NO_PROGRESS: '1',
    electron_config_cache: project.cache,
    ...settings,
  };
}

/** Runs with-electron.ts as npm start does, asynchronously, so the in-process mirror can answer. */
function launch(project: Project, env: NodeJS.ProcessEnv, args: string[] = []): Promise<Run> {
  const child = spawn(process.execPath, ['--import', TSX, WITH_ELECTRON, ...args], { cwd: project.root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP mirror on 127.0.0.1 that serves exactly the given files, answers 404 otherwise and times out idle sockets. */
async function serveMirror(files: Record<string, Buffer>): Promise<Mirror> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = request.method === 'GET' ? files[request.url ?? ''] : undefined;
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The release files a mirror holds for this platform: the zip, and SHASUMS256.txt with its checksum (or another). */
function fakeRelease(checksumOf: Buffer | null = null): Record<string, Buffer> {
  const zip = storedZip([
    { name: EXECUTABLE, content: `#!/bin/sh\necho "${FAKE_OUTPUT}"\n`, mode: 0o755 },
    { name: 'version', content: VERSION },
  ]);
  const sha256 = createHash('sha256')
    .update(checksumOf ?? zip)
    .digest('hex');
  return {
    [`/v${VERSION}/${ZIP_NAME}`]: zip,
    [`/v${VERSION}/SHASUMS256.txt`]: Buffer.from(`${sha256} *${ZIP_NAME}\n`),
  };
}

const NO_STACK = /^\s+at /m;

describe.skipIf(process.platform === 'win32')('npm start fetches Electron through Electron\'s installer (loopback mirror)', () => {
  let project: Project;
  let mirror: Mirror | null = null;

  beforeEach(() => {
    project = fakeProject();
  });
  afterEach(async () => {
    await mirror?.close();
    mirror = null;
    rmSync(project.root, { recursive: true, force: true });
  });

  it('downloads the release from ELECTRON_MIRROR, checks it against the mirror\'s SHASUMS256.txt, and finds the executable', async () => {
    mirror = await serveMirror(fakeRelease());
    const env = launchEnv(project, { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
    const run = await launch(project, env);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.code).toBe(0);
    expect(mirror.requests).toEqual([`/v${VERSION}/${ZIP_NAME}`, `/v${VERSION}/SHASUMS256.txt`]);
    expect(readFileSync(path.join(project.electronDir, 'path.txt'), 'utf8')).toBe(EXECUTABLE);
    const executable = path.join(project.electronDir, 'dist', EXECUTABLE);
    expect(run.stdout.trim()).toBe(executable);
    expect(statSync(executable).mode & 0o111).not.toBe(0);
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(executable);
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      child.once('error', reject).once('close', () => resolve(text));
    });
    expect(output.trim()).toBe(FAKE_OUTPUT);
    // Kept in the cache, so a later start (or another project) needs no network.
    expect(readdirSync(project.cache, { recursive: true }).map(String)).toEqual(expect.arrayContaining([expect.stringMatching(ZIP_NAME)]));

    const again = await launch(project, env);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(executable);
    expect(mirror.requests).toHaveLength(2);
  });

  it('runs the command it wraps with ELECTRON_EXEC_PATH set to the binary, and exits with its status', async () => {
    mirror = await serveMirror(fakeRelease());
    const tool = path.join(project.root, 'node_modules/fake-vite');
    mkdirSync(tool, { recursive: true });
    writeFileSync(path.join(tool, 'package.json'), JSON.stringify({ name: 'fake-vite', bin: { 'fake-vite': 'cli.js' } }));
    writeFileSync(
      path.join(tool, 'cli.js'),
      'console.log(JSON.stringify({ exec: process.env.ELECTRON_EXEC_PATH, args: process.argv.slice(2) })); process.exit(3);\n',
    );
    const env = launchEnv(project, { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
    const run = await launch(project, env, ['fake-vite', 'preview', '-c', 'electron.config.ts']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual({ exec: path.join(project.electronDir, 'dist', EXECUTABLE), args: ['preview', '-c', 'electron.config.ts'] });
  });

  it('refuses a download whose checksum does not match the mirror\'s SHASUMS256.txt, and installs nothing', async () => {
    mirror = await serveMirror(fakeRelease(Buffer.from('another file')));
    const run = await launch(project, launchEnv(project, { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Electron ${VERSION}'s binary could not be downloaded`);
    expect(run.stderr).toMatch(/Why: .*checksum/);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(existsSync(path.join(project.electronDir, 'path.txt'))).toBe(false);
  });

  it('without a reachable mirror, says what failed, why and what to do, with no stack trace, and exits 1', async () => {
    const port = await closedPort();
    const run = await launch(project, launchEnv(project, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }), ['electron-vite', 'preview']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Cannot open the desktop app: Electron ${VERSION}'s binary could not be downloaded.`);
    expect(run.stderr).toContain(`Why: no network connection to 127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}).`);
    expect(run.stderr).toContain(`in ${project.cache}`);
    expect(run.stderr).toContain('ELECTRON_EXEC_PATH');
    expect(run.stderr).toContain('packaged app');
    expect(run.stderr).toContain(CLI_EXAMPLE);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(run.stderr).not.toMatch(/TypeError|fetch failed/);
    expect(existsSync(path.join(project.electronDir, 'path.txt'))).toBe(false);
  });

  it('uses the binary ELECTRON_EXEC_PATH names and downloads nothing', async () => {
    const binary = path.join(project.root, 'my-electron');
    writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
    const port = await closedPort();
    const run = await launch(project, launchEnv(project, { ELECTRON_EXEC_PATH: binary, ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }));
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(binary);
    expect(existsSync(path.join(project.electronDir, 'path.txt'))).toBe(false);
    expect(existsSync(project.cache)).toBe(false);
  });

  it('uses the build in ELECTRON_OVERRIDE_DIST_PATH and downloads nothing', async () => {
    const dist = path.join(project.root, 'electron-build');
    mkdirSync(path.dirname(path.join(dist, EXECUTABLE)), { recursive: true });
    writeFileSync(path.join(dist, EXECUTABLE), '#!/bin/sh\n', { mode: 0o755 });
    const port = await closedPort();
    const run = await launch(project, launchEnv(project, { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }));
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(path.join(dist, EXECUTABLE));
    expect(existsSync(path.join(project.electronDir, 'path.txt'))).toBe(false);
  });

  it('says so when ELECTRON_EXEC_PATH names no file, instead of downloading', async () => {
    const missing = path.join(project.root, 'no-such-electron');
    const run = await launch(project, launchEnv(project, { ELECTRON_EXEC_PATH: missing }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Why: ELECTRON_EXEC_PATH names ${missing}, which is not a file.`);
    expect(run.stderr).toContain(CLI_EXAMPLE);
    expect(run.stderr).not.toMatch(NO_STACK);
    expect(existsSync(path.join(project.electronDir, 'path.txt'))).toBe(false);
  });
});
