/** Names and reports of the TensorFlow.js backends, shared by the engine, the worker and the page. */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** "auto" lets the engine choose; a name forces that backend (falling back with a notice). */
export type BackendPreference = 'auto' | BackendName;

export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];

/** Human-readable backend names. */
export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU (JavaScript)',
};

/** The outcome of choosing a backend. */
export interface BackendReport {
  name: BackendName;
  /** E.g. the WebGPU adapter; empty when there is nothing to add. */
  detail: string;
  /** Backends tried before the chosen one, with the reason each was passed over. */
  skipped: { name: BackendName; reason: string }[];
  /** Set when a backend was requested by name and could not be used: a sentence for the user. */
  fallbackNotice: string | null;
}
