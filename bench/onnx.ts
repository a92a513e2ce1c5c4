/**
 * Hardware-check benchmark: wall time of the default and --quick suites against their targets,
 * and the harness overhead — dense GFLOP/s through the app's runner (forked child, timing loop,
 * IPC) next to a bare onnxruntime-node loop on the same model and options. Both run in fresh
 * processes, alternated four times in this run, because two processes of one machine drift
 * apart by tens of percent and an in-process loop would compare a warm process with a fresh one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchmarkSettings } from '../src-main/core/hardware/benchmark-result.js';
import type { ChainModel } from '../src-main/core/hardware/chain-plan.js';
import { summarize } from '../src-main/core/hardware/statistics.js';
import { ChainWeights, inputRows } from '../src-main/bench/onnx-models.js';
import { runHardwareCheck } from '../src-main/bench/run-hardware-check.js';
import { BenchWorker } from '../src-main/bench/worker-process.js';
import type { SuiteJob } from '../src-main/bench/worker-protocol.js';
import { benchText } from '../src-main/cli/bench-command.js';

const TARGET_DEFAULT_S = 60;
const TARGET_QUICK_S = 15;
/** The runner may differ from the raw loop's throughput by at most this fraction. */
const OVERHEAD_TARGET = 0.1;
const REPEATS = 4;
const run = promisify(execFile);

/**
 * The smallest honest loop, as plain Node: one session with the runner's options, run() back to
 * back for the budget, every call timed. Prints each token count's samples as JSON.
 */
const RAW_LOOP = `
import * as ort from 'onnxruntime-node';
import { readFileSync } from 'node:fs';
const [file, threads, tokensList, dModel, budgetMs, seedValues] = process.argv.slice(1);
const session = await ort.InferenceSession.create(readFileSync(file), { executionProviders: ['cpu'],
  intraOpNumThreads: Number(threads), interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
const x = new Float32Array(JSON.parse(readFileSync(seedValues, 'utf8')));
const out = {};
for (const m of tokensList.split(',').map(Number)) {
  const feed = { X: new ort.Tensor('float32', x.subarray(0, m * Number(dModel)), [m, Number(dModel)]) };
  for (let i = 0; i < 4; i++) await session.run(feed);
  const times = [];
  const end = performance.now() + Number(budgetMs);
  while (performance.now() < end || times.length < 10) {
    const t = process.hrtime.bigint();
    await session.run(feed);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out[m] = times;
}
await session.release();
process.stdout.write(JSON.stringify(out));
`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

export async function harnessOverhead(s: BenchmarkSettings): Promise<void> {
  const dense: ChainModel = { kind: 'dense', variant: 'dense', sparsity: 0, layers: s.chainLayers, nonzeros: 0, weightBytes: 0, cacheCold: null };
  const dir = mkdtempSync(path.join(tmpdir(), 'advisor-bench-onnx-'));
  const modelFile = path.join(dir, 'dense.onnx');
  const inputFile = path.join(dir, 'x.json');
  const weights = new ChainWeights(s.dModel, s.ffnWidth, s.seed);
  writeFileSync(modelFile, weights.modelBytes(dense));
  weights.release();
  writeFileSync(inputFile, JSON.stringify(Array.from(inputRows(s.seed, Math.max(...s.tokens), s.dModel))));
  const budgetMs = s.timeBudgetMsPerCase;
  const job: SuiteJob = {
    dModel: s.dModel, ffnWidth: s.ffnWidth, seed: s.seed, threads: s.threads, tokens: s.tokens, rounds: 1, models: [dense],
    budgetMsPerCase: budgetMs, minIterations: 10, warmups: 4, slowCallMs: 100, budgetOverrun: 4, maxIterations: 100_000,
  };
  const raw = new Map<number, number[]>(s.tokens.map((m) => [m, []]));
  const runner = new Map<number, number[]>(s.tokens.map((m) => [m, []]));
  const rawOnce = async () => {
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', RAW_LOOP, modelFile, String(s.threads), s.tokens.join(','), String(s.dModel), String(budgetMs), inputFile],
      { cwd: path.resolve(import.meta.dirname, '..'), maxBuffer: 64 * 1024 * 1024 },
    );
    for (const [m, times] of Object.entries(JSON.parse(stdout) as Record<string, number[]>)) raw.get(Number(m))!.push(...times);
  };
  const runnerOnce = async () => {
    const worker = BenchWorker.start();
    try {
      await worker.runTask({ type: 'js-suite', provider: 'cpu', job, checkModels: [] }, (msg) => {
        if (msg.type === 'samples') runner.get(msg.timing.tokens)!.push(...msg.timing.samplesMs);
      });
    } finally {
      worker.kill();
    }
  };
  try {
    // Alternating which goes first cancels any advantage of going first or second.
    for (let i = 0; i < REPEATS; i++) {
      for (const once of i % 2 === 0 ? [rawOnce, runnerOnce] : [runnerOnce, rawOnce]) await once();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `Harness overhead: dense chain of ${s.chainLayers} layers ${s.dModel}×${s.ffnWidth}, cpu, ${s.threads} intra-op thread(s); ` +
      `${REPEATS}× alternating fresh processes; useful GFLOP/s = 2·tokens·weights / median`,
  );
  console.log('tokens  runner GFLOP/s  raw loop GFLOP/s  runner/raw  target');
  for (const m of s.tokens) {
    const flops = 2 * m * s.dModel * s.ffnWidth * s.chainLayers;
    const runnerGflops = flops / (summarize(runner.get(m)!).medianMs * 1e6);
    const rawGflops = flops / (summarize(raw.get(m)!).medianMs * 1e6);
    const ratio = runnerGflops / rawGflops;
    console.log(
      [
        String(m).padEnd(6),
        runnerGflops.toFixed(1).padStart(14),
        rawGflops.toFixed(1).padStart(16),
        ratio.toFixed(3).padStart(10),
        `  within ${OVERHEAD_TARGET * 100} %${Math.abs(1 - ratio) > OVERHEAD_TARGET ? '  MISSED' : ''}`,
      ].join('  '),
    );
  }
}

export async function benchOnnx(): Promise<void> {
  console.log('Hardware check: the default and --quick suites as `sparsity-advisor bench` runs them (all providers probed)');
  const full = await timed(() => runHardwareCheck({}));
  const quick = await timed(() => runHardwareCheck({ quick: true }));
  console.log(benchText(full.value, full.seconds));
  console.log('');
  console.log('suite    wall [s]  target [s]');
  console.log(`default  ${full.seconds.toFixed(1).padStart(8)}  ≤ ${TARGET_DEFAULT_S}${full.seconds <= TARGET_DEFAULT_S ? '' : '  MISSED'}`);
  console.log(`quick    ${quick.seconds.toFixed(1).padStart(8)}  ≤ ${TARGET_QUICK_S}${quick.seconds <= TARGET_QUICK_S ? '' : '  MISSED'}`);
  console.log('');
  await harnessOverhead(full.value.settings);
}
