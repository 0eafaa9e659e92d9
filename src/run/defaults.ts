import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/** The scenario `immsim run` (and so `npm start` and `npm run bench:run`) uses when none is named: the plan. */
export const DEFAULT_SCENARIO = "scenarios/plan-2025.yaml";

/** The default scenario inside this installation, so that `immsim run` works from any directory. */
export function defaultScenarioPath(): string {
  return fileURLToPath(new URL(`../../${DEFAULT_SCENARIO}`, import.meta.url));
}

/** Where `immsim run` writes its HTML report unless `--out` says otherwise. */
export const DEFAULT_REPORT_DIR = "reports";

/** Worker threads when `--workers` is not given: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
