/**
 * A stable identifier of a machine, so runs from one machine can be grouped and runs from two
 * machines are never mixed up. It hashes what identifies the hardware and not what changes from
 * day to day: no kernel release, no free memory, no time.
 */
import type { HardwareInventory } from './benchmark-result.js';

const GiB = 1024 ** 3;

export type FingerprintInput = Pick<HardwareInventory, 'memoryBytes' | 'gpus'> & {
  cpu: Pick<HardwareInventory['cpu'], 'model' | 'cores'>;
  os: Pick<HardwareInventory['os'], 'platform' | 'arch'>;
};

/** FNV-1a, 64-bit, over UTF-16 code units; good enough to tell machines apart, not a security hash. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

export function machineFingerprint(input: FingerprintInput): string {
  const canonical = JSON.stringify([
    input.cpu.model.trim(),
    input.cpu.cores,
    // Whole GiB: the kernel's reported total moves by a few MiB between boots and firmware updates.
    Math.round(input.memoryBytes / GiB),
    input.gpus.map((g) => g.name.trim()).sort(),
    input.os.platform,
    input.os.arch,
  ]);
  return `fnv1a64:${fnv1a64(canonical)}`;
}
