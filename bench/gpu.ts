/**
 * `npm run bench:gpu`: the hardware check sized for a GPU machine — CUDA, TensorRT (FP16 with
 * 2:4 sparse tactics, through ORT's C API) and WebGPU beside the CPU reference — in one run that
 * should finish within 10 minutes on a machine with the GPU libraries (README, GPU builds). It
 * prints one table and writes the result file; TensorRT's engines are cached in a folder next to
 * that file, so a second run skips the engine builds.
 *
 *   npm run bench:gpu -- [--out FILE] [--role deployment|development] [--providers cpu,cuda,tensorrt,webgpu] [--quick]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROVIDERS, type Provider } from '../src-main/core/hardware/benchmark-result.js';
import { resolveRole } from '../src-main/core/hardware/machine-role.js';
import { InputError } from '../src-main/core/input.js';
import { listAdapters } from '../src-main/bench/inventory.js';
import { writeBenchmarkFile } from '../src-main/bench/result-file.js';
import { runHardwareCheck } from '../src-main/bench/run-hardware-check.js';
import { benchText } from '../src-main/cli/bench-command.js';

const TARGET_MINUTES = 10;
const GPU_PROVIDERS: Provider[] = ['cpu', 'cuda', 'tensorrt', 'webgpu'];
/**
 * Big enough that the GPU's work per call outweighs its fixed costs at 256 tokens, small enough
 * that the CPU reference (which every GPU output is checked against) and TensorRT's engine builds
 * (2 chains × 2 token counts) fit the time target.
 */
const SHAPE = { dModel: 1024, ffnWidth: 4096, tokens: [1, 256], sparsities: [0.5, 0.9] };
const QUICK_SHAPE = { tokens: [1, 64], sparsities: [0.5] };

function options() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      role: { type: 'string' },
      providers: { type: 'string' },
      quick: { type: 'boolean' },
    },
    strict: true,
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = values.out ?? path.join('gpu-bench', `gpu-${stamp}.json`);
  if (out.trim() === '') throw new InputError('--out', 'must name a file');
  const providers = (values.providers?.split(',').map((p) => p.trim()).filter(Boolean) ?? GPU_PROVIDERS) as Provider[];
  for (const p of providers) {
    if (!(PROVIDERS as readonly string[]).includes(p)) throw new InputError('--providers', `unknown provider ${JSON.stringify(p)} (known: ${PROVIDERS.join(', ')})`);
  }
  return { out, providers, role: resolveRole(values.role, '--role'), quick: values.quick === true };
}

/**
 * WebGPU on a software adapter (lavapipe where no GPU driver offers Vulkan) is no performance
 * figure and takes minutes at 256 tokens; on a GPU machine it is left out, saying so.
 */
async function withoutSoftwareWebGpu(providers: Provider[]): Promise<Provider[]> {
  if (!providers.includes('webgpu')) return providers;
  const [adapter] = await listAdapters(['webgpu']);
  if (adapter?.type !== 'software') return providers;
  console.log(`WebGPU left out: its adapter is ${adapter.name ?? 'a software GPU'}, a software GPU (no performance figure; the CI lane checks that path).`);
  return providers.filter((p) => p !== 'webgpu');
}

async function main(): Promise<void> {
  const { out, role, quick, ...asked } = options();
  const providers = await withoutSoftwareWebGpu(asked.providers);
  const folder = path.dirname(path.resolve(out));
  const engineCache = path.join(folder, 'tensorrt-engines');
  mkdirSync(folder, { recursive: true });
  const progress = process.stderr.isTTY
    ? (p: { fraction: number; current: string }) => process.stderr.write(`\r[${String(Math.round(p.fraction * 100)).padStart(3)} %] ${p.current}`.padEnd(100).slice(0, 100))
    : undefined;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const start = performance.now();
  const doc = await runHardwareCheck(
    { ...(quick ? { quick: true, ...QUICK_SHAPE } : SHAPE), providers, role, tensorrtEngineCache: engineCache },
    { ...(progress ? { onProgress: progress } : {}), signal: controller.signal },
  );
  if (progress) process.stderr.write('\r\u001b[K');
  const seconds = (performance.now() - start) / 1000;
  writeBenchmarkFile('--out', out, doc);
  console.log(benchText(doc, seconds));
  console.log('');
  console.log(`Result written to ${out}`);
  const tensorrt = doc.inventory.providers.find((p) => p.provider === 'tensorrt');
  if (tensorrt?.available) console.log(`TensorRT engines cached in ${engineCache} (the next run reuses them)`);
  console.log(`Wall time ${(seconds / 60).toFixed(1)} min, target ≤ ${TARGET_MINUTES} min${seconds / 60 <= TARGET_MINUTES ? '' : '  MISSED'}`);
  if (doc.cancelled) process.exitCode = 130;
}

main().catch((error: unknown) => {
  const parseError = typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');
  if (error instanceof InputError || parseError) {
    console.error(`bench:gpu: error: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  throw error;
});
