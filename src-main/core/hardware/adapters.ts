/**
 * Which GPU (adapter) a provider ran on, read from the operating system's own listings, since
 * onnxruntime-node reports none: parsers for `vulkaninfo --summary`, `nvidia-smi`, Windows'
 * video controllers and macOS' system_profiler, and the choice of the adapter each provider
 * uses. bench/inventory.ts runs the tools; this module only reads their text. A software
 * adapter (a GPU emulated on the CPU) is always recognised, so its figures are never taken for
 * a GPU's performance.
 */
import type { Adapter, AdapterSource, AdapterType, Provider } from './benchmark-result.js';

/** One adapter as a listing shows it, before it is assigned to a provider. */
export interface ListedAdapter {
  vendor: string | null;
  name: string | null;
  driver: string | null;
  type: AdapterType;
}

export const ADAPTER_LABELS = {
  enumerated: 'enumerated by the OS, not reported by ORT',
  software: 'software GPU — checks that the GPU path works, not a performance figure',
} as const;

/** Names of GPUs emulated on the CPU: Mesa's llvmpipe (lavapipe) and softpipe, Google's SwiftShader, Microsoft's WARP. */
const SOFTWARE_NAMES = /llvmpipe|lavapipe|softpipe|swiftshader|microsoft basic render|\bwarp\b/i;

export function isSoftwareName(name: string | null): boolean {
  return name !== null && SOFTWARE_NAMES.test(name);
}

/** PCI vendor ids, and Vulkan's own ids for vendors without one (VK_VENDOR_ID_MESA = 0x10005). */
const VENDOR_IDS: Record<number, string> = {
  0x10de: 'NVIDIA',
  0x1002: 'AMD',
  0x1022: 'AMD',
  0x8086: 'Intel',
  0x13b5: 'ARM',
  0x5143: 'Qualcomm',
  0x106b: 'Apple',
  0x1010: 'Imagination',
  0x14e4: 'Broadcom',
  0x1af4: 'Red Hat (virtio)',
  0x15ad: 'VMware',
  0x10005: 'Mesa',
};

const VULKAN_TYPES: Record<string, AdapterType> = {
  PHYSICAL_DEVICE_TYPE_CPU: 'software',
  PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: 'integrated',
  PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: 'discrete',
  PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: 'virtual',
  PHYSICAL_DEVICE_TYPE_OTHER: 'unknown',
};

function clean(value: string | undefined | null): string | null {
  const v = value?.trim();
  return v ? v.slice(0, 256) : null;
}

function withSoftwareName(adapter: ListedAdapter): ListedAdapter {
  return isSoftwareName(adapter.name) ? { ...adapter, type: 'software' } : adapter;
}

/** The "Devices:" section of `vulkaninfo --summary`: one block per GPU0, GPU1, … with `key = value` lines. */
export function parseVulkanSummary(text: string): ListedAdapter[] {
  const devices = text.split(/^GPU\d+:\s*$/m).slice(1);
  return devices.map((block) => {
    const field = (key: string) => clean(new RegExp(`^\\s*${key}\\s*=\\s*(.+)$`, 'm').exec(block)?.[1]);
    const vendorId = field('vendorID');
    const id = vendorId === null ? NaN : Number(vendorId);
    const type = VULKAN_TYPES[field('deviceType') ?? ''] ?? 'unknown';
    const driver = field('driverInfo') ?? field('driverName');
    const driverName = field('driverName');
    return withSoftwareName({
      vendor: Number.isFinite(id) ? (VENDOR_IDS[id] ?? vendorId) : null,
      name: field('deviceName'),
      driver: driverName && driver && driver !== driverName ? `${driverName} (${driver})` : driver,
      type,
    });
  });
}

/** `nvidia-smi --query-gpu=name,driver_version --format=csv,noheader`: one "name, driver" line per GPU. */
export function parseNvidiaSmi(text: string): ListedAdapter[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, driver] = line.split(',').map((s) => s.trim());
      // Jetson and DGX Spark boards are NVIDIA GPUs sharing the CPU's memory.
      const integrated = /tegra|orin|xavier|jetson|gb10/i.test(name ?? '');
      return { vendor: 'NVIDIA', name: clean(name), driver: clean(driver), type: integrated ? 'integrated' : 'discrete' };
    });
}

/**
 * Windows' Win32_VideoController list as PowerShell's ConvertTo-Json writes it (one object, or
 * an array of them): Name, AdapterCompatibility (the vendor), DriverVersion. Windows does not say
 * integrated or discrete; names that are unambiguous are classified, the rest stay unknown.
 */
export function parseWindowsVideoControllers(json: string): ListedAdapter[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const items = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
  return items
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => {
      const name = clean(typeof i.Name === 'string' ? i.Name : null);
      return withSoftwareName({
        vendor: clean(typeof i.AdapterCompatibility === 'string' ? i.AdapterCompatibility : null),
        name,
        driver: clean(typeof i.DriverVersion === 'string' ? i.DriverVersion : null),
        type: windowsType(name),
      });
    });
}

function windowsType(name: string | null): AdapterType {
  if (name === null) return 'unknown';
  if (/geforce|quadro|tesla|rtx\s*a?\d|radeon\s+(rx|pro)\b|\barc\(tm\)\s+a\d|\barc\s+a\d/i.test(name)) return 'discrete';
  if (/intel.*(uhd|hd graphics|iris)|radeon\(tm\)\s+(\d+m\s+)?graphics$|radeon\s+vega\s+\d+\s+graphics|adreno|arc\(tm\)\s+graphics$/i.test(name)) {
    return 'integrated';
  }
  if (/hyper-v|virtual|vmware|virtualbox|parallels/i.test(name)) return 'virtual';
  return 'unknown';
}

/**
 * `system_profiler SPDisplaysDataType -json`: sppci_model (the name), spdisplays_vendor, and the
 * bus. Apple silicon GPUs are integrated; a PCIe or Thunderbolt one is discrete.
 */
export function parseMacDisplays(json: string): ListedAdapter[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const items = (value as { SPDisplaysDataType?: unknown })?.SPDisplaysDataType;
  if (!Array.isArray(items)) return [];
  return items
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => {
      const str = (key: string) => (typeof i[key] === 'string' ? (i[key] as string) : null);
      const name = clean(str('sppci_model') ?? str('_name'));
      const vendor = clean(str('spdisplays_vendor')?.replace(/^sppci_vendor_/, '') ?? null);
      const bus = str('sppci_bus') ?? '';
      const family = str('spdisplays_mtlgpufamilysupport');
      const apple = /apple/i.test(vendor ?? '') || /^apple\s+m\d/i.test(name ?? '');
      const type: AdapterType = apple || /builtin/i.test(bus) ? 'integrated' : /pcie|thunderbolt/i.test(bus) ? 'discrete' : 'unknown';
      return withSoftwareName({ vendor, name, driver: family ? `Metal (${family.replace(/^spdisplays_/, '')})` : null, type });
    });
}

/**
 * Dawn (WebGPU) and DirectML ask for a high-performance adapter: discrete before integrated
 * before virtual, and a software adapter only when nothing else exists. The listing does not
 * say which one ORT took; this is the one it prefers.
 */
const PREFERENCE: Record<AdapterType, number> = { discrete: 0, integrated: 1, virtual: 2, unknown: 3, software: 4 };

export function preferredAdapter(listed: ListedAdapter[]): ListedAdapter | null {
  return [...listed].sort((a, b) => PREFERENCE[a.type] - PREFERENCE[b.type])[0] ?? null;
}

/** The adapter entry of a provider, from the listing the OS gave (empty when the tool found none or is missing). */
export function adapterEntry(provider: Provider, source: AdapterSource, listed: ListedAdapter[], missingReason: string): Adapter {
  const chosen = preferredAdapter(listed);
  if (chosen === null) {
    return { provider, vendor: null, name: null, driver: null, type: 'unknown', source: 'none', note: `not identified: ${missingReason}` };
  }
  const notes: string[] = [ADAPTER_LABELS.enumerated];
  if (listed.length > 1) notes.push(`${listed.length} adapters listed; the one ${provider} prefers is shown (ORT does not say which it took)`);
  if (chosen.type === 'software') notes.push(ADAPTER_LABELS.software);
  return { provider, ...chosen, source, note: notes.join('; ') };
}

/** One line for a person: "llvmpipe (LLVM 15.0.6, 256 bits), Mesa, driver …, software". */
export function adapterText(adapter: Adapter): string {
  if (adapter.name === null && adapter.vendor === null) return adapter.note;
  const parts = [adapter.name ?? 'unnamed adapter', adapter.vendor, adapter.driver && `driver ${adapter.driver}`, adapter.type].filter(Boolean);
  return `${parts.join(', ')} — ${adapter.note}`;
}
