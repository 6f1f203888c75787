/**
 * mulberry32: a small seeded generator of uniform numbers in [0, 1). The same seed gives
 * the same sequence on every machine and Node version, which Math.random cannot promise:
 * holdout splits, demo portfolios, test fixtures and benches all draw from it.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
