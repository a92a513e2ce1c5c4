import { describe, expect, it } from 'vitest';
import {
  ADAPTER_LABELS,
  adapterEntry,
  parseMacDisplays,
  parseNvidiaSmi,
  parseVulkanSummary,
  parseWindowsVideoControllers,
  preferredAdapter,
} from '../../../../src-main/core/hardware/adapters.js';

/** `vulkaninfo --summary` on a machine without a GPU and Mesa 25's lavapipe (Debian bookworm-backports). */
const LAVAPIPE = `Devices:
========
GPU0:
\tapiVersion         = 1.4.305
\tdriverVersion      = 0.0.1
\tvendorID           = 0x10005
\tdeviceID           = 0x0000
\tdeviceType         = PHYSICAL_DEVICE_TYPE_CPU
\tdeviceName         = llvmpipe (LLVM 15.0.6, 256 bits)
\tdriverID           = DRIVER_ID_MESA_LLVMPIPE
\tdriverName         = llvmpipe
\tdriverInfo         = Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6)
\tconformanceVersion = 1.3.1.1
`;

/** A laptop with an NVIDIA discrete GPU beside Intel graphics and lavapipe (shape of vulkaninfo 1.3 --summary). */
const HYBRID = `Devices:
========
GPU0:
\tvendorID           = 0x8086
\tdeviceType         = PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU
\tdeviceName         = Intel(R) UHD Graphics 770 (ADL-S GT1)
\tdriverName         = Intel open-source Mesa driver
\tdriverInfo         = Mesa 25.0.7
GPU1:
\tvendorID           = 0x10de
\tdeviceType         = PHYSICAL_DEVICE_TYPE_DISCRETE_GPU
\tdeviceName         = NVIDIA GeForce RTX 4070
\tdriverName         = NVIDIA
\tdriverInfo         = 550.54.14
GPU2:
\tvendorID           = 0x10005
\tdeviceType         = PHYSICAL_DEVICE_TYPE_CPU
\tdeviceName         = llvmpipe (LLVM 15.0.6, 256 bits)
\tdriverName         = llvmpipe
\tdriverInfo         = Mesa 25.0.7
`;

describe('adapter listings', () => {
  it('reads lavapipe from vulkaninfo as a software adapter from Mesa', () => {
    expect(parseVulkanSummary(LAVAPIPE)).toEqual([
      { vendor: 'Mesa', name: 'llvmpipe (LLVM 15.0.6, 256 bits)', driver: 'llvmpipe (Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6))', type: 'software' },
    ]);
  });

  it('reads every Vulkan device and prefers discrete, then integrated, then software, as Dawn does', () => {
    const listed = parseVulkanSummary(HYBRID);
    expect(listed.map((a) => [a.vendor, a.type])).toEqual([
      ['Intel', 'integrated'],
      ['NVIDIA', 'discrete'],
      ['Mesa', 'software'],
    ]);
    expect(preferredAdapter(listed)!.name).toBe('NVIDIA GeForce RTX 4070');
    expect(preferredAdapter([listed[2]!, listed[0]!])!.type).toBe('integrated');
  });

  it('finds no device in vulkaninfo output without a Devices section', () => {
    expect(parseVulkanSummary('ERROR: vkCreateInstance failed with ERROR_INCOMPATIBLE_DRIVER')).toEqual([]);
  });

  it('reads nvidia-smi, with Jetson-class boards integrated', () => {
    expect(parseNvidiaSmi('NVIDIA H100 80GB HBM3, 550.54.15\nOrin (nvgpu), 36.3.0\n')).toEqual([
      { vendor: 'NVIDIA', name: 'NVIDIA H100 80GB HBM3', driver: '550.54.15', type: 'discrete' },
      { vendor: 'NVIDIA', name: 'Orin (nvgpu)', driver: '36.3.0', type: 'integrated' },
    ]);
  });

  it('reads Windows video controllers, one object or an array, WARP as software', () => {
    const one = JSON.stringify({ Name: 'Microsoft Basic Render Driver', AdapterCompatibility: '(Standard display types)', DriverVersion: '10.0.22621.1' });
    expect(parseWindowsVideoControllers(one)[0]!.type).toBe('software');
    const two = JSON.stringify([
      { Name: 'Intel(R) Iris(R) Xe Graphics', AdapterCompatibility: 'Intel Corporation', DriverVersion: '31.0.101.4502' },
      { Name: 'NVIDIA GeForce RTX 3050 Laptop GPU', AdapterCompatibility: 'NVIDIA', DriverVersion: '31.0.15.3623' },
      { Name: 'Some Future GPU', AdapterCompatibility: 'Acme', DriverVersion: '1.0' },
    ]);
    expect(parseWindowsVideoControllers(two).map((a) => a.type)).toEqual(['integrated', 'discrete', 'unknown']);
    expect(parseWindowsVideoControllers('not json')).toEqual([]);
  });

  it('reads macOS displays, Apple silicon as integrated', () => {
    const json = JSON.stringify({
      SPDisplaysDataType: [{ _name: 'Apple M2 Pro', sppci_model: 'Apple M2 Pro', spdisplays_vendor: 'sppci_vendor_Apple', sppci_bus: 'spdisplays_builtin', spdisplays_mtlgpufamilysupport: 'spdisplays_metal3' }],
    });
    expect(parseMacDisplays(json)).toEqual([{ vendor: 'Apple', name: 'Apple M2 Pro', driver: 'Metal (metal3)', type: 'integrated' }]);
    expect(parseMacDisplays('{}')).toEqual([]);
  });
});

describe('adapterEntry', () => {
  it('labels the adapter as enumerated by the OS, and a software one as no performance figure', () => {
    const entry = adapterEntry('webgpu', 'vulkaninfo', parseVulkanSummary(LAVAPIPE), 'unused');
    expect(entry).toMatchObject({ provider: 'webgpu', type: 'software', source: 'vulkaninfo' });
    expect(entry.note).toContain(ADAPTER_LABELS.enumerated);
    expect(entry.note).toContain(ADAPTER_LABELS.software);
  });

  it('says when several adapters were listed and which one the provider prefers', () => {
    const entry = adapterEntry('webgpu', 'vulkaninfo', parseVulkanSummary(HYBRID), 'unused');
    expect(entry.name).toBe('NVIDIA GeForce RTX 4070');
    expect(entry.note).toContain('3 adapters listed');
    expect(entry.note).not.toContain(ADAPTER_LABELS.software);
  });

  it('is unknown, with the reason, when nothing was listed', () => {
    expect(adapterEntry('cuda', 'nvidia-smi', [], 'nvidia-smi is not installed')).toEqual({
      provider: 'cuda', vendor: null, name: null, driver: null, type: 'unknown', source: 'none', note: 'not identified: nvidia-smi is not installed',
    });
  });
});
