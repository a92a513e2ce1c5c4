/**
 * The main-process side of every channel: validate the argument against the contract, run the
 * service, answer { ok, value } or { ok: false, error }. The Electron shell registers these with
 * ipcMain; the renderer end-to-end tests expose the very same functions to the page.
 */
import type { BenchmarkResult, MachineRole } from '../core/hardware/benchmark-result.js';
import type { HardwareCheckOptions } from '../core/hardware/suite-settings.js';
import type { ModelBenchmarkOptions } from '../core/own-model/model-plan.js';
import type { ModelOverview } from '../core/own-model/model-overview.js';
import { CancelledError, errorField, errorKind } from '../core/errors.js';
import { InputError } from '../core/input.js';
import { schemaError } from '../core/schema.js';
import type { BackupStatus } from '../store/backup-status.js';
import { DamagedRecordError } from '../store/store-errors.js';
import type { Scenario } from '../core/roi/scenario.js';
import type { FitJob, FitOutcome } from '../fit/fit-job.js';
import type { PilotJob, PilotOutcome } from '../fit/pilot-job.js';
import { pilotRunsCsv } from '../core/law/pilot-csv.js';
import type { AdvisorStore } from '../store/store.js';
import { importDocument, parseImportText } from '../store/transfer.js';
import { CHANNELS, type Channel, type EventName } from './channels.js';
import { contract, type Answer, type EventPayload, type ParsedArgs, type Result } from './contract.js';

export interface Example {
  id: string;
  language: 'en' | 'ja';
  name: string;
  scenario: Scenario;
  /** The shipped hardware-check result the example cites, if any. */
  benchmark: BenchmarkResult | null;
}

export interface MemoRequest {
  scenario: Scenario;
  benchmark: BenchmarkResult | null;
  language: 'en' | 'ja';
  scenarioRef: { id: string; revision: number } | null;
  path: string;
}

/** What the handlers need from the world; the shell passes the real services, tests the same ones. */
export interface Services {
  appVersion: string;
  osLanguage: 'en' | 'ja';
  platform: string;
  /** What opening the database found, when it had to recover, for the app to tell the user. */
  databaseNotice: string | null;
  store: AdvisorStore;
  examples(): Example[];
  runHardwareCheck(
    options: HardwareCheckOptions & { role: MachineRole },
    hooks: { onProgress: (p: EventPayload<'hardwareCheckProgress'>) => void; signal: AbortSignal },
  ): Promise<BenchmarkResult>;
  runFit(job: FitJob, hooks: { onProgress: (fraction: number, current: string) => void; signal: AbortSignal }): Promise<FitOutcome>;
  /** Asks which ONNX model to measure (an open dialog in the app); null when the user cancels. */
  chooseModelFile(): Promise<string | null>;
  /** Checks and describes a model file; `token` is what the renderer will hold instead of its path. */
  describeModelFile(file: string, token: string): ModelOverview;
  runModelBenchmark(
    file: string,
    options: ModelBenchmarkOptions,
    hooks: { onProgress: (p: EventPayload<'modelBenchmarkProgress'>) => void; signal: AbortSignal },
  ): Promise<BenchmarkResult>;
  runPilot(job: PilotJob): Promise<PilotOutcome>;
  /** Asks where to save a text file (a save dialog in the app), writes it there; null when the user cancels. */
  saveText(defaultName: string, text: string, kind: 'csv'): Promise<string | null>;
  /** Refreshes the backup after a save and says how it went; absent where there is nothing to back up. */
  backup?(): Promise<BackupStatus>;
  /** Asks where to save the memo (a save dialog in the app); null when the user cancels. */
  chooseMemoPath(defaultName: string): Promise<string | null>;
  writeMemo(request: MemoRequest): Promise<{ path: string; contentHash: string; pages: number; scenarioRef: { id: string; revision: number } }>;
}

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
/** `caller` identifies the window (its web contents) a call came from; long work is limited per caller. */
export type Handler = (args: unknown, emit: Emit, caller?: string | number) => Promise<Answer<unknown>>;
export type Handlers = Record<Channel, Handler>;

export interface HandlerOptions {
  /**
   * Check every answer against the contract's result schema too (development and test builds):
   * a service that drifts from the contract is caught where it happens, not in the renderer.
   */
  checkResults?: boolean;
}

type Implementation<C extends Channel> = (args: ParsedArgs<C>, emit: Emit, caller: string | number) => Promise<Result<C>> | Result<C>;

function describeError(channel: Channel, error: unknown): string {
  const kind = errorKind(error);
  if (kind === 'input' || kind === 'environment' || kind === 'cancelled' || error instanceof DamagedRecordError) return (error as Error).message;
  return `${channel} failed: ${(error as Error).message ?? String(error)}`;
}

/** Model files the user picked in this session, by token: paths stay in the main process. */
const MAX_MODEL_TOKENS = 32;

/** The error side of an answer: the message, its kind and the field it names (notes/style.md §3.6). */
export function failure(channel: Channel, error: unknown): Answer<never> {
  const field = errorField(error) ?? (error instanceof DamagedRecordError ? error.record : undefined);
  const kind = error instanceof DamagedRecordError ? 'environment' : errorKind(error);
  return { ok: false, error: describeError(channel, error), kind, ...(field === undefined ? {} : { field }) };
}

export function createHandlers(services: Services, options: HandlerOptions = {}): Handlers {
  let running: AbortController | null = null;
  /** One fit at a time per window: a second one would only compete for the same cores. */
  const fits = new Map<string | number, AbortController>();
  const backup = async () => (services.backup ? await services.backup() : null);
  let runningModel: AbortController | null = null;
  const modelFiles = new Map<string, string>();

  const ownModel: { [C in 'chooseModelFile' | 'runModelBenchmark' | 'cancelModelBenchmark']: Implementation<C> } = {
    chooseModelFile: async () => {
      const file = await services.chooseModelFile();
      if (file === null) return null;
      const token = globalThis.crypto.randomUUID();
      const overview = services.describeModelFile(file, token);
      modelFiles.set(token, file);
      if (modelFiles.size > MAX_MODEL_TOKENS) modelFiles.delete(modelFiles.keys().next().value!);
      return overview;
    },
    runModelBenchmark: async (args, emit) => {
      const file = modelFiles.get(args.token);
      if (file === undefined) throw new InputError('token', 'unknown model file; choose the file again');
      if (runningModel) throw new InputError('runModelBenchmark', 'a model benchmark is already running');
      runningModel = new AbortController();
      try {
        const result = await services.runModelBenchmark(
          file,
          {
            inputs: args.inputs,
            batch: args.batch,
            sparsities: args.sparsities,
            pattern: args.pattern,
            layers: args.layers,
            providers: args.providers,
            quick: args.quick,
          },
          { onProgress: (p) => emit('modelBenchmarkProgress', p), signal: runningModel.signal },
        );
        if (args.save) services.store.benchmarks.save(result);
        return result;
      } finally {
        runningModel = null;
      }
    },
    cancelModelBenchmark: () => {
      const cancelled = runningModel !== null;
      runningModel?.abort();
      return { cancelled };
    },
  };

  const implementations: { [C in Channel]: Implementation<C> } = {
    ...ownModel,
    appInfo: () => ({
      version: services.appVersion,
      osLanguage: services.osLanguage,
      platform: services.platform,
      databaseNotice: services.databaseNotice,
    }),
    listExamples: () => services.examples(),
    listScenarios: (args) => services.store.scenarios.list({ includeArchived: args.includeArchived }),
    getScenario: (args) => {
      const r = services.store.scenarios.get(args.id, args.revision);
      return { id: r.id, revision: r.revision, name: r.name, scenario: r.document };
    },
    saveScenario: async (args) => {
      const r = args.id
        ? services.store.scenarios.saveRevision(args.id, args.scenario, { expectedRevision: args.expectedRevision })
        : services.store.scenarios.create(args.scenario);
      return { id: r.id, revision: r.revision, name: r.name, backup: await backup() };
    },
    renameScenario: (args) => {
      const r = services.store.scenarios.rename(args.id, args.name, { expectedRevision: args.expectedRevision });
      return { id: r.id, revision: r.revision, name: r.name };
    },
    duplicateScenario: (args) => {
      const r = services.store.scenarios.duplicate(args.id, { name: args.name });
      return { id: r.id, revision: r.revision, name: r.name };
    },
    archiveScenario: (args) => {
      const s = args.archived ? services.store.scenarios.archive(args.id) : services.store.scenarios.unarchive(args.id);
      return { id: s.id, archivedAt: s.archivedAt };
    },
    importDocument: (args) => {
      const imported = importDocument(services.store, parseImportText(args.text, args.fileName), {
        source: args.fileName,
        ...(args.role === undefined ? {} : { role: args.role }),
      });
      return { kind: imported.kind, id: imported.id, name: imported.name };
    },
    runHardwareCheck: async (args, emit) => {
      if (running) throw new InputError('runHardwareCheck', 'a hardware check is already running');
      running = new AbortController();
      try {
        const result = await services.runHardwareCheck(
          { quick: args.quick, providers: args.providers, threads: args.threads, tokens: args.tokens, role: args.role },
          { onProgress: (p) => emit('hardwareCheckProgress', p), signal: running.signal },
        );
        if (args.save) services.store.benchmarks.save(result);
        return result;
      } finally {
        running = null;
      }
    },
    cancelHardwareCheck: () => {
      const cancelled = running !== null;
      running?.abort();
      return { cancelled };
    },
    listBenchmarks: () =>
      services.store.benchmarks.list().map((b) => ({
        id: b.id,
        createdAt: b.startedAt,
        cpuModel: b.cpuModel,
        fingerprint: b.fingerprint,
        cancelled: b.cancelled,
      })),
    getBenchmark: (args) => services.store.benchmarks.get(args.id).document,
    fitLaw: async (args, emit, caller) => {
      if (fits.has(caller)) throw new InputError('fitLaw', 'a fit is already running in this window; wait for it or cancel it');
      const controller = new AbortController();
      fits.set(caller, controller);
      try {
        return await services.runFit(args, {
          onProgress: (fraction, current) => emit('fitProgress', { fraction, current }),
          signal: controller.signal,
        });
      } finally {
        fits.delete(caller);
      }
    },
    cancelFit: (_args, _emit, caller) => {
      const controller = fits.get(caller);
      controller?.abort(new CancelledError('the fit'));
      return { cancelled: controller !== undefined };
    },
    planPilot: (args) => services.runPilot(args),
    exportPilotCsv: async (args) => {
      const path = await services.saveText(args.defaultName, pilotRunsCsv(args.runs), 'csv');
      return path === null ? null : { path };
    },
    exportMemo: async (args) => {
      const defaultName = `${args.scenario.name.replace(/[\\/:*?"<>|]+/g, '_')}.${args.language}.pdf`;
      const path = await services.chooseMemoPath(defaultName);
      if (path === null) return null;
      const stored = args.benchmarkId === null ? null : services.store.benchmarks.get(args.benchmarkId).document;
      // The memo cites the machine's role the way the engine used it (speedups.ts reads `role`).
      const benchmark = stored && args.benchmarkRole ? ({ ...stored, role: args.benchmarkRole } as typeof stored) : stored;
      return services.writeMemo({ scenario: args.scenario, benchmark, language: args.language, scenarioRef: args.scenarioRef, path });
    },
  };

  const handlers = {} as Handlers;
  for (const channel of CHANNELS) {
    handlers[channel] = async (raw, emit, caller = 'default') => {
      const parsed = contract[channel].args.safeParse(raw ?? {});
      if (!parsed.success) {
        const error = schemaError(parsed.error, channel);
        return { ok: false, error: error.message, field: error.field.slice(channel.length + 1) || channel, kind: 'input' };
      }
      try {
        const implementation = implementations[channel] as Implementation<typeof channel>;
        const value = await implementation(parsed.data as never, emit, caller);
        if (options.checkResults) {
          const checked = contract[channel].result.safeParse(value);
          if (!checked.success) {
            return { ok: false, error: `${channel} failed: its answer does not match the contract (${schemaError(checked.error, 'result').message})`, kind: 'failure' };
          }
        }
        return { ok: true, value };
      } catch (error) {
        return failure(channel, error);
      }
    };
  }
  return handlers;
}
