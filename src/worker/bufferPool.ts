/**
 * Snapshot buffers the page gave back (a `recycle` command) once it drew a newer snapshot, kept for
 * the next snapshots. The page's heap then takes in no new buffer per snapshot: the same few buffers
 * go back and forth. A snapshot's length varies a little (its per-step history rows), so buffers are
 * made with room to spare and a snapshot is sent as a view of the first part of one. (The engine's
 * readback still allocates its own array here, in the worker; that array is dropped instead.)
 */
export class BufferPool {
  private readonly buffers: ArrayBuffer[] = [];

  /** @param capacity buffers kept at most (the oldest are dropped) */
  constructor(private readonly capacity = 3) {}

  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0) return;
    this.buffers.push(buffer);
    if (this.buffers.length > this.capacity) this.buffers.shift();
  }

  /**
   * `data` copied into the smallest kept buffer that holds it (and is at most twice its size), or,
   * when none does, into a new buffer with a quarter to spare; the copy views the buffer from its
   * start. Its buffer is the caller's to transfer.
   */
  copyOf(data: Float32Array): Float32Array {
    let best = -1;
    for (let i = 0; i < this.buffers.length; i++) {
      const bytes = this.buffers[i].byteLength;
      if (bytes < data.byteLength || bytes > 2 * data.byteLength) continue;
      if (best < 0 || bytes < this.buffers[best].byteLength) best = i;
    }
    const buffer =
      best >= 0
        ? this.buffers.splice(best, 1)[0]
        : new ArrayBuffer(Math.ceil((data.byteLength * 1.25) / 4096) * 4096);
    const copy = new Float32Array(buffer, 0, data.length);
    copy.set(data);
    return copy;
  }

  get size(): number {
    return this.buffers.length;
  }
}
