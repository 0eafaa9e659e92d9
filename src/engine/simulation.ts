import type { EventCalendar } from "./calendar.ts";

export type EventHandler = (entity: number) => void;

function unhandled(type: number): EventHandler {
  return () => {
    throw new Error(
      `Simulation: no handler registered for event type ${type} (call sim.on(${type}, handler))`,
    );
  };
}

/**
 * The event loop: pops events from a calendar in order and calls the handler registered for the
 * event's type with the event's entity id. Handlers are registered once per type (`on`), so scheduling
 * an event costs a few typed-array writes and no closure.
 */
export class Simulation {
  private readonly calendar: EventCalendar;
  private handlers: EventHandler[] = [];
  /**
   * handlers[0] and handlers[1], each called from a call site of its own in run() and runUntil(). A call
   * site that only ever sees one handler gets it inlined by the optimising compiler; the shared
   * `handlers[type]` site sees them all and stays a generic call (about 4 ns an event in the M/M/10
   * benchmark, whose two event types both take these sites).
   */
  private handler0: EventHandler = unhandled(0);
  private handler1: EventHandler = unhandled(1);
  private clock = 0;
  private processed = 0;
  /**
   * 1 once stop() is called. A number, not a boolean: V8 compiles a bare `if (flag)` on a boolean field
   * to a generic truthiness test (map load, several branches), run on every event here.
   */
  private stopped = 0;

  constructor(calendar: EventCalendar) {
    this.calendar = calendar;
  }

  get now(): number {
    return this.clock;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  /** Number of events waiting in the calendar. */
  get pending(): number {
    return this.calendar.size;
  }

  /** Registers the handler for events of `type` (a small non-negative integer); replaces any previous one. */
  on(type: number, handler: EventHandler): void {
    if (!Number.isInteger(type) || type < 0) {
      throw new RangeError(`Simulation.on: event type must be a non-negative integer, got ${type}`);
    }
    for (let t = this.handlers.length; t < type; t++) this.handlers.push(unhandled(t));
    this.handlers[type] = handler;
    if (type === 0) this.handler0 = handler;
    else if (type === 1) this.handler1 = handler;
  }

  /** Schedules an event at absolute `time` (≥ now). Lower `priority` runs first among equal times. */
  schedule(time: number, type: number, entity: number, priority = 0): void {
    if (!(time >= this.clock)) this.rejectTime(time);
    this.calendar.schedule(time, type, entity, priority);
  }

  /** Schedules an event `delay` (≥ 0) after now. */
  scheduleIn(delay: number, type: number, entity: number, priority = 0): void {
    if (!(delay >= 0)) this.rejectDelay(delay);
    this.calendar.schedule(this.clock + delay, type, entity, priority);
  }

  // Kept out of line so that the hot scheduling paths stay small enough to inline.
  private rejectTime(time: number): never {
    throw new RangeError(`Simulation.schedule: time ${time} is before now (${this.clock})`);
  }

  private rejectDelay(delay: number): never {
    throw new RangeError(`Simulation.scheduleIn: delay must be a number ≥ 0, got ${delay}`);
  }

  /** Processes every event with time ≤ `time` (including ones scheduled meanwhile), then sets now = time. */
  runUntil(time: number): void {
    this.stopped = 0;
    const cal = this.calendar;
    const handlers = this.handlers;
    while (this.stopped === 0 && cal.peekTime() <= time) {
      cal.pop();
      this.clock = cal.time;
      this.processed++;
      const type = cal.type;
      if (type === 0) this.handler0(cal.entity);
      else if (type === 1) this.handler1(cal.entity);
      else if (type < handlers.length) handlers[type](cal.entity);
      else unhandled(type)(cal.entity);
    }
    if (this.stopped === 0 && time > this.clock) this.clock = time;
  }

  /** Processes events until the calendar is empty or a handler calls stop(). */
  run(): void {
    this.stopped = 0;
    const cal = this.calendar;
    const handlers = this.handlers;
    while (cal.pop()) {
      const type = cal.type;
      this.clock = cal.time;
      this.processed++;
      if (type === 0) this.handler0(cal.entity);
      else if (type === 1) this.handler1(cal.entity);
      else if (type < handlers.length) handlers[type](cal.entity);
      else unhandled(type)(cal.entity);
      if (this.stopped !== 0) return;
    }
  }

  /** Makes run() or runUntil() return after the current handler. */
  stop(): void {
    this.stopped = 1;
  }
}
