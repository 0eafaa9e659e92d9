/**
 * Event calendars: the pending-event set of a simulation.
 *
 * Ordering rule (both calendars): events leave in order of time, then priority (lower number first),
 * then scheduling order (the event scheduled earlier leaves first). The rule is total, so a run is
 * deterministic whatever the calendar.
 *
 * Events are (time, type, entity, priority) tuples of numbers stored in typed arrays; `pop()` copies the
 * next one into the calendar's `time`, `type` and `entity` fields, so nothing is allocated per event.
 */
export interface EventCalendar {
  schedule(time: number, type: number, entity: number, priority: number): void;
  /** Removes the next event into `time`, `type`, `entity`; false when empty. */
  pop(): boolean;
  readonly time: number;
  readonly type: number;
  readonly entity: number;
  /** Time of the next event; Infinity when empty. */
  peekTime(): number;
  readonly size: number;
}

export { BucketCalendar } from "./bucket-calendar.ts";
export { HeapCalendar } from "./heap-calendar.ts";
