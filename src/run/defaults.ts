import { availableParallelism } from "node:os";

/** The scenario `immsim run` (and so `npm start` and `npm run bench:run`) uses when none is named: the plan. */
export const DEFAULT_SCENARIO = "scenarios/plan-2025.yaml";

/** Where `immsim run` writes its HTML report unless `--out` says otherwise. */
export const DEFAULT_REPORT_DIR = "reports";

/** Worker threads when `--workers` is not given: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
