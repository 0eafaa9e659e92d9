/** Public API of the domain-free discrete-event engine. */
export { BucketCalendar, type EventCalendar, HeapCalendar } from "./calendar.ts";
export {
  AliasTable,
  beta,
  binomial,
  exponential,
  gamma,
  logFactorial,
  lognormal,
  lognormalMeanCv,
  normal,
  poisson,
  uniform,
} from "./distributions.ts";
export { IntFifo, IntPriorityQueue } from "./queues.ts";
export { RandomStream } from "./random.ts";
export {
  Baulked,
  type Clock,
  Granted,
  Queued,
  Rejected,
  type RequestOutcome,
  Resource,
  type ResourceOptions,
} from "./resource.ts";
export { type EventHandler, Simulation } from "./simulation.ts";
export {
  BatchMeans,
  batchMeans,
  type ConfidenceInterval,
  Counter,
  intervalOfMeans,
  normalQuantile,
  type ObservationSource,
  QuantileSketch,
  studentTQuantile,
  Tally,
  TimeWeighted,
} from "./stats.ts";
