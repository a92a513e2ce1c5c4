import { InputError } from '../core/input.js';
import { adapterText } from '../core/hardware/adapters.js';
import { LIMITS, type CountLimit } from '../core/limits.js';
import { parseCount } from '../core/quantity.js';
import { checkOutputTarget } from '../io/safe-write.js';
import { PROVIDERS, type BenchmarkResult, type Provider, type SpeedupRow } from '../core/hardware/benchmark-result.js';
import { isSoftwareAdapter } from '../core/hardware/deployment-evidence.js';
import { resolveRole } from '../core/hardware/machine-role.js';
import { mebibytes, shortLabel, threadsText } from '../core/hardware/row-labels.js';
import type { SettingNames } from '../core/hardware/suite-settings.js';
import { runHardwareCheck, type HardwareCheckProgress } from '../bench/run-hardware-check.js';
import { BENCH_MODEL_USAGE, benchModelCommand } from './bench-model-command.js';
import type { CommandResult } from './command.js';
import { finishBenchmark } from './benchmark-output.js';
import { num, table } from './format.js';
import { integer, optionalString, parseOptions } from './options.js';
import { checkDatabaseTarget } from './store-access.js';

export const BENCH_USAGE =
  'bench [--quick] [--providers cpu,webgpu,...] [--threads T] [--tokens M[,M...]] [--d-model D] [--ffn-width F]' +
  ' [--seed S] [--role development|deployment] [--out FILE] [--save-db PATH] [--json]' +
  `\n  sparsity-advisor ${BENCH_MODEL_USAGE}`;

/** The options a person types, for error messages that name what to change. */
const CLI_NAMES: SettingNames = {
  quick: '--quick',
  threads: '--threads',
  dModel: '--d-model',
  ffnWidth: '--ffn-width',
  tokens: '--tokens',
  sparsities: 'sparsities',
  providers: '--providers',
  timeBudgetMsPerCase: 'time budget per case',
  minIterations: 'minimum iterations',
  seed: '--seed',
};

function list(values: Record<string, unknown>, name: string): string[] | undefined {
  const text = optionalString(values as Record<string, string | boolean | undefined>, name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new InputError(`--${name}`, 'must list at least one value');
  return items;
}

function providersOption(items: string[] | undefined): Provider[] | undefined {
  if (!items) return undefined;
  for (const p of items) {
    if (!(PROVIDERS as readonly string[]).includes(p)) {
      throw new InputError('--providers', `unknown provider ${JSON.stringify(p)} (known: ${PROVIDERS.join(', ')})`);
    }
  }
  return items as Provider[];
}

function tokensOption(items: string[] | undefined): number[] | undefined {
  if (items && items.length > LIMITS.tokenCounts.max) throw new InputError('--tokens', `lists at most ${LIMITS.tokenCounts.max} token counts (got ${items.length})`);
  return items?.map((t) => parseCount('--tokens', t, LIMITS.tokens));
}

/** Progress on one rewritten terminal line, only when stderr is a terminal (never into a log or a pipe). */
function terminalProgress(): ((p: HardwareCheckProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const line = `[${String(Math.round(p.fraction * 100)).padStart(3)} %] ${p.current}`;
    process.stderr.write(`\r${line.slice(0, (process.stderr.columns || 100) - 1).padEnd((process.stderr.columns || 100) - 1)}`);
  };
}

function speedupText(row: SpeedupRow): string {
  if (!row.speedup) return '—';
  const s = row.speedup;
  return `×${num(s.value, 3)} [${num(s.low, 3)}–${num(s.high, 3)}]`;
}

/**
 * A provider's error, short enough for one line: ORT's messages start with a source path and a
 * C++ signature and end with what happened, so the end is kept.
 */
export function shortError(error: string, max = 90): string {
  if (error.length <= max) return error;
  const sentences = error.split(/(?<=[.!?])\s+/);
  let tail = '';
  for (let i = sentences.length - 1; i >= 0; i--) {
    const next = tail ? `${sentences[i]} ${tail}` : sentences[i]!;
    if (next.length > max) break;
    tail = next;
  }
  return tail || `…${error.slice(-max)}`;
}

function ms(value: number | null): string {
  return value === null ? '—' : num(value, 3);
}

/** The table a manager reads, then the notes that qualify it. */
export function benchText(doc: BenchmarkResult, wallSeconds: number): string {
  const { inventory: inv, settings: s } = doc;
  const llc = inv.cpu.lastLevelCacheBytes === null ? 'last-level cache unknown' : `last-level cache ${mebibytes(inv.cpu.lastLevelCacheBytes)}`;
  const gpus = inv.gpus.length === 0 ? 'no GPU found' : inv.gpus.map((g) => `${g.name}${g.driver ? ` (driver ${g.driver})` : ''}`).join(', ');
  const header = [
    `Hardware check on ${inv.cpu.model}: ${inv.cpu.cores} cores, ${(inv.memoryBytes / 1024 ** 3).toFixed(1)} GiB, ${llc}; ${gpus}`,
    `${inv.os.platform} ${inv.os.release} ${inv.os.arch}, ONNX Runtime ${inv.ortVersion}, machine ${inv.fingerprint}`,
    `Shape: d_model ${s.dModel}, FFN width ${s.ffnWidth}, ${s.chainLayers} MatMul layers per request; ${threadsText(s.threads)}; ` +
      `${s.quick ? 'quick' : 'default'} suite, ${s.timeBudgetMsPerCase} ms and at least ${s.minIterations} runs per case; took ${wallSeconds.toFixed(1)} s`,
    'Providers: ' + inv.providers.map((p) => (p.available ? `${p.provider} ✓` : `${p.provider} ✗ (${shortError(p.error ?? 'unavailable')})`)).join('; '),
    ...inv.adapters.map((a) => `Adapter for ${a.provider}: ${adapterText(a)}`),
    `Machine role: ${doc.role}${doc.role === 'deployment' ? '' : ' (figures describe this machine, not the deployment machine; set with --role)'}`,
  ];
  const rows = table([
    ['provider', 'variant', 'S', 'tokens', 'median ms', 'speed-up [interval]', 'label'],
    ...doc.table.map((r) => [
      r.provider,
      r.pattern === '2:4' ? '2:4' : r.variant,
      r.variant === 'dense' ? '0' : String(r.sparsity),
      String(r.tokens),
      ms(r.medianMs),
      speedupText(r),
      isSoftwareAdapter(doc, r.provider) ? `${shortLabel(r)}, software GPU` : shortLabel(r),
    ]),
  ]);
  const firstNote = (pred: (r: SpeedupRow) => boolean) => doc.table.find(pred)?.note;
  const notes = [
    'speed-up = dense median / row median (same provider, tokens, threads); interval = dense p10/row p90 to dense p90/row p10.',
    'Median ms is per request through the dense chain\'s layers; upper-bound chains run more layers to stay cache-cold and are scaled.',
    firstNote((r) => r.variant === 'sparse-kernel'),
    firstNote((r) => r.variant === 'upper-bound' && r.kind === 'upper-bound'),
    firstNote((r) => r.variant === 'structured-2:4'),
  ].filter((n): n is string => n !== undefined);
  const unreliable = doc.table.filter((r) => !r.reliable && r.kind !== 'unavailable');
  if (unreliable.length > 0) {
    notes.push(`${unreliable.length} row(s) unreliable (too few runs or too wide a spread); their notes say which. Re-run on a quiet machine.`);
  }
  return [
    ...header,
    ...(doc.cancelled ? ['', 'CANCELLED: the table holds only what finished.'] : []),
    '',
    rows,
    '',
    'Notes:',
    ...notes.map((n) => `  - ${n}`),
  ].join('\n');
}

export async function benchCommand(argv: string[]): Promise<CommandResult & { exitCode?: number }> {
  if (argv.some((a) => a === '--model' || a.startsWith('--model='))) return benchModelCommand(argv);
  const values = parseOptions(argv, {
    quick: { type: 'boolean' },
    providers: { type: 'string' },
    threads: { type: 'string' },
    tokens: { type: 'string' },
    'd-model': { type: 'string' },
    'ffn-width': { type: 'string' },
    seed: { type: 'string' },
    role: { type: 'string' },
    out: { type: 'string' },
    'save-db': { type: 'string' },
    json: { type: 'boolean' },
  });
  const optionalInteger = (name: string, limits: CountLimit) => (values[name] === undefined ? undefined : integer(values, name, 0, limits));
  const out = optionalString(values, 'out');
  // An unusable --out is refused now, not after the benchmark has run.
  if (out !== undefined) checkOutputTarget('--out', out);
  const database = optionalString(values, 'save-db');
  const role = resolveRole(optionalString(values, 'role'), '--role');
  if (database !== undefined) checkDatabaseTarget(database, '--save-db');

  const controller = new AbortController();
  // Ctrl-C stops the benchmark child at once and still prints what finished.
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const progress = terminalProgress();
  const start = performance.now();
  let doc: BenchmarkResult;
  try {
    doc = await runHardwareCheck(
      {
        quick: values.quick === true,
        providers: providersOption(list(values, 'providers')),
        threads: optionalInteger('threads', LIMITS.threads),
        tokens: tokensOption(list(values, 'tokens')),
        dModel: optionalInteger('d-model', LIMITS.dModel),
        ffnWidth: optionalInteger('ffn-width', LIMITS.ffnWidth),
        seed: optionalInteger('seed', LIMITS.seed),
        role,
        settingNames: CLI_NAMES,
      },
      { onProgress: progress, signal: controller.signal },
    );
  } finally {
    process.off('SIGINT', onInterrupt);
    if (progress) process.stderr.write('\r\u001b[K');
  }
  // --json prints the result document itself, so the output can be saved and imported as it is.
  return finishBenchmark(doc, benchText(doc, (performance.now() - start) / 1000), out, database);
}
