/** A deterministic PRNG (mulberry32) so every run of a bench measures the same data; `int(max)` in [0, max). */
export function seededRandom(seed: number) {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, int: (max: number) => Math.floor(random() * max) };
}
