import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import {
  collectInventory,
  gpusFromLspci,
  gpusFromNvidiaSmi,
  isaFlagsFromCpuinfo,
  listAdapters,
  parseCacheSize,
} from '../../../src-main/bench/inventory.js';
import { readBenchmarkFile, writeBenchmarkFile } from '../../../src-main/bench/result-file.js';
import { syntheticDocument, syntheticV1Document } from '../core/hardware/synthetic-run.js';

describe('hardware inventory', () => {
  it('keeps the ISA flags that matter for MatMul from /proc/cpuinfo (x86 and Arm)', () => {
    const x86 = 'processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma f16c avx512f avx512_bf16 avx_vnni amx_tile hypervisor\n';
    expect(isaFlagsFromCpuinfo(x86)).toEqual(['amx_tile', 'avx', 'avx2', 'avx512_bf16', 'avx512f', 'avx_vnni', 'f16c', 'fma', 'sse4_1', 'sse4_2']);
    const arm = 'processor\t: 0\nFeatures\t: fp asimd evtstrm aes asimddp sve i8mm bf16\n';
    expect(isaFlagsFromCpuinfo(arm)).toEqual(['asimd', 'asimddp', 'bf16', 'i8mm', 'sve']);
    expect(isaFlagsFromCpuinfo('no flags here')).toEqual([]);
  });

  it('reads cache sizes as the OS writes them', () => {
    expect(parseCacheSize('32768K\n')).toBe(32 * 1024 * 1024);
    expect(parseCacheSize('1M')).toBe(1024 * 1024);
    expect(parseCacheSize('1024 KB')).toBe(1024 * 1024);
    expect(parseCacheSize('n/a')).toBeNull();
  });

  it('reads GPUs from nvidia-smi and lspci output', () => {
    expect(gpusFromNvidiaSmi('NVIDIA A100-SXM4-80GB, 550.54.15\nNVIDIA L4, 550.54.15\n')).toEqual([
      { name: 'NVIDIA A100-SXM4-80GB', driver: '550.54.15' },
      { name: 'NVIDIA L4', driver: '550.54.15' },
    ]);
    const lspci =
      '00:02.0 VGA compatible controller: Intel Corporation UHD Graphics 630 (rev 02)\n' +
      '01:00.0 3D controller: NVIDIA Corporation GA100 [A100 SXM4 80GB] (rev a1)\n' +
      '00:1f.3 Audio device: Intel Corporation Cannon Lake PCH cAVS (rev 10)\n';
    expect(gpusFromLspci(lspci)).toEqual(['Intel Corporation UHD Graphics 630 (rev 02)', 'NVIDIA Corporation GA100 [A100 SXM4 80GB] (rev a1)']);
  });

  it('describes this machine without failing on missing tools', async () => {
    const inv = await collectInventory();
    expect(inv.cpu.cores).toBeGreaterThanOrEqual(1);
    expect(inv.cpu.model.length).toBeGreaterThan(0);
    expect(inv.memoryBytes).toBeGreaterThan(0);
    expect(inv.os.platform).toBe(process.platform);
    expect(Array.isArray(inv.gpus)).toBe(true);
    if (inv.cpu.lastLevelCacheBytes !== null) expect(inv.cpu.lastLevelCacheBytes).toBeGreaterThan(0);
  });
});

describe('adapter listing', () => {
  it('gives every provider but the CPU an entry, saying why one cannot exist on this platform', async () => {
    const adapters = await listAdapters(['cpu', 'dml', 'coreml', 'webgpu'], 'freebsd');
    expect(adapters.map((a) => [a.provider, a.type, a.source, a.note])).toEqual([
      ['dml', 'unknown', 'none', 'not identified: DirectML exists only on Windows'],
      ['coreml', 'unknown', 'none', 'not identified: Core ML exists only on macOS'],
      ['webgpu', 'unknown', 'none', 'not identified: no adapter listing known on freebsd'],
    ]);
  });

  it.runIf(process.platform === 'linux')('asks nvidia-smi once for CUDA and TensorRT and labels what it found as enumerated by the OS', async () => {
    const [cuda, tensorrt] = await listAdapters(['cuda', 'tensorrt']);
    expect(tensorrt!.source).toBe(cuda!.source);
    expect(cuda!.source === 'nvidia-smi' ? cuda!.note : 'enumerated by the OS, not reported by ORT').toContain('enumerated by the OS, not reported by ORT');
    if (cuda!.source === 'none') expect(cuda!.note).toContain('nvidia-smi');
  });
});

describe('result files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'advisor-bench-file-'));

  it('reads a format-1 file as a development machine with unknown adapters', () => {
    const file = path.join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify(syntheticV1Document()));
    const doc = readBenchmarkFile(file);
    expect(doc).toMatchObject({ version: 2, role: 'development' });
    expect(doc.inventory.adapters.every((a) => a.type === 'unknown' && a.source === 'not-recorded')).toBe(true);
  });

  it('writes a document and reads the same document back', () => {
    const doc = syntheticDocument();
    const file = path.join(dir, 'run.json');
    writeBenchmarkFile('--out', file, doc);
    expect(readBenchmarkFile(file)).toEqual(doc);
  });

  it('names the file and the first bad field of a damaged document', () => {
    const file = path.join(dir, 'damaged.json');
    const doc = JSON.parse(JSON.stringify(syntheticDocument()));
    doc.table[3].speedup.low = -1;
    writeFileSync(file, JSON.stringify(doc));
    expect(() => readBenchmarkFile(file)).toThrow(InputError);
    expect(() => readBenchmarkFile(file)).toThrow(`${file}.table.3.speedup.low`);
  });

  it('refuses a document of another format or version', () => {
    const file = path.join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ ...syntheticDocument(), version: 3 }));
    expect(() => readBenchmarkFile(file)).toThrow(`${file}.version`);
    expect(() => readBenchmarkFile(file)).toThrow('a newer version of the app');
  });

  it('names the file when it is missing or not JSON', () => {
    expect(() => readBenchmarkFile(path.join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read: ENOENT/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expect(() => readBenchmarkFile(bad)).toThrow(/bad\.json: not valid JSON/);
  });

  it('refuses to write an invalid document, leaving no file behind', () => {
    const file = path.join(dir, 'never.json');
    const doc = { ...syntheticDocument(), settings: { ...syntheticDocument().settings, threads: 0 } };
    expect(() => writeBenchmarkFile('--out', file, doc)).toThrow('benchmark.settings.threads');
    expect(() => readFileSync(file)).toThrow();
  });
});
