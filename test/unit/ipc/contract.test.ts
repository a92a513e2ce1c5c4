import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS, subscriberName, type Channel } from '../../../src-main/ipc/channels.js';
import { contract } from '../../../src-main/ipc/contract.js';
import { createHandlers, type Emit } from '../../../src-main/ipc/handlers.js';
import { createServices } from '../../../src-main/ipc/services.js';
import { openStore } from '../../../src-main/store/index.js';
import { REPO_ROOT } from '../../support/cli.js';
import { exampleScenario } from '../../support/scenarios.js';
import { transformerModel } from '../../support/own-models.js';

const folder = mkdtempSync(path.join(tmpdir(), 'advisor-ipc-'));
const { store } = openStore(path.join(folder, 'advisor.sqlite'));
afterAll(() => store.close());

const handlers = createHandlers(
  createServices({
    store,
    appRoot: REPO_ROOT,
    appVersion: '0.0.0-test',
    osLanguage: 'ja',
    databaseNotice: null,
    chooseMemoPath: async () => null,
    writeMemo: async () => {
      throw new Error('not in this test');
    },
  }),
  { checkResults: true },
);
const events: { event: string; payload: unknown }[] = [];
const emit: Emit = (event, payload) => events.push({ event, payload });

/** One malformed argument per channel: a wrong type, an unknown key, or a missing field. */
const MALFORMED: Record<Channel, unknown> = {
  appInfo: { extra: true },
  listExamples: 'all of them',
  listScenarios: { includeArchived: 'yes' },
  getScenario: { id: 42 },
  saveScenario: { scenario: { format: 'sparsity-advisor/scenario', version: 1 } },
  renameScenario: { id: 'x', name: '   ' },
  duplicateScenario: {},
  archiveScenario: { id: 'x' },
  importDocument: { text: '', fileName: 'a.json' },
  runHardwareCheck: { quick: true, providers: ['quantum'] },
  cancelHardwareCheck: { now: true },
  listBenchmarks: [1, 2, 3],
  getBenchmark: { id: '' },
  fitLaw: { csv: 'a,b', fileName: 'x.csv', dataUnit: 'steps', logResiduals: false },
  planPilot: { family: 'vit', budgetGpuHours: -1, gpuFlops: 312e12, utilisation: 0.4 },
  exportPilotCsv: { runs: [], defaultName: 'plan.csv' },
  cancelFit: { fit: 'all' },
  exportMemo: { scenario: {}, benchmarkId: null, language: 'fr', scenarioRef: null },
  chooseModelFile: { path: '/etc/passwd' },
  runModelBenchmark: { token: 't', pattern: '3:8' },
  cancelModelBenchmark: { force: true },
};

describe('the IPC contract', () => {
  it('has argument and result schemas for every channel, and a subscribe function name per event', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(EVENTS.map(subscriberName)).toEqual(['onHardwareCheckProgress', 'onFitProgress', 'onModelBenchmarkProgress']);
  });

  it.each(CHANNELS)('%s refuses a malformed argument with a clear error, never a crash', async (channel) => {
    const answer = await handlers[channel](MALFORMED[channel], emit);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.startsWith(`${channel}`)).toBe(true);
      expect(answer.error.length).toBeLessThan(300);
    }
  });

  it('answers well-formed calls with real data', async () => {
    const info = await handlers.appInfo({}, emit);
    expect(info).toEqual({ ok: true, value: { version: '0.0.0-test', osLanguage: 'ja', platform: process.platform, databaseNotice: null } });
    const examples = await handlers.listExamples({}, emit);
    expect(examples.ok && (examples.value as unknown[]).length).toBe(6);
    const saved = await handlers.saveScenario({ scenario: exampleScenario('visual-inspection') }, emit);
    expect(saved.ok).toBe(true);
    const id = (saved as { value: { id: string } }).value.id;
    const renamed = await handlers.renameScenario({ id, name: 'Line 3' }, emit);
    expect(renamed).toMatchObject({ ok: true, value: { id, revision: 2, name: 'Line 3' } });
    const listed = await handlers.listScenarios({}, emit);
    expect(listed).toMatchObject({ ok: true, value: [{ id, name: 'Line 3', latestRevision: 2 }] });
  });

  it('turns a failure inside a service into an answer naming the channel', async () => {
    const missing = await handlers.getScenario({ id: 'no-such-scenario' }, emit);
    expect(missing.ok).toBe(false);
    const notJson = await handlers.importDocument({ text: 'not json', fileName: 'bad.json' }, emit);
    expect(notJson).toMatchObject({ ok: false });
    expect((notJson as { error: string }).error).toContain('bad.json');
  });

  it('refuses a machine role it does not know, naming the field, for a run and for an import', async () => {
    const run = await handlers.runHardwareCheck({ quick: true, role: 'production' }, emit);
    expect(run).toMatchObject({ ok: false, error: expect.stringMatching(/^runHardwareCheck\.role/) });
    const imported = await handlers.importDocument({ text: '{}', fileName: 'run.json', role: 'laptop' }, emit);
    expect(imported).toMatchObject({ ok: false, error: expect.stringMatching(/^importDocument\.role/) });
  });

  it('runs a fit in a worker thread and streams its progress', async () => {
    events.length = 0;
    const rows = ['sparsity,nonzero_params,data,loss'];
    for (const s of [0, 0.5, 0.75]) for (const n of [1e6, 4e6]) for (const d of [1e9, 2e9, 4e9]) rows.push(`${s},${n},${d},${(3 + (20 * (1 - s) ** 0.8 + 10) * (n / 1e6) ** -0.3 + (1e9 / d) ** 0.5).toFixed(6)}`);
    const answer = await handlers.fitLaw({ csv: rows.join('\n'), fileName: 'pilot.csv', dataUnit: 'tokens', logResiduals: false, bootstrap: 5, starts: 8 }, emit);
    expect(answer).toMatchObject({ ok: true });
    const value = (answer as { value: { runs: unknown[]; predicted: number[]; intervals: Record<string, unknown> } }).value;
    expect(value.runs).toHaveLength(18);
    expect(value.predicted).toHaveLength(18);
    expect(Object.keys(value.intervals)).toContain('m(0.75)');
    expect(events.filter((e) => e.event === 'fitProgress').length).toBeGreaterThanOrEqual(5);
    const bad = await handlers.fitLaw({ csv: 'sparsity,nonzero_params,data,loss\n0,1e6,lots,3\n', fileName: 'bad.csv', dataUnit: 'tokens', logResiduals: false }, emit);
    expect(bad).toEqual({ ok: false, error: 'line 2, column data: expected a decimal number, got "lots"', kind: 'input', field: 'line 2, column data' });
  });

  it('answers errors with their kind and the field they are about (notes/style.md §3.6)', async () => {
    const malformed = await handlers.getScenario({ id: 42 }, emit);
    expect(malformed).toMatchObject({ ok: false, kind: 'input', field: 'id' });
    const missing = await handlers.getScenario({ id: 'no-such-scenario' }, emit);
    expect(missing).toMatchObject({ ok: false, kind: 'input', field: 'scenarioId' });
  });

  it('never drops an expectedRevision: without an id it is refused, with a stale one the save is (defect 5)', async () => {
    const guarded = await handlers.saveScenario({ scenario: exampleScenario('visual-inspection'), expectedRevision: 99 }, emit);
    expect(guarded).toMatchObject({ ok: false, kind: 'input', field: 'expectedRevision' });
    const saved = (await handlers.saveScenario({ scenario: exampleScenario('visual-inspection') }, emit)) as { ok: true; value: { id: string } };
    await handlers.renameScenario({ id: saved.value.id, name: 'Second' }, emit);
    const stale = await handlers.renameScenario({ id: saved.value.id, name: 'Stale', expectedRevision: 1 }, emit);
    expect(stale).toMatchObject({ ok: false, kind: 'input', field: 'expectedRevision' });
    const staleSave = await handlers.saveScenario({ id: saved.value.id, scenario: exampleScenario('visual-inspection'), expectedRevision: 1 }, emit);
    expect(staleSave).toMatchObject({ ok: false, field: 'expectedRevision' });
  });

  it('reports the backup taken after a save', async () => {
    const saved = await handlers.saveScenario({ scenario: exampleScenario('visual-inspection') }, emit);
    expect(saved).toMatchObject({ ok: true, value: { backup: { ok: true, current: true, failuresInARow: 0 } } });
  });

  it('runs one fit at a time per window, and a fit can be cancelled (defect 4)', async () => {
    const rows = ['sparsity,nonzero_params,data,loss'];
    for (let i = 0; i < 2000; i++) {
      const s = (i % 4) * 0.25 * 0.9, n = 1e6 * (1 + (i % 7)), d = 1e9 * (1 + (i % 11));
      rows.push(`${s},${n},${d},${(3 + (20 * (1 - s) ** 0.8 + 10) * (n / 1e6) ** -0.3 + (1e9 / d) ** 0.5).toFixed(6)}`);
    }
    const job = { csv: rows.join('\n'), fileName: 'long.csv', dataUnit: 'tokens' as const, logResiduals: false, starts: 1000, bootstrap: 0 };
    const started = Date.now();
    const first = handlers.fitLaw(job, emit, 'window-1');
    await new Promise((r) => setTimeout(r, 300));
    expect(await handlers.fitLaw(job, emit, 'window-1')).toMatchObject({ ok: false, kind: 'input', field: 'fitLaw' });
    expect(await handlers.cancelFit({}, emit, 'window-2')).toEqual({ ok: true, value: { cancelled: false } });
    expect(await handlers.cancelFit({}, emit, 'window-1')).toEqual({ ok: true, value: { cancelled: true } });
    expect(await first).toMatchObject({ ok: false, kind: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await handlers.cancelFit({}, emit, 'window-1')).toEqual({ ok: true, value: { cancelled: false } });
  }, 30_000);

  it('refuses a fit that would run for many minutes, naming what to reduce', async () => {
    const rows = ['sparsity,nonzero_params,data,loss', ...Array.from({ length: 10_000 }, (_, i) => `0.5,${1e6 + i},1e9,3.25`)];
    const started = Date.now();
    const answer = await handlers.fitLaw({ csv: rows.join('\n'), fileName: 'big.csv', dataUnit: 'tokens', logResiduals: false, starts: 1000, bootstrap: 2000 }, emit, 'window-3');
    expect(answer).toMatchObject({ ok: false, kind: 'input', field: 'bootstrap' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await handlers.fitLaw({ csv: rows.join('\n'), fileName: 'big.csv', dataUnit: 'tokens', logResiduals: false, bootstrap: 1 }, emit)).toMatchObject({
      ok: false,
      field: 'bootstrap',
    });
  });

  it('checks answers against the result schemas when asked to (development and test builds)', async () => {
    const services = createServices({
      store,
      appRoot: REPO_ROOT,
      appVersion: '0.0.0-test',
      osLanguage: 'ja',
      databaseNotice: null,
      chooseMemoPath: async () => null,
      writeMemo: async () => {
        throw new Error('not in this test');
      },
    });
    const drifting = { ...services, appVersion: 7 as unknown as string };
    expect(await createHandlers(drifting).appInfo({}, emit)).toMatchObject({ ok: true });
    const checked = await createHandlers(drifting, { checkResults: true }).appInfo({}, emit);
    expect(checked).toMatchObject({ ok: false, kind: 'failure', error: expect.stringContaining('does not match the contract') });
  });

  it('plans a pilot in a worker thread, refusing a bad budget by name', async () => {
    const answer = await handlers.planPilot({ family: 't5', budgetGpuHours: 100, gpuFlops: 312e12, utilisation: 0.4 }, emit);
    expect(answer).toMatchObject({ ok: true });
    const { plan, csv } = (answer as { value: { plan: { totalGpuHours: number; runs: unknown[] }; csv: string } }).value;
    expect(plan.totalGpuHours).toBeLessThanOrEqual(100);
    expect(csv.split('\n')[0]).toBe('label,sparsity,nonzero_params,dense_params,data,gpu_hours,loss');
    const zero = await handlers.planPilot({ family: 't5', budgetGpuHours: 0, gpuFlops: 312e12, utilisation: 0.4 }, emit);
    expect(zero).toMatchObject({ ok: false, error: expect.stringContaining('budgetGpuHours') });
    const tooSmall = await handlers.planPilot({ family: 't5', budgetGpuHours: 1, gpuFlops: 312e12, utilisation: 0.4 }, emit);
    expect(tooSmall).toMatchObject({ ok: false, error: expect.stringMatching(/^budgetGpuHours: .*smallest budget that works/) });
    // No save dialog in this test: exporting is answered as cancelled.
    const exported = await handlers.exportPilotCsv({ runs: plan.runs, defaultName: 'plan.csv' }, emit);
    expect(exported).toEqual({ ok: true, value: null });
  });
});

describe('the own-model channels', () => {
  const models = mkdtempSync(path.join(tmpdir(), 'advisor-ipc-models-'));
  let picked: string | null = null;
  const own = createHandlers(
    createServices({
      store,
      appRoot: REPO_ROOT,
      appVersion: '0.0.0-test',
      osLanguage: 'en',
      databaseNotice: null,
      chooseMemoPath: async () => null,
      writeMemo: async () => {
        throw new Error('not in this test');
      },
      chooseModelFile: async () => picked,
    }),
  );

  it('describes a picked model with a token and its inputs, never its path', async () => {
    picked = path.join(models, 'block.onnx');
    writeFileSync(picked, transformerModel());
    const answer = await own.chooseModelFile({}, emit);
    expect(answer.ok).toBe(true);
    const overview = (answer as { value: Record<string, unknown> }).value;
    expect(contract.chooseModelFile.result.parse(overview)).toMatchObject({
      fileName: 'block.onnx',
      family: 'transformer',
      inputs: [{ name: 'ids', dtype: 'int64', dims: ['batch', 'seq'], needsShape: true }],
      defaultLayers: 6,
    });
    expect(JSON.stringify(overview)).not.toContain(models);
    // A dynamic shape the renderer did not give is an error naming the input, before any child starts.
    const run = await own.runModelBenchmark({ token: overview.token }, emit);
    expect(run).toMatchObject({ ok: false, error: expect.stringMatching(/^inputs: input ids has a dynamic dimension seq/), kind: 'input' });
  });

  it('answers null when the user cancels the picker, and refuses a token it never gave', async () => {
    picked = null;
    expect(await own.chooseModelFile({}, emit)).toEqual({ ok: true, value: null });
    expect(await own.runModelBenchmark({ token: 'made-up' }, emit)).toMatchObject({ ok: false, error: 'token: unknown model file; choose the file again', kind: 'input', field: 'token' });
    expect(await own.cancelModelBenchmark({}, emit)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a picked file that is not ONNX, naming it', async () => {
    picked = path.join(models, 'notes.onnx');
    writeFileSync(picked, 'minutes of the meeting');
    const answer = await own.chooseModelFile({}, emit);
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^notes\.onnx: not an ONNX model/), kind: 'input' });
  });
});

describe('the memo export', () => {
  it('hands the memo the stored measurement with the machine’s role the user gave, and its own stored role when none was given', async () => {
    const { benchmarkDocument, measuredRow } = await import('../../support/scenarios.js');
    store.benchmarks.save(benchmarkDocument([measuredRow('cpu', 0.5, 1.3)]));
    const seen: unknown[] = [];
    const memo = createHandlers(
      createServices({
        store,
        appRoot: REPO_ROOT,
        appVersion: '0.0.0-test',
        osLanguage: 'en',
        databaseNotice: null,
        chooseMemoPath: async (name) => path.join(folder, name),
        writeMemo: async (request) => {
          seen.push(request.benchmark);
          return { path: 'memo.pdf', contentHash: 'x', pages: 1, scenarioRef: { id: 's', revision: 1 } };
        },
      }),
    );
    const args = { scenario: exampleScenario('visual-inspection'), benchmarkId: 'bench-test', language: 'en', scenarioRef: null };
    expect((await memo.exportMemo({ ...args, benchmarkRole: 'deployment' }, emit)).ok).toBe(true);
    expect(await memo.exportMemo(args, emit)).toMatchObject({ ok: true });
    expect(await memo.exportMemo({ ...args, benchmarkRole: 'laptop' }, emit)).toMatchObject({ ok: false });
    expect((seen[0] as { role?: string }).role).toBe('deployment');
    // Without a role from the user, the stored run keeps its own (format v2: development unless stated).
    expect((seen[1] as { role?: string }).role).toBe('development');
    expect((seen[1] as { id: string }).id).toBe('bench-test');
  });
});
