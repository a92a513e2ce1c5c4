/**
 * The strict schema of resources/published-speedups.json: published sparse-versus-dense speed-ups
 * for hardware the user cannot measure, the cost of pruning, and the regime advice drawn from them.
 * Only confirmed rows can be written down (there is no "unconfirmed" status), every row carries its
 * source with a locator and says how it was re-checked. published.ts loads the file through it.
 */
import { z } from 'zod';
import { parseDocument } from '../schema.js';

export const PUBLISHED_FORMAT = 'sparsity-advisor/published-speedups';
export const PUBLISHED_VERSION = 1;

/** 2:4 is NVIDIA's semi-structured pattern (always 50 %); block means square blocks of zeros. */
export const PUBLISHED_PATTERNS = ['2:4', 'unstructured', 'block'] as const;
export type PublishedPattern = (typeof PUBLISHED_PATTERNS)[number];

export const HARDWARE_CLASSES = [
  'a100', 'h100', 'l4', 'rtx-ampere', 'rtx-ada', 'nvidia-gpu', 'x86-cpu', 'arm-cpu', 'mobile', 'apple-ane',
] as const;
export type HardwareClass = (typeof HARDWARE_CLASSES)[number];

/**
 * Reasons a figure says more than sparsity alone does. Every one of them keeps the row out of the
 * range (docs/published-speedups.md): the row stays visible with the reason.
 */
export const CONFOUNDER_CODES = [
  'different-models',
  'marketing',
  'sparse-1gpu-vs-dense-2gpu',
  'fewer-gpus',
  'with-quantization',
  'different-runtime',
  'best-case-claim',
  'inconsistent-source',
  'latency-only',
] as const;
export type ConfounderCode = (typeof CONFOUNDER_CODES)[number];

/** Things a reader should know that do not bias the figure; they never exclude a row. */
export const CAVEAT_CODES = [
  'computed-from-source', 'summary-only', 'unreviewed', 'batch-not-stated', 'read-off-figure', 'range-bound',
] as const;
export type CaveatCode = (typeof CAVEAT_CODES)[number];

export const RUNTIME_STATUSES = ['maintained', 'end-of-life', 'research-code', 'unknown'] as const;
export type RuntimeStatus = (typeof RUNTIME_STATUSES)[number];

/** confirmed: read in the primary source; confirmed-secondary: read in a faithful copy or quotation. */
export const ROW_STATUSES = ['confirmed', 'confirmed-secondary'] as const;

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-29');
const fraction = z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1');

export const sourceSchema = z
  .object({
    title: text,
    /** Where in the source: table, figure, section. */
    locator: text,
    year: z.number().int().min(1990).max(2100).nullable(),
    url: z.url().optional(),
    repository: z
      .object({
        repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'),
        path: text,
        commit: z.string().regex(/^[0-9a-f]{7,40}$/, 'must be a git commit hash'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => s.url !== undefined || s.repository !== undefined, { message: 'must give a url or a repository path with commit', path: ['url'] });
export type PublishedSource = z.infer<typeof sourceSchema>;

export const checkedSchema = z
  .object({
    date: isoDate,
    how: z
      .string()
      .refine((h) => h === 're-read in source' || /^not re-checked: \S/.test(h), 'must be "re-read in source" or "not re-checked: <why>"'),
    note: text.optional(),
  })
  .strict();

const noted = <T extends readonly [string, ...string[]]>(codes: T) => z.object({ code: z.enum(codes), note: text }).strict();

/** A single value, a band the source states (e.g. 70–95 %), or null when the source does not say. */
const sparsitySchema = z.union([fraction, z.object({ min: fraction, max: fraction }).strict().refine((s) => s.min <= s.max, 'min must not exceed max'), z.null()]);

export const publishedRowSchema = z
  .object({
    /** Unique, e.g. "A2-bs16": the curated table's row number plus the setting. */
    id: z.string().regex(/^[A-Z]\d+(-[a-z0-9-]+)?$/, 'must look like A2 or A2-bs16'),
    /** The row of the curated table (../shared/notes/published-speedups.md) it comes from. */
    table: z.string().regex(/^[A-Z]\d+$/),
    hardware: text,
    hardwareClass: z.enum(HARDWARE_CLASSES),
    runtime: text,
    runtimeId: z.string().regex(/^[a-z0-9-]+$/),
    runtimeStatus: z.enum(RUNTIME_STATUSES),
    pattern: z.enum(PUBLISHED_PATTERNS),
    sparsity: sparsitySchema,
    workload: text,
    batch: z.number().int().positive().nullable(),
    /** Tokens one forward pass processes (batch × sequence), where the source gives them. */
    tokens: z.number().int().positive().nullable(),
    precision: text,
    /** time: dense/sparse time of the same work; throughput: sparse/dense rate; latency: per-request latency ratio. */
    metric: z.enum(['time', 'throughput', 'latency']),
    speedup: z.number().positive().max(1000),
    level: z.enum(['kernel', 'end-to-end']),
    confounders: z.array(noted(CONFOUNDER_CODES)),
    caveats: z.array(noted(CAVEAT_CODES)),
    status: z.enum(ROW_STATUSES),
    source: sourceSchema,
    checked: checkedSchema,
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.pattern === '2:4' && row.sparsity !== 0.5) ctx.addIssue({ code: 'custom', path: ['sparsity'], message: 'must be 0.5 for 2:4' });
  });
export type PublishedRow = z.infer<typeof publishedRowSchema>;

/** The lowest sparsity (and batch) at which a kernel beats dense at all. */
export const breakEvenSchema = z
  .object({
    id: z.string().regex(/^[A-Z]\d+(-[a-z0-9-]+)?$/),
    table: z.string().regex(/^[A-Z]\d+$/),
    hardware: text,
    hardwareClass: z.enum(HARDWARE_CLASSES),
    runtime: text,
    pattern: z.enum(PUBLISHED_PATTERNS),
    minSparsity: fraction,
    minBatch: z.number().int().positive().nullable(),
    precision: text,
    note: text,
    status: z.enum(ROW_STATUSES),
    source: sourceSchema,
    checked: checkedSchema,
  })
  .strict();
export type BreakEven = z.infer<typeof breakEvenSchema>;

const bilingual = z.object({ en: text, ja: text }).strict();

export const pruningCostSchema = z
  .object({
    id: z.string().regex(/^E\d+$/),
    table: z.string().regex(/^E\d+$/),
    hardware: text,
    method: text,
    model: text,
    quantities: z
      .array(z.object({ name: text, value: z.number().positive(), unit: text, bound: z.enum(['at-most', 'about']).optional() }).strict())
      .min(1),
    summary: bilingual,
    status: z.enum(ROW_STATUSES),
    source: sourceSchema,
    checked: checkedSchema,
  })
  .strict();
export type PruningCost = z.infer<typeof pruningCostSchema>;

export const adviceSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    /** Ids of rows or break-evens the text cites. */
    rows: z.array(z.string()),
    en: text,
    ja: text,
  })
  .strict();
export type Advice = z.infer<typeof adviceSchema>;

export const runtimeStatusSourceSchema = z
  .object({ runtimeId: z.string(), status: z.enum(RUNTIME_STATUSES), note: bilingual, source: sourceSchema, checked: checkedSchema })
  .strict();
export type RuntimeStatusSource = z.infer<typeof runtimeStatusSourceSchema>;

export const publishedFileSchema = z
  .object({
    format: z.literal(PUBLISHED_FORMAT),
    version: z.literal(PUBLISHED_VERSION),
    /** When the rows were last checked against their sources. */
    compiled: isoDate,
    about: text,
    runtimeStatusSources: z.array(runtimeStatusSourceSchema),
    rows: z.array(publishedRowSchema).min(1),
    breakEvens: z.array(breakEvenSchema),
    pruningCosts: z.array(pruningCostSchema),
    advice: z.array(adviceSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    for (const [list, items] of [['rows', file.rows], ['breakEvens', file.breakEvens], ['pruningCosts', file.pruningCosts]] as const) {
      items.forEach((item, i) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicates id ${item.id}` });
        ids.add(item.id);
      });
    }
    const keys = new Set<string>();
    file.advice.forEach((a, i) => {
      if (keys.has(a.key)) ctx.addIssue({ code: 'custom', path: ['advice', i, 'key'], message: `duplicates key ${a.key}` });
      keys.add(a.key);
      a.rows.forEach((id, j) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['advice', i, 'rows', j], message: `cites ${id}, which is not in the file` });
      });
    });
    file.rows.forEach((row, i) => {
      if (row.runtimeStatus === 'end-of-life' && !file.runtimeStatusSources.some((s) => s.runtimeId === row.runtimeId && s.status === 'end-of-life')) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'runtimeStatus'], message: `end-of-life needs a sourced entry for ${row.runtimeId} in runtimeStatusSources` });
      }
    });
  });
export type PublishedFile = z.infer<typeof publishedFileSchema>;

export function parsePublishedFile(value: unknown, root = 'published-speedups'): PublishedFile {
  return parseDocument(publishedFileSchema, value, root);
}

/** The sparsity band a row covers: a point, a stated band, or null when the source does not say. */
export function sparsityBounds(row: Pick<PublishedRow, 'sparsity'>): { min: number; max: number } | null {
  if (row.sparsity === null) return null;
  return typeof row.sparsity === 'number' ? { min: row.sparsity, max: row.sparsity } : row.sparsity;
}
