/**
 * Tables of the run store. Every row of a replication carries (run_id, replication) so that one
 * transaction per replication either shows all of its rows or none of them.
 */
export const STORE_TABLES = [
  "runs",
  "replications",
  "series",
  "utilisation",
  "costs",
  "budget",
  "impacts",
] as const;
export type StoreTable = (typeof STORE_TABLES)[number];

/**
 * Version of the tables below. Raise it whenever a table or column changes meaning, is added or removed,
 * so that a store written by another version is refused with a clear message instead of failing (or,
 * worse, being read wrongly) on its first query.
 */
export const SCHEMA_VERSION = 1;

/** One row: the schema version the file was created with. */
export const META_SQL = `CREATE TABLE IF NOT EXISTS store_meta (schema_version INTEGER NOT NULL);`;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  scenario VARCHAR NOT NULL,
  scenario_file VARCHAR,
  scenario_json VARCHAR NOT NULL,
  seed BIGINT NOT NULL,
  scale DOUBLE NOT NULL,
  replications_planned INTEGER NOT NULL,
  workers INTEGER NOT NULL,
  code_version VARCHAR NOT NULL,
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP,
  status VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS replications (
  run_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  removals_total DOUBLE,
  peak_detention DOUBLE,
  cost_total DOUBLE,
  cost_per_removal DOUBLE,
  years_to_target DOUBLE,
  checks_ok BOOLEAN NOT NULL,
  kpis_json VARCHAR NOT NULL,
  checks_json VARCHAR NOT NULL,
  meta_json VARCHAR NOT NULL,
  wall_seconds DOUBLE NOT NULL,
  events BIGINT NOT NULL,
  persons DOUBLE NOT NULL,
  agents BIGINT NOT NULL,
  PRIMARY KEY (run_id, replication)
);
CREATE TABLE IF NOT EXISTS series (
  run_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  period_kind VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  series VARCHAR NOT NULL,
  value DOUBLE
);
CREATE TABLE IF NOT EXISTS utilisation (
  run_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  period VARCHAR NOT NULL,
  resource VARCHAR NOT NULL,
  utilisation DOUBLE,
  binding BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS costs (
  run_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  line INTEGER NOT NULL,
  stage VARCHAR NOT NULL,
  item VARCHAR NOT NULL,
  fiscal_year VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  quantity DOUBLE,
  quantity_unit VARCHAR NOT NULL,
  unit_cost DOUBLE,
  amount DOUBLE,
  source VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS budget (
  run_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  fiscal_year VARCHAR NOT NULL,
  agency VARCHAR NOT NULL,
  available DOUBLE,
  spent DOUBLE,
  exhausted BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS impacts (
  run_id INTEGER NOT NULL,
  replication INTEGER NOT NULL,
  line INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  value DOUBLE,
  coefficients_json VARCHAR NOT NULL,
  note VARCHAR
);
`;

/** Columns that depend on the machine, not on the model: left out when comparing runs for identity. */
export const TIMING_COLUMNS = ["wall_seconds"] as const;

/** A stable row order per table, so that exports and identity checks compare like with like. */
export const TABLE_ORDER: Readonly<Record<StoreTable, string>> = {
  runs: "run_id",
  replications: "replication",
  series: "replication, period_kind, period, series",
  utilisation: "replication, period, resource",
  costs: "replication, line",
  budget: "replication, fiscal_year, agency",
  impacts: "replication, line",
};
