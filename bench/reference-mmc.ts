/**
 * Plain reference simulator for benchmarks: the way a first discrete-event version is usually written.
 * A binary heap of `{ time, seq, fn }` event objects, a closure per event, a JavaScript array as the
 * waiting line, exponential variates by inversion. It shares only the seeded uniform stream with the
 * engine (the engine's own exponential is a ziggurat), so both runs draw from equally fast generators.
 */
import { RandomStream } from "../src/engine/random.ts";

/** Inverse-transform exponential, as a first version writes it. */
export function inverseExponential(rng: RandomStream, rate: number): number {
  return -Math.log(1 - rng.next()) / rate;
}

interface PlainEvent {
  time: number;
  seq: number;
  fn: () => void;
}

/** Min-heap of event objects ordered by time, then scheduling order. */
export class PlainEventHeap {
  private items: PlainEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, fn: () => void): void {
    const items = this.items;
    const ev: PlainEvent = { time, seq: this.seq++, fn };
    let i = items.length;
    items.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent];
      if (p.time < time || (p.time === time && p.seq < ev.seq)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = ev;
  }

  pop(): PlainEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      const n = items.length;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && less(items[c + 1], items[c])) c++;
        if (!less(items[c], last)) break;
        items[i] = items[c];
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}

function less(a: PlainEvent, b: PlainEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export interface MMcSpec {
  lambda: number;
  mu: number;
  servers: number;
  customers: number;
  seed: number;
  /** Exponential variate generator; inversion unless given (e.g. to compare event machinery alone). */
  exponential?: (rng: RandomStream, rate: number) => number;
  /** Engine only: keep the Resource's time-weighted statistics (default false, as the reference keeps none). */
  timeWeighted?: boolean;
}

export interface MMcResult {
  events: number;
  wallSeconds: number;
  eventsPerSecond: number;
  meanWait: number;
}

/** M/M/c with FIFO service, run to the departure of the last of `customers` arrivals. */
export function runReferenceMMc({
  lambda,
  mu,
  servers,
  customers,
  seed,
  exponential = inverseExponential,
}: MMcSpec): MMcResult {
  const started = process.hrtime.bigint();
  const arrivalsRng = RandomStream.create(seed, "arrivals");
  const serviceRng = RandomStream.create(seed, "service");
  const heap = new PlainEventHeap();
  const waiting: number[] = []; // arrival times, consumed from `head`
  let head = 0;
  let now = 0;
  let busy = 0;
  let arrived = 0;
  let waitSum = 0;
  let events = 0;

  const depart = () => {
    if (head < waiting.length) {
      const arrivedAt = waiting[head++];
      if (head > 4096 && head * 2 > waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      waitSum += now - arrivedAt;
      heap.push(now + exponential(serviceRng, mu), depart);
    } else {
      busy--;
    }
  };
  const arrive = () => {
    arrived++;
    if (busy < servers) {
      busy++;
      heap.push(now + exponential(serviceRng, mu), depart);
    } else {
      waiting.push(now);
    }
    if (arrived < customers) heap.push(now + exponential(arrivalsRng, lambda), arrive);
  };

  heap.push(exponential(arrivalsRng, lambda), arrive);
  for (let ev = heap.pop(); ev !== undefined; ev = heap.pop()) {
    now = ev.time;
    events++;
    ev.fn();
  }
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events, wallSeconds, eventsPerSecond: events / wallSeconds, meanWait: waitSum / customers };
}
