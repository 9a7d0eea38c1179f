/** The array itself when it owns its whole buffer (so the buffer can be transferred), else a copy. */
export function ownedBuffer(data: Float32Array): Float32Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}
