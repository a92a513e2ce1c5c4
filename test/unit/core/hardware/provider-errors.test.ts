import { describe, expect, it } from 'vitest';
import { explainProbeError, loaderError } from '../../../../src-main/core/hardware/provider-errors.js';

// What ORT 1.30 writes to stderr when the CUDA provider's libraries were never downloaded.
const STDERR =
  '[E:onnxruntime:onnxruntime-node, provider_bridge_ort.cc:2146 Create] /onnxruntime_src/onnxruntime/core/session/provider_bridge_ort.cc:1988 ' +
  'onnxruntime::Provider& onnxruntime::ProviderLibrary::Get() [ONNXRuntimeError] : 1 : FAIL : Failed to load library /app/bin/libonnxruntime_providers_shared.so ' +
  'with error: /app/bin/libonnxruntime_providers_shared.so: cannot open shared object file: No such file or directory\n';

describe('provider errors', () => {
  it('takes the loader\'s error from what ORT wrote to stderr', () => {
    expect(loaderError(STDERR)).toBe('/app/bin/libonnxruntime_providers_shared.so: cannot open shared object file: No such file or directory');
    expect(loaderError('nothing relevant')).toBeNull();
  });

  it('turns "Failed to load shared library" into the missing file and what to do', () => {
    const text = explainProbeError('cuda', 'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library', STDERR);
    expect(text).toContain('libonnxruntime_providers_shared.so: cannot open shared object file');
    expect(text).toContain('npm run gpu:install');
  });

  it('names libnvinfer when TensorRT itself is missing', () => {
    const stderr = 'Failed to load library libonnxruntime_providers_tensorrt.so with error: libnvinfer.so.10: cannot open shared object file';
    expect(explainProbeError('tensorrt', 'Failed to load shared library', stderr)).toContain("TensorRT's libnvinfer is not installed");
  });

  it('points a GPU-less Linux machine at Mesa\'s lavapipe for WebGPU', () => {
    expect(explainProbeError('webgpu', 'No supported adapters', '')).toContain('bookworm-backports mesa-vulkan-drivers');
  });

  it('leaves other errors as they are', () => {
    expect(explainProbeError('dml', 'no available backend found. ERR: [dml] backend not found.', '')).toBe('no available backend found. ERR: [dml] backend not found.');
  });
});
