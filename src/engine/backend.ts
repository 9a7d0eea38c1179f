/**
 * Backend choice as an explicit chain (../../shared/spec/tfjs-notes.md: a bare tf.ready() would pick
 * WebGPU whenever the browser exposes it, even without a usable adapter). Each candidate loads its
 * backend and says whether it can be used; the first that can and initialises wins.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName, BackendPreference, BackendReport } from '../core/backends';
import { BACKEND_LABELS } from '../core/backends';

/**
 * The order "auto" tries. With composed tfjs ops a step is hundreds of small kernels: WASM did 67
 * steps/s on a 2-core machine while WebGPU on an NVIDIA H100 did 9 and WebGL 9
 * (shared/spec/performance.md). The fused engine does ~2,800 steps/s on WASM there (scenario A); its
 * WebGPU path is yet to be timed on a hardware GPU. Until it is, WASM comes first, then a hardware
 * WebGPU adapter, WebGL, and the plain JavaScript CPU backend.
 */
export const AUTO_ORDER: readonly BackendName[] = ['wasm', 'webgpu', 'webgl', 'cpu'];

/** A backend the chain may try. */
export interface BackendCandidate {
  name: BackendName;
  /**
   * Loads and registers the backend. Resolves to null when it may be used, else to the reason it
   * may not (e.g. "no WebGPU adapter", "software adapter").
   * @param requested true when the user asked for this backend by name (a software WebGPU adapter is
   *   then acceptable, for testing), false when "auto" is trying it
   */
  prepare(requested: boolean): Promise<string | null>;
  /** Extra information to show once chosen (e.g. the GPU adapter's description). */
  describe?(): string;
}

/**
 * Tries the requested backend (if any) and then the AUTO_ORDER, returning the first that works.
 * @throws only when no backend at all can be started
 */
export async function selectBackend(
  preference: BackendPreference,
  candidates: readonly BackendCandidate[],
  /** With "auto": the backend to try first (one measured fastest on this device before). */
  first: BackendName | null = null,
): Promise<BackendReport> {
  const byName = new Map(candidates.map((c) => [c.name, c]));
  const head = preference === 'auto' ? first : preference;
  const order = head ? [head, ...AUTO_ORDER.filter((n) => n !== head)] : AUTO_ORDER;
  const skipped: BackendReport['skipped'] = [];
  for (const name of order) {
    const candidate = byName.get(name);
    const reason = candidate
      ? await tryBackend(candidate, name === preference)
      : 'not available in this build';
    if (reason === null) {
      const requested =
        preference !== 'auto' && preference !== name ? skipped.find((s) => s.name === preference) : null;
      return {
        name,
        detail: candidate?.describe?.() ?? '',
        skipped,
        fallbackNotice: requested
          ? `${BACKEND_LABELS[preference as BackendName]} was requested but cannot be used (${requested.reason}); running on ${BACKEND_LABELS[name]} instead.`
          : null,
      };
    }
    skipped.push({ name, reason });
  }
  throw new Error(
    `No TensorFlow.js backend could be started: ${skipped.map((s) => `${BACKEND_LABELS[s.name]}: ${s.reason}`).join('; ')}.`,
  );
}

/**
 * Makes one backend active as if asked for by name (a software WebGPU adapter is accepted when
 * `allowSoftware`): null when it is, else why not.
 */
export function activateBackend(candidate: BackendCandidate, allowSoftware: boolean): Promise<string | null> {
  return tryBackend(candidate, allowSoftware);
}

/** The report of a backend made active by activateBackend. */
export function reportOf(candidate: BackendCandidate): BackendReport {
  return { name: candidate.name, detail: candidate.describe?.() ?? '', skipped: [], fallbackNotice: null };
}

/** Null when the backend is now active, else why not. */
async function tryBackend(candidate: BackendCandidate, requested: boolean): Promise<string | null> {
  try {
    const reason = await candidate.prepare(requested);
    if (reason !== null) return reason;
    if (!(await tf.setBackend(candidate.name)) || tf.getBackend() !== candidate.name) {
      return 'it failed to initialise';
    }
    await tf.ready();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Tensors and bytes tfjs holds now (for soak tests: both stay flat while training). */
export function tensorMemory(): { numTensors: number; numBytes: number } {
  const { numTensors, numBytes } = tf.memory();
  return { numTensors, numBytes };
}

/** The GPU device of the WebGPU backend while that backend is active, else null. */
function activeGpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

/** Calls `listener` once if the active backend's GPU device is lost (WebGPU only; no-op otherwise). */
export function onGpuDeviceLost(listener: (reason: string) => void): void {
  const device = activeGpuDevice();
  if (!device) return;
  void device.lost.then((info) => listener(info.message || info.reason || 'no reason given'));
}

/** Destroys the active GPU device, as a driver crash would (used to test recovery). */
export function destroyGpuDevice(): boolean {
  const device = activeGpuDevice();
  device?.destroy();
  return device !== null;
}
