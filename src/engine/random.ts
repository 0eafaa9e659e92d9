/**
 * Seeded pseudo-random streams: xoshiro128** (Blackman and Vigna) on four 32-bit words.
 *
 * A stream is identified by a 128-bit key derived from (run seed, stream name). Its state is a hash of
 * that key, so two streams with different names are unrelated, and draws taken from one stream never
 * move another stream's sequence. `child(name)` derives from the key (not from the current state), so
 * a child is the same whatever the parent has drawn so far.
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** Murmur3 finaliser: a bijective 32-bit avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a string with a seed (FNV-style absorb, Murmur finaliser). */
function hashString(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = (h << 13) | (h >>> 19);
  }
  return fmix32(h ^ text.length);
}

/** Absorbs four key words and a lane number into one well-mixed 32-bit word. */
function mixKey(k0: number, k1: number, k2: number, k3: number, lane: number): number {
  let h = fmix32((lane + 1) * 0x9e3779b9);
  h = fmix32(h ^ k0);
  h = fmix32((h + 0x7f4a7c15) ^ k1);
  h = fmix32((h + 0x3c6ef372) ^ k2);
  h = fmix32((h + 0xa54ff53a) ^ k3);
  return h;
}

export class RandomStream {
  // Key words identify the stream; state words advance with each draw.
  private readonly k0: number;
  private readonly k1: number;
  private readonly k2: number;
  private readonly k3: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Second value of the last polar-method pair, kept so that normal draws cost one pair per two values. */
  spareNormal = 0;
  hasSpareNormal = false;

  private constructor(k0: number, k1: number, k2: number, k3: number) {
    // Words are kept as signed int32 so that V8 stores them as small integers (no boxing per draw).
    this.k0 = k0 | 0;
    this.k1 = k1 | 0;
    this.k2 = k2 | 0;
    this.k3 = k3 | 0;
    this.s0 = mixKey(this.k0, this.k1, this.k2, this.k3, 0) | 0;
    this.s1 = mixKey(this.k0, this.k1, this.k2, this.k3, 1) | 0;
    this.s2 = mixKey(this.k0, this.k1, this.k2, this.k3, 2) | 0;
    this.s3 = mixKey(this.k0, this.k1, this.k2, this.k3, 3) | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** The stream named `name` of run `seed` (an integer in 0..2^53). */
  static create(seed: number, name: string): RandomStream {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`RandomStream.create: seed must be an integer in 0..2^53, got ${seed}`);
    }
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    return new RandomStream(
      fmix32(lo ^ 0x243f6a88),
      fmix32(hi ^ 0x85a308d3),
      hashString(name, 0x13198a2e),
      hashString(name, 0x03707344),
    );
  }

  /** An independent sub-stream, derived from this stream's key and `name` (not from its position). */
  child(name: string): RandomStream {
    return new RandomStream(
      fmix32(this.k0 ^ hashString(name, 0xa4093822)),
      fmix32(this.k1 ^ hashString(name, 0x299f31d0)),
      fmix32(this.k2 ^ hashString(name, 0x082efa98)),
      fmix32(this.k3 ^ hashString(name, 0xec4e6c89)),
    );
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /**
   * The same 32 random bits as nextUint32, as a signed int32. Hot paths that only use the bits (the
   * ziggurat) call this one: an int32 stays a small integer in V8, while a uint32 at or above 2^31 is
   * boxed when it crosses a call that is not inlined.
   */
  nextInt32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    // x·5 and x·9 stay below 2^53, so (x·k) | 0 is exactly Math.imul(x, k), in fewer bytecodes (which
    // decides whether V8 inlines this into the caller).
    const m = (s1 * 5) | 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return (((m << 7) | (m >>> 25)) * 9) | 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / TWO_POW_53;
  }

  /** Uniform integer in [0, n), unbiased (rejection), for 1 ≤ n ≤ 2^53. */
  int(n: number): number {
    if (n <= TWO_POW_32) {
      if (n <= 0 || n !== Math.floor(n))
        throw new RangeError(`RandomStream.int: n must be a positive integer, got ${n}`);
      // Accept only draws below the largest multiple of n, so every residue is equally likely.
      // Remainders by division and floor: exact for operands below 2^32 (the quotient's rounding error is
      // far below 1/n), and several times faster than `%` on doubles, which V8 sends to fmod.
      const limit = Math.floor(TWO_POW_32 / n) * n;
      let x = this.nextUint32();
      while (x >= limit) x = this.nextUint32();
      return x - Math.floor(x / n) * n;
    }
    if (n > TWO_POW_53 || n !== Math.floor(n))
      throw new RangeError(`RandomStream.int: n must be ≤ 2^53, got ${n}`);
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    let x = this.next() * TWO_POW_53;
    while (x >= limit) x = this.next() * TWO_POW_53;
    return x % n;
  }
}
