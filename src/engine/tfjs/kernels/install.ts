/**
 * Kernels TF.js lacks or runs slowly on the backends "auto" picks here.
 * - WebAssembly has no Conv2DBackpropFilter at all: a convolution cannot train there without it.
 * - The CPU backend has both kernels used to train a convolution + max pooling, but they read
 *   every element through TensorBuffer.get (about 10× slower than plain loops).
 * These are plain loops over typed arrays with TF.js' own definitions (see the two kernel
 * files), registered under TF.js' kernel names. WebGL and WebGPU keep their own kernels; the
 * WebAssembly backend keeps its MaxPoolGrad.
 */
import * as tf from '@tensorflow/tfjs';
import { conv2dFilterGradient } from './conv2dBackpropFilter';
import { maxPoolInputGradient } from './maxPoolGrad';
import { unpackGradConfig } from './unpackGrad';

type BackendName = 'cpu' | 'wasm';

/** What a kernel needs from a backend: read an input, make an output. */
interface KernelIo {
  read(tensor: tf.TensorInfo): Float32Array;
  write(shape: number[], values: Float32Array): tf.TensorInfo;
}

interface ReadableBackend {
  readSync(dataId: tf.DataId): unknown;
}
interface CpuBackendLike extends ReadableBackend {
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}
interface WasmBackendLike extends ReadableBackend {
  makeOutput(shape: number[], dtype: 'float32', memoryOffset: undefined, values: Float32Array): tf.TensorInfo;
}

function readFloats(backend: ReadableBackend, tensor: tf.TensorInfo): Float32Array {
  const values = backend.readSync(tensor.dataId);
  if (values instanceof Float32Array) return values;
  if (values instanceof Int32Array || values instanceof Uint8Array) return Float32Array.from(values);
  throw new Error(`Expected numeric data, got ${tensor.dtype}.`);
}

function io(name: BackendName, backend: object): KernelIo {
  if (name === 'cpu') {
    const cpu = backend as CpuBackendLike;
    return { read: (t) => readFloats(cpu, t), write: (shape, values) => cpu.makeTensorInfo(shape, 'float32', values) };
  }
  const wasm = backend as WasmBackendLike;
  return { read: (t) => readFloats(wasm, t), write: (shape, values) => wasm.makeOutput(shape, 'float32', undefined, values) };
}

function input(inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const tensor = inputs[name];
  if (!tensor) throw new Error(`Missing kernel input "${name}".`);
  return tensor;
}

type Shape4 = [number, number, number, number];

function conv2dBackpropFilter(name: BackendName): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName: name,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      const kernel = io(name, backend);
      const x = input(inputs, 'x');
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as Shape4,
        filterShape,
        strides,
        1,
        pad,
        dimRoundingMode,
        false,
        tf.backend_util.convertConv2DDataFormat(dataFormat),
      );
      return kernel.write(info.filterShape, conv2dFilterGradient(kernel.read(x), kernel.read(input(inputs, 'dy')), info));
    },
  };
}

function maxPoolGrad(name: BackendName): tf.KernelConfig {
  return {
    kernelName: tf.MaxPoolGrad,
    backendName: name,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
      const kernel = io(name, backend);
      const x = input(inputs, 'input');
      const info = tf.backend_util.computePool2DInfo(x.shape as Shape4, filterSize, strides, 1, pad, dimRoundingMode);
      return kernel.write(x.shape, maxPoolInputGradient(kernel.read(x), kernel.read(input(inputs, 'dy')), info));
    },
  };
}

const KERNELS: readonly tf.KernelConfig[] = [conv2dBackpropFilter('cpu'), maxPoolGrad('cpu'), conv2dBackpropFilter('wasm')];

let installed = false;

/** Registers the kernels above (once); replaces the CPU backend's own; and TF.js' gradient of Unpack. */
export function installKernels(): void {
  if (installed) return;
  installed = true;
  for (const config of KERNELS) {
    // Unregister first: registering over a kernel logs a warning.
    if (tf.getKernel(config.kernelName, config.backendName)) tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
  // Replaces TF.js' gradient of Unpack, which fails on a single output (see unpackGrad.ts).
  const log = console.warn;
  console.warn = () => undefined; // registerGradient warns that it overrides; that is the point.
  try {
    tf.registerGradient(unpackGradConfig);
  } finally {
    console.warn = log;
  }
}
