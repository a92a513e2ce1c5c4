/**
 * `bench --model FILE.onnx`: the team's own model on this machine, dense against pruned, on each
 * provider (bench-command.ts hands argv here when --model is present). Prints the latency per
 * request and the throughput at the batch, the speed-ups with their labels, the output change
 * (a sanity figure) and where the nodes ran; --json prints the result document itself.
 */
import { PROVIDERS, type BenchmarkResult, type Provider, type SpeedupRow } from '../core/hardware/benchmark-result.js';
import { shortLabel, threadsText } from '../core/hardware/row-labels.js';
import { InputError } from '../core/input.js';
import { parseInputFlag, type GivenShape } from '../core/own-model/input-shapes.js';
import type { ModelOptionNames } from '../core/own-model/model-plan.js';
import { throughputPerSecond } from '../core/own-model/model-table.js';
import type { LayerSelection } from '../core/own-model/prunable-layers.js';
import { runModelBenchmark, type ModelBenchmarkProgress } from '../bench/own-model/run-model-benchmark.js';
import type { CommandResult } from './command.js';
import { finishBenchmark } from './benchmark-output.js';
import { num, percent, table } from './format.js';
import { integer, optionalString, parseOptions, type Values } from './options.js';

export const BENCH_MODEL_USAGE =
  'bench --model FILE.onnx [--input NAME=SHAPE]... [--batch B] [--sparsities S[,S...]] [--pattern unstructured|2:4] [--layers default|all|NAME[,NAME...]]' +
  ' [--providers cpu,webgpu,...] [--threads T] [--quick] [--seed S] [--max-size SIZE] [--out FILE] [--save-db PATH] [--json]';

/**
 * The option table. --input is the one option that may repeat (once per model input); every other
 * option may be given once.
 */
export const BENCH_MODEL_OPTIONS = {
  model: { type: 'string' },
  input: { type: 'string', multiple: true },
  batch: { type: 'string' },
  sparsities: { type: 'string' },
  pattern: { type: 'string' },
  layers: { type: 'string' },
  providers: { type: 'string' },
  threads: { type: 'string' },
  quick: { type: 'boolean' },
  seed: { type: 'string' },
  'max-size': { type: 'string' },
  out: { type: 'string' },
  'save-db': { type: 'string' },
  json: { type: 'boolean' },
} as const;

const CLI_NAMES: ModelOptionNames = {
  input: '--input',
  batch: '--batch',
  sparsities: '--sparsities',
  pattern: '--pattern',
  layers: '--layers',
  providers: '--providers',
  threads: '--threads',
  seed: '--seed',
  maxBytes: '--max-size',
};

/** Every option but --input given twice is an error rather than "the last one wins". */
function refuseRepeats(argv: string[]): void {
  const seen = new Set<string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(=.*)?$/.exec(arg);
    if (!m || m[1] === 'input') continue;
    if (seen.has(m[1]!)) throw new InputError(`--${m[1]}`, 'may be given only once');
    seen.add(m[1]!);
  }
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** "2GiB", "500MB", "4G", "123456": bytes. */
export function parseSize(field: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  const bytes = m && unit !== undefined ? Math.round(Number(m[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new InputError(field, `must be a size such as 2GiB, 500MB or a number of bytes (got ${JSON.stringify(text)})`);
  return bytes;
}

function listOption(values: Values, name: string): string[] | undefined {
  const text = optionalString(values, name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new InputError(`--${name}`, 'must list at least one value');
  return items;
}

function sparsitiesOption(items: string[] | undefined): number[] | undefined {
  return items?.map((t) => {
    const s = /^\d*\.?\d+$/.test(t) ? Number(t) : NaN;
    if (!(s > 0 && s < 1)) throw new InputError('--sparsities', `each must be a number in (0, 1), e.g. 0.5,0.75 (got ${JSON.stringify(t)})`);
    return s;
  });
}

function providersOption(items: string[] | undefined): Provider[] | undefined {
  if (!items) return undefined;
  for (const p of items) {
    if (!(PROVIDERS as readonly string[]).includes(p)) throw new InputError('--providers', `unknown provider ${JSON.stringify(p)} (known: ${PROVIDERS.join(', ')})`);
  }
  return items as Provider[];
}

function layersOption(values: Values): LayerSelection | undefined {
  const items = listOption(values, 'layers');
  if (!items) return undefined;
  if (items.length === 1 && (items[0] === 'default' || items[0] === 'all')) return items[0];
  return items;
}

function patternOption(values: Values): 'unstructured' | '2:4' | undefined {
  const text = optionalString(values, 'pattern');
  if (text === undefined) return undefined;
  if (text !== 'unstructured' && text !== '2:4') throw new InputError('--pattern', `must be unstructured or 2:4 (got ${JSON.stringify(text)})`);
  return text;
}

function terminalProgress(): ((p: ModelBenchmarkProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const width = (process.stderr.columns || 100) - 1;
    process.stderr.write(`\r${`[${String(Math.round(p.fraction * 100)).padStart(3)} %] ${p.current}`.slice(0, width).padEnd(width)}`);
  };
}

function ms(value: number | null): string {
  return value === null ? '—' : num(value, 3);
}

function variantText(row: SpeedupRow): string {
  if (row.variant === 'dense') return 'dense';
  if (row.variant === 'zeroed-dense') return row.pattern === '2:4' ? 'pruned 2:4 (zeros)' : 'pruned (zeros)';
  if (row.variant === 'sparse-kernel') return 'sparse kernel';
  return row.variant;
}

function rowLabel(row: SpeedupRow): string {
  if (row.kind === 'estimate') return row.reliable ? 'estimate from layer timings' : 'estimate from layer timings, unreliable';
  return shortLabel(row);
}

function count(n: number): string {
  if (n >= 1e9) return `${num(n / 1e9, 3)}B`;
  if (n >= 1e6) return `${num(n / 1e6, 3)}M`;
  if (n >= 1e3) return `${num(n / 1e3, 3)}k`;
  return String(n);
}

/** The report a person reads. */
export function benchModelText(doc: BenchmarkResult, wallSeconds: number): string {
  const model = doc.model!;
  const inv = doc.inventory;
  const s = doc.settings;
  const header = [
    `Own model ${model.fileName} (sha256 ${model.sha256.slice(0, 12)}…, ${count(model.bytes)}B${model.externalDataBytes > 0 ? ` + ${count(model.externalDataBytes)}B external data` : ''}; IR ${model.irVersion ?? '?'}, opset ${model.opset ?? '?'}${model.producer ? `, from ${model.producer}` : ''})`,
    `Machine: ${inv.cpu.model}, ${inv.cpu.cores} cores, ${(inv.memoryBytes / 1024 ** 3).toFixed(1)} GiB; ${inv.os.platform} ${inv.os.arch}; ONNX Runtime ${inv.ortVersion}; ${threadsText(s.threads)}; machine ${inv.fingerprint}`,
    `Inputs: ${model.inputs.map((i) => `${i.name} ${i.dtype}[${i.shape.join('x')}]`).join(', ')}; batch ${model.batch} (deterministic values, seed ${s.seed})`,
    `Parameters: ${count(model.totalParams)}; pruned ${count(model.prunableParams)} (${percent(model.prunableShare)}) in ${model.prunedLayers.length} layer(s) — ${model.family === 'transformer' ? 'linear layers inside the Transformer blocks' : 'every Conv/Gemm/MatMul layer but the first and the last'}${model.selection === 'default' ? ' (default rule)' : model.selection === 'all' ? ' (--layers all)' : ' (layers named with --layers)'}; ${model.pattern === '2:4' ? '2:4 structured' : 'unstructured'} magnitude pruning per tensor`,
    `By op type: ${model.ops.filter((o) => o.params > 0 || o.nodes > 0).slice(0, 8).map((o) => `${o.opType} ${o.nodes} node${o.nodes === 1 ? '' : 's'}${o.params > 0 ? `, ${count(o.params)} params${o.prunableParams > 0 ? ` (${count(o.prunableParams)} pruned)` : ''}` : ''}`).join('; ')}${model.ops.length > 8 ? '; …' : ''}`,
    `Providers: ${inv.providers.map((p) => (p.available ? `${p.provider} ✓` : `${p.provider} ✗`)).join('; ')}; took ${wallSeconds.toFixed(1)} s`,
  ];
  if (model.leftDense.length > 0) {
    header.push(`Left dense: ${model.leftDense.slice(0, 4).map((l) => `${l.name} (${l.reason.replace(/; left dense$/, '')})`).join('; ')}${model.leftDense.length > 4 ? `; and ${model.leftDense.length - 4} more` : ''}`);
  }
  const rows = table([
    ['provider', 'variant', 'S', 'median ms', 'p10–p90 ms', 'requests/s', 'speed-up [interval]', 'label'],
    ...doc.table.map((r) => {
      const throughput = throughputPerSecond(r, model.batch);
      return [
        r.provider,
        variantText(r),
        r.variant === 'dense' ? '0' : String(r.sparsity),
        ms(r.medianMs),
        r.p10Ms === null || r.p90Ms === null ? '—' : `${num(r.p10Ms, 3)}–${num(r.p90Ms, 3)}`,
        throughput === null ? '—' : num(throughput, 3),
        r.speedup ? `×${num(r.speedup.value, 3)} [${num(r.speedup.low, 3)}–${num(r.speedup.high, 3)}]` : '—',
        rowLabel(r),
      ];
    }),
  ]);
  const change = model.outputChange.map(
    (c) => `${c.provider} S=${c.sparsity}: ${c.relative === null ? 'not comparable' : percent(c.relative)}${c.finite ? '' : ' — OUTPUTS NOT FINITE'}`,
  );
  const placement = model.placement.map((p) => `${p.provider}: ${Object.entries(p.nodesByProvider).map(([k, v]) => `${v} on ${k}`).join(', ') || 'no node events'}`);
  const firstNote = (pred: (r: SpeedupRow) => boolean) => doc.table.find(pred)?.note;
  const notes = [
    'Latency is per run of the model at the batch above; requests/s = batch / median. Speed-up = dense median / row median on the same provider.',
    'Output change ‖y − y_dense‖ / ‖y_dense‖ is a sanity figure (zeros in place, nothing blew up), not accuracy: the pruned model is not retrained.',
    firstNote((r) => r.kind === 'estimate') ?? firstNote((r) => r.variant === 'sparse-kernel' && r.provider === 'cpu'),
  ].filter((n): n is string => n !== undefined);
  const failed = doc.table.filter((r) => r.variant === 'dense' && r.kind === 'unavailable');
  for (const r of failed) notes.push(`${r.provider}: ${r.note}`);
  return [
    ...header,
    ...(doc.cancelled ? ['', 'CANCELLED: the table holds only what finished.'] : []),
    '',
    rows,
    '',
    `Output change against dense (sanity figure, not accuracy): ${change.join('; ') || 'none measured'}`,
    `Where the nodes ran (one profiled run, nodes as ONNX Runtime ran them after fusing): ${placement.join('; ') || 'not measured'}`,
    '',
    'Notes:',
    ...notes.map((n) => `  - ${n}`),
  ].join('\n');
}

export async function benchModelCommand(argv: string[]): Promise<CommandResult & { exitCode?: number }> {
  const values = parseOptions(argv, BENCH_MODEL_OPTIONS) as Values & { input?: string[] };
  refuseRepeats(argv);
  const file = optionalString(values, 'model');
  if (!file) throw new InputError('--model', 'must name an .onnx file');
  const inputs: GivenShape[] = (values.input ?? []).map((text) => parseInputFlag(text, '--input'));
  const out = optionalString(values, 'out');
  if (out === '') throw new InputError('--out', 'must name a file');
  const database = optionalString(values, 'save-db');
  const maxSize = optionalString(values, 'max-size');
  const optionalInteger = (name: string, min: number) => (values[name] === undefined ? undefined : integer(values, name, 0, min));

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const progress = terminalProgress();
  const start = performance.now();
  let doc: BenchmarkResult;
  try {
    doc = await runModelBenchmark(
      file,
      {
        inputs,
        batch: optionalInteger('batch', 1),
        sparsities: sparsitiesOption(listOption(values, 'sparsities')),
        pattern: patternOption(values),
        layers: layersOption(values),
        providers: providersOption(listOption(values, 'providers')),
        threads: optionalInteger('threads', 1),
        quick: values.quick === true,
        seed: optionalInteger('seed', 0),
        maxBytes: maxSize === undefined ? undefined : parseSize('--max-size', maxSize),
        optionNames: CLI_NAMES,
        fileField: '--model',
      },
      { onProgress: progress, signal: controller.signal },
    );
  } finally {
    process.off('SIGINT', onInterrupt);
    if (progress) process.stderr.write('\r\u001b[K');
  }
  return finishBenchmark(doc, benchModelText(doc, (performance.now() - start) / 1000), out, database);
}
