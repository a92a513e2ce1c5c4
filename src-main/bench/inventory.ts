/**
 * What the machine is, read where the operating system tells: CPU model and cores, SIMD and
 * matrix ISA flags, last-level cache, memory, GPUs and driver, OS. Every source is optional; a
 * missing file or tool leaves its field empty (null, []) and never fails the check.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  adapterEntry,
  parseMacDisplays,
  parseNvidiaSmi,
  parseVulkanSummary,
  parseWindowsVideoControllers,
  type ListedAdapter,
} from '../core/hardware/adapters.js';
import type { Adapter, AdapterSource, HardwareInventory, Provider } from '../core/hardware/benchmark-result.js';

const run = promisify(execFile);
/** External tools (nvidia-smi, lspci, getconf, sysctl) get this long, so a hung driver cannot stall the check. */
const TOOL_TIMEOUT_MS = 2000;

export type MachineInventory = Pick<HardwareInventory, 'cpu' | 'memoryBytes' | 'gpus' | 'os'>;

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

async function tool(command: string, args: string[], timeout = TOOL_TIMEOUT_MS): Promise<string | null> {
  try {
    const { stdout } = await run(command, args, { timeout, encoding: 'utf8', windowsHide: true });
    return stdout;
  } catch {
    return null;
  }
}

/** The flags that decide how fast a MatMul can run: SIMD width, FMA, dot-product and matrix units. */
const RELEVANT_ISA = /^(sse4_1|sse4_2|avx|avx2|fma|f16c|avx512.*|avx_vnni.*|amx.*|asimd.*|neon|sve.*|sme.*|fphp|asimdhp|asimddp|i8mm|bf16|.*feat_(bf16|i8mm|dotprod|fp16|sme.*|sve.*))$/i;

export function isaFlagsFromCpuinfo(cpuinfo: string): string[] {
  const line = cpuinfo.split('\n').find((l) => /^(flags|features)\s*:/i.test(l));
  if (!line) return [];
  const flags = line.slice(line.indexOf(':') + 1).trim().split(/\s+/);
  return [...new Set(flags.filter((f) => RELEVANT_ISA.test(f)))].sort();
}

async function isaFlags(): Promise<string[]> {
  if (process.platform === 'linux') {
    const cpuinfo = await readText('/proc/cpuinfo');
    return cpuinfo ? isaFlagsFromCpuinfo(cpuinfo) : [];
  }
  if (process.platform === 'darwin') {
    const out = await tool('sysctl', ['hw.optional']);
    if (!out) return [];
    const on = out
      .split('\n')
      .map((l) => /^hw\.optional\.(?:arm\.)?([\w.]+):\s*1\s*$/.exec(l.trim())?.[1])
      .filter((f): f is string => f !== undefined);
    return [...new Set(on.filter((f) => RELEVANT_ISA.test(f)))].sort();
  }
  return [];
}

/** "32768K", "1M" as in sysfs cache sizes. */
export function parseCacheSize(text: string): number | null {
  const m = /^(\d+)\s*([KMG]?)/i.exec(text.trim());
  if (!m) return null;
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'];
  const bytes = Number(m[1]) * unit;
  return bytes > 0 ? bytes : null;
}

/**
 * The largest cache level the OS reports: sysfs on Linux, else getconf; on macOS sysctl. As a
 * last resort Linux's /proc/cpuinfo "cache size" (L2 on AMD, L3 on Intel). When sources differ
 * the first one found wins; it is only used to decide whether chains are cache-cold, and a
 * larger figure only makes that test stricter.
 */
async function lastLevelCacheBytes(): Promise<number | null> {
  if (process.platform === 'linux') {
    const base = '/sys/devices/system/cpu/cpu0/cache';
    try {
      let best: { level: number; bytes: number } | null = null;
      for (const entry of (await readdir(base)).filter((e) => e.startsWith('index'))) {
        const [level, type, size] = await Promise.all(['level', 'type', 'size'].map((f) => readText(path.join(base, entry, f))));
        if (!level || !size || type?.trim() === 'Instruction') continue;
        const bytes = parseCacheSize(size);
        if (bytes !== null && (!best || Number(level) > best.level)) best = { level: Number(level), bytes };
      }
      if (best) return best.bytes;
    } catch {
      // no sysfs cache information (containers, some VMs): try the next source
    }
    const getconf = await tool('getconf', ['-a']);
    for (const name of ['LEVEL4_CACHE_SIZE', 'LEVEL3_CACHE_SIZE', 'LEVEL2_CACHE_SIZE']) {
      const m = getconf && new RegExp(`^${name}\\s+(\\d+)`, 'm').exec(getconf);
      if (m && Number(m[1]) > 0) return Number(m[1]);
    }
    const cpuinfo = await readText('/proc/cpuinfo');
    const m = cpuinfo && /^cache size\s*:\s*(\d+\s*[KMG]?)/im.exec(cpuinfo);
    return m ? parseCacheSize(m[1]!) : null;
  }
  if (process.platform === 'darwin') {
    for (const key of ['hw.l3cachesize', 'hw.l2cachesize']) {
      const out = await tool('sysctl', ['-n', key]);
      if (out && Number(out.trim()) > 0) return Number(out.trim());
    }
  }
  return null;
}

/** "name, driver" lines of `nvidia-smi --query-gpu=name,driver_version --format=csv,noheader`. */
export function gpusFromNvidiaSmi(text: string): HardwareInventory['gpus'] {
  return parseNvidiaSmi(text).map((a) => ({ name: a.name ?? '', driver: a.driver }));
}

/** Display, VGA and 3D controllers in `lspci` output. */
export function gpusFromLspci(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /(VGA compatible|3D|Display) controller/i.test(l))
    .map((l) => l.replace(/^.*?(VGA compatible|3D|Display) controller[^:]*:\s*/i, '').trim())
    .filter(Boolean);
}

async function gpus(): Promise<HardwareInventory['gpus']> {
  const found: HardwareInventory['gpus'] = [];
  const smi = await tool('nvidia-smi', ['--query-gpu=name,driver_version', '--format=csv,noheader']);
  if (smi) found.push(...gpusFromNvidiaSmi(smi));
  if (process.platform === 'linux') {
    const version = await readText('/proc/driver/nvidia/version');
    const nvidiaDriver = version ? (/Kernel Module\s+(?:for\s+\S+\s+)?([\d.]+)/.exec(version)?.[1] ?? null) : null;
    const lspci = await tool('lspci', []);
    for (const name of lspci ? gpusFromLspci(lspci) : []) {
      const nvidia = /nvidia/i.test(name);
      // nvidia-smi already named the NVIDIA boards, with better names.
      if (nvidia && smi) continue;
      found.push({ name, driver: nvidia ? nvidiaDriver : null });
    }
  }
  return found;
}

export async function collectInventory(): Promise<MachineInventory> {
  const [flags, llc, gpuList] = await Promise.all([isaFlags(), lastLevelCacheBytes(), gpus()]);
  const cpus = os.cpus();
  return {
    cpu: {
      model: cpus[0]?.model.trim() || 'unknown CPU',
      cores: Math.max(1, os.availableParallelism?.() ?? cpus.length),
      isaFlags: flags,
      lastLevelCacheBytes: llc === null ? null : Math.round(llc),
    },
    memoryBytes: os.totalmem(),
    gpus: gpuList,
    os: { platform: process.platform, release: os.release(), arch: process.arch },
  };
}

/** One listing of the machine's adapters, from the tool the platform offers, or why there is none. */
interface Listing {
  source: AdapterSource;
  adapters: ListedAdapter[];
  /** Why the listing is empty, for the adapter's note. */
  missing: string;
}

/** Listing tools can be slower than the CPU ones: vulkaninfo loads every Vulkan driver installed. */
const LISTING_TIMEOUT_MS = 10_000;

async function vulkanListing(): Promise<Listing> {
  const out = await tool('vulkaninfo', ['--summary'], LISTING_TIMEOUT_MS);
  if (out === null) return { source: 'none', adapters: [], missing: 'vulkaninfo is not installed (Debian: vulkan-tools) or failed' };
  const adapters = parseVulkanSummary(out);
  return { source: 'vulkaninfo', adapters, missing: 'vulkaninfo lists no Vulkan device' };
}

async function windowsListing(): Promise<Listing> {
  const command = 'Get-CimInstance Win32_VideoController | Select-Object Name,AdapterCompatibility,DriverVersion | ConvertTo-Json';
  const out = await tool('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', command], LISTING_TIMEOUT_MS);
  if (out === null) return { source: 'none', adapters: [], missing: 'PowerShell did not list the video controllers' };
  return { source: 'windows-video-controllers', adapters: parseWindowsVideoControllers(out), missing: 'Windows lists no video controller' };
}

async function macListing(): Promise<Listing> {
  const out = await tool('system_profiler', ['SPDisplaysDataType', '-json'], LISTING_TIMEOUT_MS);
  if (out === null) return { source: 'none', adapters: [], missing: 'system_profiler did not list the displays' };
  return { source: 'macos-system-profiler', adapters: parseMacDisplays(out), missing: 'system_profiler lists no GPU' };
}

async function nvidiaListing(): Promise<Listing> {
  const out = await tool('nvidia-smi', ['--query-gpu=name,driver_version', '--format=csv,noheader']);
  if (out === null) return { source: 'none', adapters: [], missing: 'nvidia-smi is not installed or found no NVIDIA GPU' };
  return { source: 'nvidia-smi', adapters: parseNvidiaSmi(out), missing: 'nvidia-smi lists no GPU' };
}

const NOT_HERE: Listing = { source: 'none', adapters: [], missing: '' };

/** Which listing names the adapter of each provider on this platform (WebGPU: Vulkan on Linux, D3D12 on Windows, Metal on macOS). */
function listingFor(provider: Exclude<Provider, 'cpu'>, platform: NodeJS.Platform): (() => Promise<Listing>) | string {
  switch (provider) {
    case 'cuda':
    case 'tensorrt':
      return nvidiaListing;
    case 'webgpu':
      return platform === 'linux' ? vulkanListing : platform === 'win32' ? windowsListing : platform === 'darwin' ? macListing : `no adapter listing known on ${platform}`;
    case 'dml':
      return platform === 'win32' ? windowsListing : 'DirectML exists only on Windows';
    case 'coreml':
      return platform === 'darwin' ? macListing : 'Core ML exists only on macOS';
  }
}

/**
 * The adapter of every provider other than the CPU, as the operating system lists it. Each tool
 * runs at most once; a missing tool leaves the adapter "unknown" with the reason, never fails.
 */
export async function listAdapters(providers: readonly Provider[], platform: NodeJS.Platform = process.platform): Promise<Adapter[]> {
  const cache = new Map<() => Promise<Listing>, Promise<Listing>>();
  const entries: Adapter[] = [];
  for (const provider of providers) {
    if (provider === 'cpu') continue;
    const how = listingFor(provider, platform);
    const listing = typeof how === 'string' ? { ...NOT_HERE, missing: how } : await (cache.get(how) ?? cache.set(how, how()).get(how)!);
    entries.push(adapterEntry(provider, listing.source, listing.adapters, listing.missing));
  }
  return entries;
}
