/**
 * Videos of the transport view, captured from its canvas with MediaRecorder (WebM): the flow (the
 * depth runs from 0 to K over the chosen duration) and the training history (the step in view runs
 * through the kept steps, as the replay does). Browsers without canvas capture or MediaRecorder get
 * a clear message instead.
 */
import type { DepthClock } from '../../render/depthClock';

/** How long the last frame (depth K) is held before the recording stops. */
const HOLD_END_MS = 300;

/** Why recording cannot work here, or null. */
export function recordingUnsupported(canvas: HTMLCanvasElement | null): string | null {
  if (!canvas || typeof canvas.captureStream !== 'function') return 'This browser cannot capture a canvas.';
  if (typeof MediaRecorder === 'undefined') return 'This browser has no MediaRecorder.';
  if (!videoType()) return 'This browser cannot encode WebM video.';
  return null;
}

function videoType(): string | null {
  return (
    ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) =>
      MediaRecorder.isTypeSupported(t),
    ) ?? null
  );
}

export interface CanvasRecordingOptions {
  canvas: HTMLCanvasElement;
  seconds: number;
  /** Moves the view to `share` (0 to 1) of the recording before each captured frame. */
  drive(share: number): void;
  onProgress(share: number): void;
  signal: AbortSignal;
}

export interface RecordingOptions extends Omit<CanvasRecordingOptions, 'drive'> {
  depth: DepthClock;
  blocks: number;
}

/** Records the flow from depth 0 to K; resolves with the video, or null when cancelled. */
export function recordFlow({ depth, blocks, ...options }: RecordingOptions): Promise<Blob | null> {
  return recordCanvas({ ...options, drive: (share) => depth.set(share * blocks) });
}

/** Records the canvas while `drive` moves the view over `seconds`; null when cancelled. */
export function recordCanvas({
  canvas,
  seconds,
  drive,
  onProgress,
  signal,
}: CanvasRecordingOptions): Promise<Blob | null> {
  const stream = canvas.captureStream(30);
  const recorder = new MediaRecorder(stream, { mimeType: videoType() ?? undefined });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  return new Promise((resolve, reject) => {
    let frame = 0;
    const started = performance.now();
    const finish = (cancelled: boolean) => {
      cancelAnimationFrame(frame);
      recorder.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        resolve(cancelled ? null : new Blob(chunks, { type: recorder.mimeType || 'video/webm' }));
      };
      recorder.stop();
    };
    recorder.onerror = () => reject(new Error('The recording failed.'));
    signal.addEventListener('abort', () => finish(true), { once: true });
    recorder.start(250);
    const tick = () => {
      const share = Math.min(1, (performance.now() - started) / (seconds * 1000));
      drive(share);
      onProgress(share);
      // Hold the last depth for a few frames so that it is drawn and captured before stopping.
      if (share >= 1) setTimeout(() => finish(false), HOLD_END_MS);
      else frame = requestAnimationFrame(tick);
    };
    drive(0);
    frame = requestAnimationFrame(tick);
  });
}
