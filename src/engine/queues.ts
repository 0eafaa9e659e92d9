/** Queues of integer ids on typed arrays: nothing is allocated per element. */

function nextPowerOfTwo(n: number): number {
  let c = 16;
  while (c < n) c *= 2;
  return c;
}

/** Growable first-in first-out ring buffer of int32 ids. */
export class IntFifo {
  private buf: Int32Array;
  private mask: number;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    const cap = nextPowerOfTwo(initialCapacity);
    this.buf = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get length(): number {
    return this.count;
  }

  push(id: number): void {
    if (this.count === this.buf.length) this.grow();
    this.buf[(this.head + this.count) & this.mask] = id;
    this.count++;
  }

  /** Removes and returns the oldest id, or -1 when empty. */
  shift(): number {
    if (this.count === 0) return -1;
    const id = this.buf[this.head];
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return id;
  }

  /** The oldest id without removing it, or -1 when empty. */
  peek(): number {
    return this.count === 0 ? -1 : this.buf[this.head];
  }

  /** The id at position i from the front (0 = oldest). */
  at(i: number): number {
    if (i < 0 || i >= this.count) throw new RangeError(`IntFifo.at: index ${i} outside 0..${this.count - 1}`);
    return this.buf[(this.head + i) & this.mask];
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const old = this.buf;
    const next = new Int32Array(old.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & this.mask];
    this.buf = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}

/**
 * Binary min-heap of int32 ids keyed by a numeric priority (lower first); equal priorities leave in
 * insertion order, which a per-push sequence number makes exact.
 */
export class IntPriorityQueue {
  private ids: Int32Array;
  private prio: Float64Array;
  private seq: Float64Array;
  private count = 0;
  private counter = 0;

  constructor(initialCapacity = 16) {
    const cap = nextPowerOfTwo(initialCapacity);
    this.ids = new Int32Array(cap);
    this.prio = new Float64Array(cap);
    this.seq = new Float64Array(cap);
  }

  get length(): number {
    return this.count;
  }

  push(id: number, priority: number): void {
    this.pushWithOrder(id, priority, this.counter++);
  }

  /**
   * Inserts with an explicit tie-break order instead of the next sequence number, so an id can be put
   * back where it stood among equal priorities (used when a preempted holder rejoins a queue).
   */
  pushWithOrder(id: number, priority: number, order: number): void {
    if (this.count === this.ids.length) this.grow();
    const ids = this.ids;
    const pr = this.prio;
    const sq = this.seq;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pp = pr[parent];
      if (pp < priority || (pp === priority && sq[parent] < order)) break;
      ids[i] = ids[parent];
      pr[i] = pp;
      sq[i] = sq[parent];
      i = parent;
    }
    ids[i] = id;
    pr[i] = priority;
    sq[i] = order;
  }

  /** Removes and returns the id with the lowest priority (oldest among ties), or -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const top = this.ids[0];
    this.lastOrder = this.seq[0];
    const n = --this.count;
    if (n > 0) this.siftDownFromRoot(this.ids[n], this.prio[n], this.seq[n], n);
    return top;
  }

  /** Tie-break order of the id most recently popped (see pushWithOrder). */
  lastOrder = 0;

  peek(): number {
    return this.count === 0 ? -1 : this.ids[0];
  }

  /** Priority of the next id, or Infinity when empty. */
  peekPriority(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.prio[0];
  }

  clear(): void {
    this.count = 0;
  }

  private siftDownFromRoot(id: number, priority: number, order: number, n: number): void {
    const ids = this.ids;
    const pr = this.prio;
    const sq = this.seq;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (pr[right] < pr[child] || (pr[right] === pr[child] && sq[right] < sq[child])))
        child = right;
      const cp = pr[child];
      if (priority < cp || (priority === cp && order < sq[child])) break;
      ids[i] = ids[child];
      pr[i] = cp;
      sq[i] = sq[child];
      i = child;
    }
    ids[i] = id;
    pr[i] = priority;
    sq[i] = order;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Int32Array(cap);
    ids.set(this.ids);
    const pr = new Float64Array(cap);
    pr.set(this.prio);
    const sq = new Float64Array(cap);
    sq.set(this.seq);
    this.ids = ids;
    this.prio = pr;
    this.seq = sq;
  }
}
