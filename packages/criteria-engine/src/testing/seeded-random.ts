/**
 * mulberry32: a small, fast 32-bit PRNG, the one seeded generator of the repository (test
 * workloads, the benchmark's assessments, the examples' generated rows). Same seed, same
 * sequence, on every machine; good enough for workloads, not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
