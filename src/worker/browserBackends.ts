/** Backend probes for a browser worker: what each backend needs and why "auto" may skip it. */
import * as tf from '@tensorflow/tfjs';
import { SOFTWARE_RENDERER, type BackendProbe } from '../engine/backend';
import type { BackendName } from './protocol';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The WebGL renderer's name as the driver reports it, or null when WebGL2 is missing. */
function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return typeof renderer === 'string' ? renderer : 'unknown';
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

async function webgpuUnsuitable(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return 'this browser does not expose WebGPU';
  const adapter = await gpu.requestAdapter();
  if (!adapter) return 'no WebGPU adapter (no usable GPU)';
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  if (info.isFallbackAdapter || adapter.isFallbackAdapter || SOFTWARE_RENDERER.test(name)) {
    return `software adapter${name ? ` (${name})` : ''}: slower than WebAssembly here`;
  }
  return null;
}

export const browserBackends: Record<BackendName, BackendProbe> = {
  webgpu: {
    unsuitable: webgpuUnsuitable,
    activate: async () => {
      await import('@tensorflow/tfjs-backend-webgpu');
      return tf.setBackend('webgpu');
    },
  },
  webgl: {
    unsuitable: async () => {
      const renderer = webglRenderer();
      if (renderer === null) return 'WebGL2 is not available in a worker here';
      if (SOFTWARE_RENDERER.test(renderer)) return `software renderer (${renderer}): several times slower than WebAssembly, and its threads take the CPU cores the page needs`;
      return null;
    },
    activate: () => tf.setBackend('webgl'),
  },
  wasm: {
    unsuitable: async () => (typeof WebAssembly === 'undefined' ? 'WebAssembly is disabled' : null),
    activate: async () => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Bundled binaries: the page never reaches for a CDN.
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
      });
      return tf.setBackend('wasm');
    },
  },
  cpu: {
    unsuitable: async () => null,
    activate: () => tf.setBackend('cpu'),
  },
};
