/** The run store `immsim` uses unless `--db` names another file. */
export const DEFAULT_DB_FILE = "immsim.duckdb";
