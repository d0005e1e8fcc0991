/**
 * A small deterministic generator (xorshift32) in [0, 1): the same seed gives the same sequence,
 * so a sample drawn from a plan stays the same while the plan does. Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}
