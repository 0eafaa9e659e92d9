/** The engine pieces the model uses, imported in one place. */
export { BucketCalendar } from "../engine/calendar.ts";
export {
  binomial,
  normal,
  poisson,
  uniform,
} from "../engine/distributions.ts";
export { IntFifo } from "../engine/queues.ts";
export { RandomStream } from "../engine/random.ts";
export { normalQuantile } from "../engine/stats.ts";
