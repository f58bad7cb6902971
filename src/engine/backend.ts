import type { BackendName, SkippedBackend, TfjsBackendPreference } from '../worker/protocol';
import { BACKENDS } from '../worker/protocol';

/** How one backend is checked and started on this platform. */
export interface BackendProbe {
  /** Why "auto" should not use this backend here (e.g. a software renderer), or null. */
  unsuitable(): Promise<string | null>;
  /** Loads and activates the backend; resolves to false or throws when it cannot run. */
  activate(): Promise<boolean>;
}

export interface BackendChoice {
  backend: BackendName;
  skipped: SkippedBackend[];
  /**
   * Why "auto" would not have used the backend a person forced (e.g. a software renderer, which
   * also takes the CPU cores the page needs), for the status line to say; absent otherwise.
   */
  caution?: string;
}

/** A renderer or adapter name that says the GPU is emulated on the CPU (SwiftShader, llvmpipe, …). */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a backend that refused to start refused, as far as its probe can tell. */
async function failureReason(probe: BackendProbe): Promise<string> {
  const reason = await probe.unsuitable().catch(() => null);
  return reason ? `failed to start (${reason})` : 'failed to start';
}

/**
 * Activates the preferred backend, or the first that works in the order
 * WebGPU → WebGL → WASM → CPU, recording why each skipped one was skipped.
 * A forced backend is tried first even when "auto" would avoid it.
 */
export async function chooseBackend(
  preference: TfjsBackendPreference,
  probes: Partial<Record<BackendName, BackendProbe>>,
): Promise<BackendChoice> {
  const skipped: SkippedBackend[] = [];
  const order: BackendName[] =
    preference === 'auto' ? [...BACKENDS] : [preference, ...BACKENDS.filter((name) => name !== preference)];
  for (const name of order) {
    const probe = probes[name];
    if (!probe) {
      skipped.push({ name, reason: 'not available on this platform' });
      continue;
    }
    if (preference === 'auto' || name !== preference) {
      const reason = await probe.unsuitable().catch((error: unknown) => describe(error));
      if (reason) {
        skipped.push({ name, reason });
        continue;
      }
    }
    try {
      if (await probe.activate()) {
        if (preference === 'auto' || name !== preference) return { backend: name, skipped };
        const caution = await probe.unsuitable().catch(() => null);
        return caution ? { backend: name, skipped, caution } : { backend: name, skipped };
      }
      skipped.push({ name, reason: await failureReason(probe) });
    } catch (error) {
      skipped.push({ name, reason: `failed to start: ${describe(error)}` });
    }
  }
  throw new Error(`No TensorFlow.js backend could start (${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}).`);
}

/**
 * Backend selection for one TF.js instance: the choice for the latest preference is kept (asking
 * again costs nothing), and a new choice starts only once the previous one has settled — two
 * choices at once would switch TF.js' global backend under each other (the page readies a
 * backend while idle, and the person may pick another engine meanwhile). A failed choice is
 * forgotten, so the next request tries again.
 */
export function serialBackendSelector(choose: (preference: TfjsBackendPreference) => Promise<BackendChoice>): (preference: TfjsBackendPreference) => Promise<BackendChoice> {
  let current: { preference: TfjsBackendPreference; choice: Promise<BackendChoice> } | null = null;
  return (preference) => {
    if (current?.preference === preference) return current.choice;
    const previous = current?.choice.catch(() => undefined) ?? Promise.resolve();
    const choice = previous.then(() => choose(preference));
    const entry = { preference, choice };
    current = entry;
    choice.catch(() => {
      if (current === entry) current = null;
    });
    return choice;
  };
}
