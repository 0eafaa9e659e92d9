import { IntFifo, IntPriorityQueue } from "./queues.ts";
import { TimeWeighted } from "./stats.ts";

/** Outcomes of Resource.request. */
export const Granted = 0;
export const Queued = 1;
/** The waiting room was full (a loss). */
export const Rejected = 2;
/** The entity declined to join because too many were present. */
export const Baulked = 3;
export type RequestOutcome = typeof Granted | typeof Queued | typeof Rejected | typeof Baulked;

/** Anything with a current time, e.g. a Simulation. */
export interface Clock {
  readonly now: number;
}

export interface ResourceOptions {
  /** Units (servers, beds, ...) at the start; change later with setCapacity. Infinity is allowed. */
  capacity: number;
  /** "fifo" (default) serves in request order; "priority" serves lower priority numbers first, FIFO among equals. */
  discipline?: "fifo" | "priority";
  /**
   * With discipline "priority": a request that finds every unit busy takes the unit of the holder with the
   * highest priority number (latest granted among equals) if that number is higher than its own. The
   * holder is told through onPreempt and put back in the queue ahead of later requests of its priority.
   */
  preemptive?: boolean;
  /** Most entities that may wait (finite waiting room); requests beyond it are Rejected. Default Infinity. */
  queueCapacity?: number;
  /** A request baulks when this many or more are present (holding or waiting). Default Infinity. */
  baulkAt?: number;
  /** Called when a waiting entity is given a unit (not for requests granted at once). */
  onGrant: (entity: number) => void;
  /** Called when a holder loses its unit to a preempting request. */
  onPreempt?: (entity: number) => void;
  /** Clock read for the time-weighted statistics: usually the Simulation. */
  clock: Clock;
  /**
   * Keep the time-weighted busyStat and queueStat (default true). Off, their updates cost nothing and
   * they read NaN, for models that measure what they need themselves.
   */
  timeWeighted?: boolean;
}

/**
 * Stands in for busyStat and queueStat when time-weighted statistics are off: updates do nothing and
 * every reading is NaN, so a statistic read by mistake shows instead of giving a wrong average.
 */
class UntrackedTimeWeighted extends TimeWeighted {
  override update(): void {}
  override get current(): number {
    return Number.NaN;
  }
  override integral(): number {
    return Number.NaN;
  }
  override mean(): number {
    return Number.NaN;
  }
}

/**
 * A pool of identical units that entities request and release, with a waiting line.
 *
 * Holders are tracked individually only when preemptive (release is then O(holders)); otherwise a
 * release just frees one unit, so a resource of a million beds costs nothing per holder. Lowering the
 * capacity never evicts a holder: the excess drains as holders release.
 */
export class Resource {
  /** Time-weighted number of busy units. */
  readonly busyStat: TimeWeighted;
  /** Time-weighted number waiting. */
  readonly queueStat: TimeWeighted;
  requests = 0;
  grants = 0;
  rejections = 0;
  baulks = 0;
  preemptions = 0;
  /** Largest number ever waiting at once. */
  maxQueue = 0;

  private cap: number;
  private busyUnits = 0;
  private readonly fifo: IntFifo | null;
  private readonly pq: IntPriorityQueue | null;
  private readonly preemptive: boolean;
  /**
   * FIFO with neither a waiting-room limit nor baulking (preemption needs priorities): requests and
   * releases then take short paths that V8 inlines into the calling handler.
   */
  private readonly plainFifo: boolean;
  private readonly queueCapacity: number;
  private readonly baulkAt: number;
  private readonly onGrant: (entity: number) => void;
  private readonly onPreempt: (entity: number) => void;
  private readonly clock: Clock;
  /**
   * Whether busyStat and queueStat are kept (the timeWeighted option): the short paths skip them if not.
   * Booleans read on short paths are compared with `=== true` (one pointer compare in V8's optimised
   * code, where a bare `if (flag)` is a generic truthiness test).
   */
  private readonly tracked: boolean;
  private orderCounter = 0;
  // Holder records (preemptive resources only).
  private holderId = new Int32Array(16);
  private holderPriority = new Float64Array(16);
  private holderOrder = new Float64Array(16);
  private holders = 0;

  constructor(options: ResourceOptions) {
    const discipline = options.discipline ?? "fifo";
    this.preemptive = options.preemptive ?? false;
    if (this.preemptive && discipline !== "priority") {
      throw new RangeError('Resource: preemptive requires discipline "priority"');
    }
    if (!(options.capacity >= 0))
      throw new RangeError(`Resource: capacity must be ≥ 0, got ${options.capacity}`);
    this.cap = options.capacity;
    this.fifo = discipline === "fifo" ? new IntFifo() : null;
    this.pq = discipline === "priority" ? new IntPriorityQueue() : null;
    this.queueCapacity = options.queueCapacity ?? Number.POSITIVE_INFINITY;
    this.baulkAt = options.baulkAt ?? Number.POSITIVE_INFINITY;
    this.onGrant = options.onGrant;
    this.onPreempt = options.onPreempt ?? (() => {});
    this.clock = options.clock;
    this.plainFifo =
      this.fifo !== null &&
      this.queueCapacity === Number.POSITIVE_INFINITY &&
      this.baulkAt === Number.POSITIVE_INFINITY;
    const t = options.clock.now;
    const tracked = options.timeWeighted ?? true;
    this.tracked = tracked;
    this.release = this.plainFifo && !tracked ? this.releaseUntrackedFifo : this.releaseGeneral;
    this.busyStat = tracked ? new TimeWeighted(t, 0) : new UntrackedTimeWeighted(t, 0);
    this.queueStat = tracked ? new TimeWeighted(t, 0) : new UntrackedTimeWeighted(t, 0);
  }

  get capacity(): number {
    return this.cap;
  }
  get busy(): number {
    return this.busyUnits;
  }
  get queueLength(): number {
    return this.fifo !== null ? this.fifo.length : this.pq!.length;
  }
  /** Holding plus waiting. */
  get inSystem(): number {
    return this.busyUnits + this.queueLength;
  }

  /** Asks for one unit for `entity`; `priority` matters only with discipline "priority" (lower first). */
  request(entity: number, priority = 0): RequestOutcome {
    if (this.plainFifo === true) {
      const queue = this.fifo!;
      const busy = this.busyUnits;
      this.requests++;
      if (busy < this.cap && queue.length === 0) {
        this.busyUnits = busy + 1;
        this.grants++;
        if (this.tracked === true) this.busyStat.update(this.clock.now, busy + 1);
        return Granted;
      }
      queue.push(entity);
      const waiting = queue.length;
      if (waiting > this.maxQueue) this.maxQueue = waiting;
      if (this.tracked === true) this.queueStat.update(this.clock.now, waiting);
      return Queued;
    }
    return this.requestGeneral(entity, priority);
  }

  private requestGeneral(entity: number, priority: number): RequestOutcome {
    this.requests++;
    const queued = this.queueLength;
    if (this.busyUnits + queued >= this.baulkAt) {
      this.baulks++;
      return Baulked;
    }
    if (this.busyUnits < this.cap && queued === 0) {
      this.grant(entity, priority, this.orderCounter++);
      return Granted;
    }
    if (this.preemptive && this.busyUnits >= this.cap && this.holders > 0) {
      const victim = this.worstHolder();
      if (this.holderPriority[victim] > priority) {
        this.preempt(victim);
        this.grant(entity, priority, this.orderCounter++);
        return Granted;
      }
    }
    if (queued >= this.queueCapacity) {
      this.rejections++;
      return Rejected;
    }
    if (this.fifo !== null) this.fifo.push(entity);
    else this.pq!.pushWithOrder(entity, priority, this.orderCounter++);
    this.queueStat.update(this.clock.now, queued + 1);
    if (queued + 1 > this.maxQueue) this.maxQueue = queued + 1;
    return Queued;
  }

  /**
   * Frees the unit held by `entity` (the entity matters only for preemptive resources) and serves the
   * queue. Chosen per resource at construction: a FIFO without limits or statistics gets a short body
   * (no mode tests), which keeps the departure handlers that inline it well inside V8's inlining budget.
   */
  readonly release: (entity?: number) => void;

  private releaseUntrackedFifo(entity?: number): void {
    const busy = this.busyUnits;
    if (busy > 0 && busy <= this.cap) {
      const queue = this.fifo!;
      if (queue.length > 0) {
        // The freed unit passes straight to the next in line; the busy count does not change.
        this.grants++;
        this.onGrant(queue.shift());
      } else {
        this.busyUnits = busy - 1;
      }
      return;
    }
    this.releaseGeneral(entity);
  }

  private releaseGeneral(entity = -1): void {
    if (this.busyUnits === 0) throw new RangeError("Resource.release: no unit is held");
    if (this.fifo !== null && this.busyUnits <= this.cap) {
      const next = this.fifo.shift();
      if (next >= 0) {
        // The freed unit passes straight to the next in line; the busy count does not change.
        this.grants++;
        this.queueStat.update(this.clock.now, this.fifo.length);
        this.onGrant(next);
        return;
      }
    }
    if (this.preemptive) {
      const i = this.findHolder(entity);
      if (i < 0) throw new RangeError(`Resource.release: entity ${entity} holds no unit`);
      this.removeHolder(i);
    }
    this.busyUnits--;
    this.busyStat.update(this.clock.now, this.busyUnits);
    this.serveQueue();
  }

  /** Changes the number of units now; added units serve the queue at once, removed ones drain. */
  setCapacity(capacity: number): void {
    if (!(capacity >= 0)) throw new RangeError(`Resource.setCapacity: capacity must be ≥ 0, got ${capacity}`);
    this.cap = capacity;
    this.serveQueue();
  }

  private serveQueue(): void {
    while (this.busyUnits < this.cap) {
      let entity: number;
      let priority = 0;
      let order = 0;
      if (this.fifo !== null) {
        entity = this.fifo.shift();
      } else {
        priority = this.pq!.peekPriority();
        entity = this.pq!.pop();
        order = this.pq!.lastOrder;
      }
      if (entity < 0) return;
      this.queueStat.update(this.clock.now, this.queueLength);
      this.grant(entity, priority, order);
      this.onGrant(entity);
    }
  }

  private grant(entity: number, priority: number, order: number): void {
    this.busyUnits++;
    this.grants++;
    this.busyStat.update(this.clock.now, this.busyUnits);
    if (this.preemptive) this.addHolder(entity, priority, order);
  }

  private preempt(i: number): void {
    const victim = this.holderId[i];
    const priority = this.holderPriority[i];
    const order = this.holderOrder[i];
    this.removeHolder(i);
    this.busyUnits--;
    this.preemptions++;
    this.pq!.pushWithOrder(victim, priority, order);
    const queued = this.queueLength;
    this.queueStat.update(this.clock.now, queued);
    if (queued > this.maxQueue) this.maxQueue = queued;
    this.onPreempt(victim);
  }

  /** Index of the holder to preempt: highest priority number, latest order among equals. */
  private worstHolder(): number {
    let best = 0;
    for (let i = 1; i < this.holders; i++) {
      const p = this.holderPriority[i];
      const bp = this.holderPriority[best];
      if (p > bp || (p === bp && this.holderOrder[i] > this.holderOrder[best])) best = i;
    }
    return best;
  }

  private findHolder(entity: number): number {
    for (let i = 0; i < this.holders; i++) if (this.holderId[i] === entity) return i;
    return -1;
  }

  private addHolder(entity: number, priority: number, order: number): void {
    if (this.holders === this.holderId.length) {
      const n = this.holders * 2;
      const ids = new Int32Array(n);
      ids.set(this.holderId);
      const pr = new Float64Array(n);
      pr.set(this.holderPriority);
      const od = new Float64Array(n);
      od.set(this.holderOrder);
      this.holderId = ids;
      this.holderPriority = pr;
      this.holderOrder = od;
    }
    const i = this.holders++;
    this.holderId[i] = entity;
    this.holderPriority[i] = priority;
    this.holderOrder[i] = order;
  }

  private removeHolder(i: number): void {
    const last = --this.holders;
    this.holderId[i] = this.holderId[last];
    this.holderPriority[i] = this.holderPriority[last];
    this.holderOrder[i] = this.holderOrder[last];
  }
}
