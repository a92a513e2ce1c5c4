/**
 * The one IPC contract: every channel's argument and result schema, shared by the main
 * process (which validates every argument), the preload (which exposes one named function per
 * channel) and the renderer (which gets typed calls). Answers are { ok, value } or
 * { ok: false, error } — bad input gets a clear message, never a crash.
 */
import { z } from 'zod';
import { coefficientsDocumentSchema } from '../core/law/coefficients-file.js';
import { benchmarkResultSchema, MACHINE_ROLES, PROVIDERS } from '../core/hardware/benchmark-result.js';
import { modelOverviewSchema } from '../core/own-model/model-overview.js';
import type { ErrorKind } from '../core/errors.js';
import { LIMITS, MIN_BOOTSTRAP } from '../core/limits.js';
import { scenarioSchema } from '../core/roi/scenario.js';
import type { Channel, EventName } from './channels.js';

const id = z.string().min(1).max(200);
/** A whole number within one of the limits the CLI shares (core/limits.ts). */
const count = (limit: { min: number; max: number }) => z.number().int().min(limit.min).max(limit.max);
const revision = count(LIMITS.revision);
const name = z.string().trim().min(1).max(LIMITS.nameLength.max);

/** How a backup went after a save (store/backup-status.ts); the renderer warns when it failed. */
const backupStatus = z.object({
  database: z.string(),
  path: z.string(),
  ok: z.boolean(),
  takenAt: z.string().nullable(),
  error: z.string().nullable(),
  failuresInARow: z.number().int().nonnegative(),
  current: z.boolean(),
});
const language = z.enum(['en', 'ja']);

const scenarioSummary = z.object({
  id,
  name: z.string(),
  latestRevision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
const savedRevision = z.object({ id, revision: z.number().int().positive(), name: z.string(), backup: backupStatus.nullable().optional() });

const runSummary = z.object({ sparsity: z.number(), nonzero: z.number(), data: z.number(), loss: z.number(), label: z.string().optional() });

// Fit validation and pilot plans: results are produced by the main process, so these schemas describe rather than police.
const interval = z.object({ low: z.number(), median: z.number(), high: z.number() });
const verdict = z.enum(['extrapolates-well', 'use-with-care', 'unreliable']);
const heldOutRun = z.object({
  label: z.string(),
  sparsity: z.number(),
  nonzero: z.number(),
  data: z.number(),
  measured: z.number(),
  predicted: z.number(),
  relativeError: z.number(),
  sizeEquivalentError: z.number(),
});
const heldOutReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('too-few-data-levels'), levels: z.number() }),
  z.object({ code: z.literal('design'), message: z.string() }),
  z.object({ code: z.literal('no-usable-refit'), message: z.string() }),
]);
const lawCoefficients = z.object({ aS: z.number(), bS: z.number(), cS: z.number(), bN: z.number(), aD: z.number(), bD: z.number(), c: z.number() });
const heldOutValidation = z.object({
  checks: z.array(
    z.discriminatedUnion('possible', [
      z.object({
        kind: z.enum(['largest-size', 'longest-training']),
        possible: z.literal(true),
        leftOutLevel: z.number(),
        fittedRuns: z.number(),
        runs: z.array(heldOutRun),
        coefficients: lawCoefficients,
        meanAbsRelativeError: z.number(),
        worstRelativeError: z.number(),
        meanAbsSizeError: z.number(),
        worstSizeError: z.number(),
        verdict,
      }),
      z.object({ kind: z.enum(['largest-size', 'longest-training']), possible: z.literal(false), reason: heldOutReason }),
    ]),
  ),
  verdict: verdict.nullable(),
});
const trustReport = z.object({
  level: z.number(),
  threshold: z.number(),
  quantities: z.array(
    z.object({
      kind: z.enum(['multiplier', 'equal-quality-size', 'optimal-sparsity', 'loss']),
      sparsity: z.number().nullable(),
      value: z.number(),
      interval,
      spread: z.number(),
      spreadUnit: z.enum(['relative', 'points']),
      flagged: z.boolean(),
    }),
  ),
  coefficients: z.array(
    z.object({ name: z.enum(['aS', 'bS', 'cS', 'bN', 'aD', 'bD', 'c']), value: z.number(), interval, status: z.enum(['tight', 'wide', 'unidentifiable']) }),
  ),
  unidentifiableButTight: z.boolean(),
});
const pilotRun = z.object({
  label: z.string().min(1).max(100),
  sparsity: z.number().min(0).lt(1),
  nonzero: z.number().positive(),
  denseParams: z.number().positive(),
  data: z.number().positive(),
  flops: z.number().positive(),
  gpuHours: z.number().positive(),
});
const predictedWidths = z.object({
  level: z.number(),
  multiplier: z.array(z.object({ sparsity: z.number(), value: z.number(), halfWidth: z.number(), low: z.number(), high: z.number() })),
  optimalSparsity: z.object({ value: z.number(), halfWidthPoints: z.number(), low: z.number(), high: z.number() }),
  realisations: z.number(),
  failed: z.number(),
});
const planSummary = z.object({
  budgetGpuHours: z.number(),
  runs: z.array(pilotRun),
  totalGpuHours: z.number(),
  totalFlops: z.number(),
  shape: z.object({
    sparsities: z.array(z.number()),
    sizeCount: z.number(),
    sizeStep: z.number(),
    dataCount: z.number(),
    dataStep: z.number(),
    dataPerOptimal: z.number(),
  }),
  sizes: z.array(z.number()),
  dataLevels: z.array(z.number()),
  prediction: predictedWidths,
  extrapolation: z.object({ largestNonzero: z.number(), factor: z.number(), capsAtPilotFirst: z.boolean() }),
});
const pilotPlan = planSummary.extend({
  family: z.enum(['vit', 't5']),
  lawName: z.string(),
  dataUnit: z.enum(['images', 'tokens']),
  hardware: z.object({ gpuFlops: z.number(), utilisation: z.number(), tokensPerUnit: z.number() }),
  targets: z.object({ sparsities: z.array(z.number()), nonzero: z.number(), data: z.number() }),
  seed: z.number(),
  noise: z.object({ sigma: z.number(), source: z.string() }),
  minimumBudgetGpuHours: z.number(),
  floors: z.object({ nonzero: z.number(), data: z.number(), source: z.string() }),
  search: z.object({ shapes: z.number(), feasible: z.number(), simulated: z.number() }),
  doubled: planSummary,
});
const finitePositive = z.number().positive().finite();

export const contract = {
  appInfo: {
    args: z.object({}).strict(),
    result: z.object({ version: z.string(), osLanguage: language, platform: z.string(), databaseNotice: z.string().nullable() }),
  },
  listExamples: {
    args: z.object({}).strict(),
    result: z.array(z.object({ id, language, name: z.string(), scenario: scenarioSchema, benchmark: benchmarkResultSchema.nullable() })),
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
    args: z
      .object({ id: id.optional(), scenario: scenarioSchema, expectedRevision: revision.optional() })
      .strict()
      // A new scenario has no revision to expect: a guard that cannot be honoured is refused, not dropped.
      .refine((a) => a.expectedRevision === undefined || a.id !== undefined, {
        path: ['expectedRevision'],
        message: 'needs id: it guards saving over another change to that scenario',
      }),
    result: savedRevision,
  },
  renameScenario: { args: z.object({ id, name, expectedRevision: revision.optional() }).strict(), result: savedRevision },
  duplicateScenario: { args: z.object({ id, name: name.optional() }).strict(), result: savedRevision },
  archiveScenario: { args: z.object({ id, archived: z.boolean() }).strict(), result: z.object({ id, archivedAt: z.string().nullable() }) },
  importDocument: {
    /** The text of a scenario, fit or benchmark-run JSON file the user picked. */
    args: z
      .object({
        text: z.string().min(1).max(LIMITS.documentBytes.max),
        fileName: z.string().max(500),
        /** For a benchmark run: the role of the machine it ran on, as the importer states it. */
        role: z.enum(MACHINE_ROLES).optional(),
      })
      .strict(),
    result: z.object({ kind: z.enum(['scenario', 'fit', 'benchmark']), id, name: z.string() }),
  },
  runHardwareCheck: {
    args: z
      .object({
        quick: z.boolean(),
        providers: z.array(z.enum(PROVIDERS)).min(1).optional(),
        threads: count(LIMITS.threads).optional(),
        tokens: z.array(count(LIMITS.tokens)).min(LIMITS.tokenCounts.min).max(LIMITS.tokenCounts.max).optional(),
        /** The role of this machine: its figures count as the deployment machine's only when it is that. */
        role: z.enum(MACHINE_ROLES).default('development'),
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
        csv: z.string().min(1).max(LIMITS.csvBytes.max),
        fileName: z.string().max(500),
        dataUnit: z.enum(['images', 'tokens']),
        logResiduals: z.boolean(),
        starts: count(LIMITS.starts).default(64),
        seed: count(LIMITS.seed).default(0),
        bootstrap: count(LIMITS.bootstrap)
          .refine((b) => b === 0 || b >= MIN_BOOTSTRAP, `must be 0 (no bootstrap) or at least ${MIN_BOOTSTRAP} resamples`)
          .default(0),
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
      heldOut: heldOutValidation,
      trust: trustReport.nullable(),
    }),
  },
  planPilot: {
    /** Which pilot runs to do within a GPU budget (core/law/pilot-plan.ts); the law is the family's preset or a custom one. */
    args: z
      .object({
        family: z.enum(['vit', 't5']),
        coefficients: coefficientsDocumentSchema.nullable().default(null),
        budgetGpuHours: finitePositive.max(1e9),
        gpuFlops: finitePositive.max(1e20),
        utilisation: finitePositive.max(1),
        tokensPerUnit: finitePositive.max(1e7).optional(),
        targetNonzero: finitePositive.max(1e15).optional(),
        targetSparsities: z.array(z.number().gt(0).lt(1)).min(1).max(8).optional(),
        seed: z.number().int().min(0).max(0xffffffff).default(0),
      })
      .strict(),
    result: z.object({ plan: pilotPlan, csv: z.string() }),
  },
  exportPilotCsv: {
    /** Saves a plan's runs as the fitter's CSV (loss column empty) where the user chooses; null when cancelled. */
    args: z.object({ runs: z.array(pilotRun.strict()).min(1).max(1000), defaultName: z.string().min(1).max(200) }).strict(),
    result: z.object({ path: z.string() }).nullable(),
  },
  /** Stops the fit this window started; cancelled is false when none was running. */
  cancelFit: { args: z.object({}).strict(), result: z.object({ cancelled: z.boolean() }) },
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

/**
 * A refused or failed call says what kind of failure it was and, where it is about one input,
 * which field (e.g. "expectedRevision", "line 3, column data"), so the renderer can show it
 * beside that input. kind: input (the user can fix it), environment (disk, lock), cancelled, failure.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: string; field?: string; kind?: ErrorKind };

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
