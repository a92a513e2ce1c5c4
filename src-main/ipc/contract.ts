/**
 * The one IPC contract: every channel's argument and result schema, shared by the main
 * process (which validates every argument), the preload (which exposes one named function per
 * channel) and the renderer (which gets typed calls). Answers are { ok, value } or
 * { ok: false, error } — bad input gets a clear message, never a crash.
 */
import { z } from 'zod';
import { coefficientsDocumentSchema } from '../core/law/coefficients-file.js';
import { benchmarkResultSchema, PROVIDERS } from '../core/hardware/benchmark-result.js';
import { modelOverviewSchema } from '../core/own-model/model-overview.js';
import { scenarioSchema } from '../core/roi/scenario.js';
import type { Channel, EventName } from './channels.js';

const id = z.string().min(1).max(200);
const language = z.enum(['en', 'ja']);

const scenarioSummary = z.object({
  id,
  name: z.string(),
  latestRevision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
const savedRevision = z.object({ id, revision: z.number().int().positive(), name: z.string() });

const runSummary = z.object({ sparsity: z.number(), nonzero: z.number(), data: z.number(), loss: z.number(), label: z.string().optional() });

export const contract = {
  appInfo: {
    args: z.object({}).strict(),
    result: z.object({ version: z.string(), osLanguage: language, platform: z.string(), databaseNotice: z.string().nullable() }),
  },
  listExamples: {
    args: z.object({}).strict(),
    result: z.array(z.object({ id, language, name: z.string(), scenario: scenarioSchema })),
  },
  listScenarios: {
    args: z.object({ includeArchived: z.boolean().default(false) }).strict(),
    result: z.array(scenarioSummary),
  },
  getScenario: {
    args: z.object({ id, revision: z.number().int().positive().optional() }).strict(),
    result: z.object({ id, revision: z.number().int(), name: z.string(), scenario: scenarioSchema }),
  },
  saveScenario: {
    /** Without an id a new scenario is created; with one, a new revision is added. */
    args: z.object({ id: id.optional(), scenario: scenarioSchema, expectedRevision: z.number().int().positive().optional() }).strict(),
    result: savedRevision,
  },
  renameScenario: { args: z.object({ id, name: z.string().trim().min(1).max(200) }).strict(), result: savedRevision },
  duplicateScenario: { args: z.object({ id, name: z.string().trim().min(1).max(200).optional() }).strict(), result: savedRevision },
  archiveScenario: { args: z.object({ id, archived: z.boolean() }).strict(), result: z.object({ id, archivedAt: z.string().nullable() }) },
  importDocument: {
    /** The text of a scenario, fit or benchmark-run JSON file the user picked. */
    args: z.object({ text: z.string().min(1).max(50_000_000), fileName: z.string().max(500) }).strict(),
    result: z.object({ kind: z.enum(['scenario', 'fit', 'benchmark']), id, name: z.string() }),
  },
  runHardwareCheck: {
    args: z
      .object({
        quick: z.boolean(),
        providers: z.array(z.enum(PROVIDERS)).min(1).optional(),
        threads: z.number().int().positive().max(256).optional(),
        tokens: z.array(z.number().int().positive().max(65_536)).min(1).max(8).optional(),
        save: z.boolean().default(true),
      })
      .strict(),
    result: benchmarkResultSchema,
  },
  cancelHardwareCheck: { args: z.object({}).strict(), result: z.object({ cancelled: z.boolean() }) },
  listBenchmarks: {
    args: z.object({}).strict(),
    result: z.array(z.object({ id, createdAt: z.string(), cpuModel: z.string(), fingerprint: z.string(), cancelled: z.boolean() })),
  },
  getBenchmark: { args: z.object({ id }).strict(), result: benchmarkResultSchema },
  fitLaw: {
    args: z
      .object({
        csv: z.string().min(1).max(10_000_000),
        fileName: z.string().max(500),
        dataUnit: z.enum(['images', 'tokens']),
        logResiduals: z.boolean(),
        starts: z.number().int().min(1).max(1000).default(64),
        seed: z.number().int().min(0).max(0xffffffff).default(0),
        bootstrap: z.number().int().min(0).max(2000).default(0),
      })
      .strict(),
    result: z.object({
      document: coefficientsDocumentSchema,
      runs: z.array(runSummary),
      predicted: z.array(z.number()),
      objective: z.number(),
      rmse: z.number(),
      maxRelativeError: z.number(),
      intervals: z.record(z.string(), z.object({ low: z.number(), median: z.number(), high: z.number() })).nullable(),
    }),
  },
  exportMemo: {
    args: z
      .object({
        scenario: scenarioSchema,
        benchmarkId: id.nullable(),
        /** The machine the measurement was made on, as the user said in the wizard; a stored run carries none. */
        benchmarkRole: z.enum(['deployment', 'development']).optional(),
        language,
        scenarioRef: z.object({ id, revision: z.number().int().positive() }).nullable(),
      })
      .strict(),
    /** null when the user cancelled the save dialog. The scenario revision the memo cites comes back with it. */
    result: z
      .object({
        path: z.string(),
        contentHash: z.string(),
        pages: z.number().int(),
        scenarioRef: z.object({ id, revision: z.number().int().positive() }),
      })
      .nullable(),
  },
  // Own model: the main process picks the file and keeps its path; the renderer holds only a token.
  /** Opens the file picker; null when the user cancels. Bad files (not ONNX, too large, missing data) are errors. */
  chooseModelFile: { args: z.object({}).strict(), result: modelOverviewSchema.nullable() },
  runModelBenchmark: {
    args: z
      .object({
        token: z.string().min(1).max(100),
        inputs: z
          .array(z.object({ name: z.string().min(1).max(256), shape: z.array(z.number().int().positive().max(1_000_000)).min(1).max(8) }).strict())
          .max(64)
          .default([]),
        batch: z.number().int().min(1).max(65_536).optional(),
        sparsities: z.array(z.number().gt(0).lt(1)).min(1).max(8).optional(),
        pattern: z.enum(['unstructured', '2:4']).default('unstructured'),
        layers: z.enum(['default', 'all']).default('default'),
        providers: z.array(z.enum(PROVIDERS)).min(1).optional(),
        quick: z.boolean().default(true),
        save: z.boolean().default(true),
      })
      .strict(),
    result: benchmarkResultSchema,
  },
  cancelModelBenchmark: { args: z.object({}).strict(), result: z.object({ cancelled: z.boolean() }) },
} as const satisfies Record<Channel, { args: z.ZodType; result: z.ZodType }>;

export type Contract = typeof contract;
export type Args<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = z.output<Contract[C]['result']>;

export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };

export interface EventPayloads {
  hardwareCheckProgress: { fraction: number; current: string };
  fitProgress: { fraction: number; current: string };
  modelBenchmarkProgress: { fraction: number; current: string };
}
export type EventPayload<E extends EventName> = EventPayloads[E];

/** Subscribing to an event: onHardwareCheckProgress, onFitProgress. Returns the unsubscribe function. */
export type Subscriptions = {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The API the preload exposes and the renderer calls: one named function per channel and event. */
export type AdvisorApi = { [C in Channel]: (args: Args<C>) => Promise<Answer<Result<C>>> } & Subscriptions;
