/** Public API of parameter and scenario loading (see docs/scenarios.md). */

export type { DatedEntry } from "./dated-values.ts";
export { formatIssue, formatIssues, summaryLine, ValidationError, type ValidationIssue } from "./issues.ts";
export type { ParameterTree, TreeParameter } from "./parameter-file.ts";
export { POLICY_TYPES } from "./policies.ts";
export {
  loadScenarioFile,
  parseScenarioText,
  type ScenarioLoadOptions,
  scenarioFromObject,
} from "./scenario.ts";
export { SCENARIO_DEFAULTS, scenarioJsonSchema } from "./scenario-schema.ts";
export { defaultParametersDir, loadParameterTree, readParameterTree } from "./tree.ts";
export { type FileReport, reportsHaveErrors, type ValidateOptions, validateFiles } from "./validate-files.ts";
