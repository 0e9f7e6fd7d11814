/**
 * The ArrayBuffer under a byte array, to move it to another thread (postMessage's transfer list).
 * Byte arrays here are made by Buffer and Uint8Array over plain memory; a SharedArrayBuffer
 * cannot be moved, and none is ever made by this package: finding one is a bug, said at once.
 */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const buffer = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer)) throw new Error('a block to move to a decide worker is in shared memory');
  return buffer;
}
