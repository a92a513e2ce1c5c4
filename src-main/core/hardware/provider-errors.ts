/**
 * Why a provider failed its probe, in words a person can act on. onnxruntime-node's own message
 * for a missing GPU library is only "Failed to load shared library"; ORT writes the loader's
 * error (which file, and why) to stderr, where the benchmark child's parent reads it. The runner
 * passes both here; the result goes into inventory.providers[].error.
 */
import type { Provider } from './benchmark-result.js';

/** The last "Failed to load library X with error: Y" ORT logged, as "Y". */
export function loaderError(stderr: string): string | null {
  const matches = [...stderr.matchAll(/Failed to load library \S+ with error: ([^\n\r]+)/g)];
  return matches.at(-1)?.[1]?.trim() ?? null;
}

export function explainProbeError(provider: Provider, error: string, stderr: string): string {
  const loader = loaderError(stderr);
  const base = loader && !error.includes(loader) ? `${error}: ${loader}` : error;
  const text = `${base} ${stderr}`;
  if (provider === 'cuda' || provider === 'tensorrt') {
    if (/libnvinfer/i.test(text)) return `${base} — TensorRT's libnvinfer is not installed or not on the library path`;
    if (/libonnxruntime_providers_(shared|cuda|tensorrt)/.test(text)) {
      return `${base} — the ${provider} provider libraries are not installed: run "npm run gpu:install" on a machine with network access (README, GPU builds)`;
    }
    if (/libcud|libcublas|libcudnn/i.test(text)) return `${base} — CUDA 12 runtime libraries (cudart, cuBLAS, cuDNN) are missing`;
  }
  if (provider === 'webgpu' && /no supported adapters|adapter/i.test(error)) {
    return `${base} — no GPU adapter; on Linux without a GPU, Mesa ≥ 25's lavapipe provides one (Debian: apt-get install -t bookworm-backports mesa-vulkan-drivers)`;
  }
  return base;
}
