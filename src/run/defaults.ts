/**
 * The scenario `immsim run` and `npm start` use when none is named. Switch to the plan
 * (scenarios/plan-2025.yaml) once the scenario library ships it.
 */
export const DEFAULT_SCENARIO = "scenarios/example.yaml";

/** Where `immsim run` writes its HTML report unless `--out` says otherwise. */
export const DEFAULT_REPORT_DIR = "reports";
