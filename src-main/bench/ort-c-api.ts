/**
 * The slice of ONNX Runtime's C API the sparse-kernel benchmark needs, reached through koffi on
 * the libonnxruntime that onnxruntime-node ships. onnxruntime-node cannot feed a sparse tensor
 * (its binding accepts dense tensors only, and ORT densifies sparse initializers at load), so
 * this is the only way to run com.microsoft::SparseToDenseMatMul from Node.
 *
 * Load it only in a process of its own: ORT keeps one environment per process, and mixing this
 * one with onnxruntime-node's in the same process is untested.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import koffi, { type LibraryHandle, type TypeObject } from 'koffi';
import type { CsrMatrix } from '../core/hardware/weights.js';

/** OrtApi is append-only; version 16 has every slot used here, and newer libraries still serve it. */
const API_VERSION = 16;
/**
 * Function-pointer slots in the OrtApi table, from onnxruntime_c_api.h (pointer index = slot).
 * The provider slots (170–174, 204–208) were counted in the header's struct OrtApi and checked
 * against libonnxruntime 1.30: each Update/Append call reports its own provider's loader error.
 */
const SLOT = {
  GetErrorMessage: 2,
  CreateEnv: 3,
  CreateSessionFromArray: 8,
  Run: 9,
  CreateSessionOptions: 10,
  SetSessionGraphOptimizationLevel: 23,
  SetIntraOpNumThreads: 24,
  SetInterOpNumThreads: 25,
  CreateTensorAsOrtValue: 48,
  GetTensorMutableData: 51,
  CreateCpuMemoryInfo: 69,
  GetAllocatorWithDefaultOptions: 78,
  ReleaseStatus: 93,
  ReleaseSession: 95,
  ReleaseValue: 96,
  ReleaseSessionOptions: 100,
  SessionOptionsAppendExecutionProvider_TensorRT_V2: 170,
  CreateTensorRTProviderOptions: 171,
  UpdateTensorRTProviderOptions: 172,
  ReleaseTensorRTProviderOptions: 174,
  CreateSparseTensorAsOrtValue: 179,
  FillSparseTensorCsr: 181,
  SessionOptionsAppendExecutionProvider_CUDA_V2: 204,
  CreateCUDAProviderOptions: 205,
  UpdateCUDAProviderOptions: 206,
  ReleaseCUDAProviderOptions: 208,
} as const;
/** Entries decoded from the table: every slot above must be below this. */
const TABLE_SIZE = 240;
/** OrtLoggingLevel: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal. */
export const ORT_LOGGING_LEVEL_INFO = 1;
const ORT_LOGGING_LEVEL_ERROR = 3;
const ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT = 1;
const ORT_ENABLE_ALL = 99;
const OrtDeviceAllocator = 0;
const OrtMemTypeDefault = 0;

/** A C function bound by koffi. */
type CFunction = (...args: unknown[]) => unknown;

/** An opaque C pointer as koffi hands it out. */
export type Pointer = unknown;

/**
 * A GPU execution provider for a session, with ORT's string options (e.g. trt_sparsity_enable:
 * "true"), which onnxruntime-node cannot pass. Sessions without one run on the CPU provider.
 */
export interface GpuProviderSetup {
  provider: 'tensorrt' | 'cuda';
  options: Record<string, string>;
}

/**
 * Every library loaded stays referenced for the life of the process: if koffi's handle were
 * collected, koffi would dlclose() the library and the next ORT call would crash the process.
 */
const LIBRARIES_KEPT_ALIVE: LibraryHandle[] = [];
/** One binding per library and process: ORT's environment is per process anyway. */
const LOADED = new Map<string, OrtCApi>();

const SIGNATURES: Record<keyof typeof SLOT, string> = {
  GetErrorMessage: 'const char *OrtGetErrorMessage(void *status)',
  CreateEnv: 'void *OrtCreateEnv(int level, const char *logid, _Out_ void **env)',
  CreateSessionFromArray: 'void *OrtCreateSessionFromArray(void *env, const void *data, size_t length, void *options, _Out_ void **session)',
  Run:
    'void *OrtRun(void *session, void *runOptions, const char **inputNames, void **inputs, size_t inputCount,' +
    ' const char **outputNames, size_t outputCount, void **outputs)',
  CreateSessionOptions: 'void *OrtCreateSessionOptions(_Out_ void **options)',
  SetSessionGraphOptimizationLevel: 'void *OrtSetSessionGraphOptimizationLevel(void *options, int level)',
  SetIntraOpNumThreads: 'void *OrtSetIntraOpNumThreads(void *options, int threads)',
  SetInterOpNumThreads: 'void *OrtSetInterOpNumThreads(void *options, int threads)',
  CreateTensorAsOrtValue: 'void *OrtCreateTensorAsOrtValue(void *allocator, const int64_t *shape, size_t rank, int type, _Out_ void **value)',
  GetTensorMutableData: 'void *OrtGetTensorMutableData(void *value, _Out_ void **data)',
  CreateCpuMemoryInfo: 'void *OrtCreateCpuMemoryInfo(int allocatorType, int memoryType, _Out_ void **info)',
  GetAllocatorWithDefaultOptions: 'void *OrtGetAllocatorWithDefaultOptions(_Out_ void **allocator)',
  ReleaseStatus: 'void OrtReleaseStatus(void *status)',
  ReleaseSession: 'void OrtReleaseSession(void *session)',
  ReleaseValue: 'void OrtReleaseValue(void *value)',
  ReleaseSessionOptions: 'void OrtReleaseSessionOptions(void *options)',
  SessionOptionsAppendExecutionProvider_TensorRT_V2: 'void *OrtAppendTensorRTV2(void *options, void *providerOptions)',
  CreateTensorRTProviderOptions: 'void *OrtCreateTensorRTProviderOptions(_Out_ void **providerOptions)',
  UpdateTensorRTProviderOptions: 'void *OrtUpdateTensorRTProviderOptions(void *providerOptions, const char **keys, const char **values, size_t count)',
  ReleaseTensorRTProviderOptions: 'void OrtReleaseTensorRTProviderOptions(void *providerOptions)',
  SessionOptionsAppendExecutionProvider_CUDA_V2: 'void *OrtAppendCudaV2(void *options, void *providerOptions)',
  CreateCUDAProviderOptions: 'void *OrtCreateCUDAProviderOptions(_Out_ void **providerOptions)',
  UpdateCUDAProviderOptions: 'void *OrtUpdateCUDAProviderOptions(void *providerOptions, const char **keys, const char **values, size_t count)',
  ReleaseCUDAProviderOptions: 'void OrtReleaseCUDAProviderOptions(void *providerOptions)',
  CreateSparseTensorAsOrtValue:
    'void *OrtCreateSparseTensorAsOrtValue(void *allocator, const int64_t *denseShape, size_t rank, int type, _Out_ void **value)',
  FillSparseTensorCsr:
    'void *OrtFillSparseTensorCsr(void *value, void *memoryInfo, const int64_t *valuesShape, size_t valuesRank,' +
    ' const void *values, const int64_t *innerIndices, size_t innerCount, const int64_t *outerIndices, size_t outerCount)',
};

interface CTypes {
  apiBase: TypeObject;
  getVersionString: TypeObject;
  getApi: TypeObject;
  functions: Record<keyof typeof SLOT, TypeObject>;
}
let C_TYPES: CTypes | null = null;

/** koffi's type names are process-wide and may be declared once, so the types are made once. */
function cTypes(): CTypes {
  if (!C_TYPES) {
    const functions = {} as Record<keyof typeof SLOT, TypeObject>;
    for (const name of Object.keys(SLOT) as (keyof typeof SLOT)[]) functions[name] = koffi.proto(SIGNATURES[name]);
    C_TYPES = {
      apiBase: koffi.struct('OrtApiBase', { GetApi: 'void *', GetVersionString: 'void *' }),
      getVersionString: koffi.proto('const char *OrtGetVersionString(void)'),
      getApi: koffi.proto('void *OrtGetApi(uint32_t version)'),
      functions,
    };
  }
  return C_TYPES;
}

/** libonnxruntime inside the installed onnxruntime-node package, or a reason it cannot be used here. */
export function findOrtLibrary(): { path: string } | { reason: string } {
  // The C-API path has been verified on Linux only; elsewhere it is not attempted rather than guessed at.
  if (process.platform !== 'linux') return { reason: `the ORT C-API path is verified on Linux only, not on ${process.platform}` };
  let packageRoot: string;
  try {
    packageRoot = path.resolve(path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node')), '..');
  } catch (error) {
    return { reason: `onnxruntime-node is not installed (${(error as Error).message})` };
  }
  const folder = path.join(packageRoot, 'bin', 'napi-v6', process.platform, process.arch);
  const names = existsSync(folder) ? readdirSync(folder).filter((f) => /^libonnxruntime\.so(\.\d+)*$/.test(f)) : [];
  const name = names.sort((a, b) => a.length - b.length)[0];
  if (!name) return { reason: `no libonnxruntime in ${folder}` };
  return { path: path.join(folder, name) };
}

export class OrtCApi {
  private readonly call: Record<keyof typeof SLOT, CFunction>;
  private readonly env: Pointer;
  private readonly allocator: Pointer;
  private readonly cpuMemory: Pointer;
  readonly version: string;

  private constructor(library: LibraryHandle, logLevel: number) {
    const types = cTypes();
    const base = koffi.decode(library.func('void *OrtGetApiBase(void)')(), types.apiBase) as { GetApi: Pointer; GetVersionString: Pointer };
    this.version = koffi.call(base.GetVersionString, types.getVersionString) as string;
    const api = koffi.call(base.GetApi, types.getApi, API_VERSION) as Pointer;
    if (!api) throw new Error(`libonnxruntime ${this.version} does not serve OrtApi version ${API_VERSION}`);
    const table = koffi.decode(api, 'void *', TABLE_SIZE) as Pointer[];
    const call = {} as Record<keyof typeof SLOT, CFunction>;
    for (const name of Object.keys(SLOT) as (keyof typeof SLOT)[]) {
      call[name] = koffi.decode(table[SLOT[name]], types.functions[name]) as CFunction;
    }
    this.call = call;
    this.env = this.out((o) => call.CreateEnv(logLevel, 'sparsity-advisor', o));
    this.allocator = this.out((o) => call.GetAllocatorWithDefaultOptions(o));
    this.cpuMemory = this.out((o) => call.CreateCpuMemoryInfo(OrtDeviceAllocator, OrtMemTypeDefault, o));
  }

  /**
   * Loads the library and sets up an ORT environment; throws with the reason when that fails.
   * `logLevel` applies to the process's one environment, so only the first load sets it: the
   * TensorRT child asks for info, where TensorRT's "(Sparsity)" build messages appear.
   */
  static load(libraryPath: string, logLevel: number = ORT_LOGGING_LEVEL_ERROR): OrtCApi {
    let api = LOADED.get(libraryPath);
    if (!api) {
      const library = koffi.load(libraryPath);
      LIBRARIES_KEPT_ALIVE.push(library);
      api = new OrtCApi(library, logLevel);
      LOADED.set(libraryPath, api);
    }
    return api;
  }

  /** Throws the message of a non-null OrtStatus, after releasing it. */
  private check(status: Pointer): void {
    if (!status) return;
    const text = this.call.GetErrorMessage(status) as string;
    this.call.ReleaseStatus(status);
    throw new Error(text);
  }

  private out(fn: (out: Pointer[]) => Pointer): Pointer {
    const out: Pointer[] = [null];
    this.check(fn(out));
    return out[0];
  }

  createSession(model: Uint8Array, intraOpThreads: number, gpu: GpuProviderSetup | null = null): Pointer {
    const options = this.out((o) => this.call.CreateSessionOptions(o));
    try {
      this.check(this.call.SetIntraOpNumThreads(options, intraOpThreads));
      this.check(this.call.SetInterOpNumThreads(options, 1));
      this.check(this.call.SetSessionGraphOptimizationLevel(options, ORT_ENABLE_ALL));
      if (gpu) this.appendGpuProvider(options, gpu);
      return this.out((o) => this.call.CreateSessionFromArray(this.env, model, model.byteLength, options, o));
    } finally {
      this.call.ReleaseSessionOptions(options);
    }
  }

  /**
   * Create, update and append the provider's V2 options, then release them (append copies them).
   * Without the provider's libraries, the update call already fails with the loader's error.
   */
  private appendGpuProvider(sessionOptions: Pointer, gpu: GpuProviderSetup): void {
    const trt = gpu.provider === 'tensorrt';
    const providerOptions = this.out((o) => (trt ? this.call.CreateTensorRTProviderOptions(o) : this.call.CreateCUDAProviderOptions(o)));
    try {
      const keys = Object.keys(gpu.options);
      const values = keys.map((k) => gpu.options[k]!);
      if (keys.length > 0) {
        const update = trt ? this.call.UpdateTensorRTProviderOptions : this.call.UpdateCUDAProviderOptions;
        this.check(update(providerOptions, keys, values, keys.length));
      }
      const append = trt ? this.call.SessionOptionsAppendExecutionProvider_TensorRT_V2 : this.call.SessionOptionsAppendExecutionProvider_CUDA_V2;
      this.check(append(sessionOptions, providerOptions));
    } finally {
      if (trt) this.call.ReleaseTensorRTProviderOptions(providerOptions);
      else this.call.ReleaseCUDAProviderOptions(providerOptions);
    }
  }

  releaseSession(session: Pointer): void {
    this.call.ReleaseSession(session);
  }

  /**
   * A float tensor in memory ORT allocated, with a Float32Array view onto it. JS-owned memory is
   * never handed to ORT: koffi guarantees such pointers only for the duration of one call.
   */
  createFloatTensor(dims: number[]): { value: Pointer; data: Float32Array } {
    const shape = BigInt64Array.from(dims, BigInt);
    const value = this.out((o) => this.call.CreateTensorAsOrtValue(this.allocator, shape, dims.length, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, o));
    const pointer = this.out((o) => this.call.GetTensorMutableData(value, o));
    const count = dims.reduce((a, b) => a * b, 1);
    return { value, data: new Float32Array(koffi.view(pointer, count * 4)) };
  }

  /** A sparse CSR tensor; ORT copies the arrays, so they may be dropped afterwards. */
  createCsrTensor(csr: CsrMatrix): Pointer {
    const shape = BigInt64Array.of(BigInt(csr.rows), BigInt(csr.columns));
    const value = this.out((o) => this.call.CreateSparseTensorAsOrtValue(this.allocator, shape, 2, ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, o));
    try {
      this.check(
        this.call.FillSparseTensorCsr(
          value,
          this.cpuMemory,
          BigInt64Array.of(BigInt(csr.values.length)),
          1,
          csr.values,
          csr.inner,
          csr.inner.length,
          csr.outer,
          csr.outer.length,
        ),
      );
    } catch (error) {
      this.call.ReleaseValue(value);
      throw error;
    }
    return value;
  }

  releaseValue(value: Pointer): void {
    this.call.ReleaseValue(value);
  }

  /** Synchronous Run into preallocated outputs: no allocation and no promise in the timed call. */
  run(session: Pointer, inputNames: string[], inputs: Pointer[], outputNames: string[], outputs: Pointer[]): void {
    this.check(this.call.Run(session, null, inputNames, inputs, inputs.length, outputNames, outputNames.length, outputs));
  }
}
