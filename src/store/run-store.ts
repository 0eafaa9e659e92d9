import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Kpis } from "../model/results.ts";
import { DEFAULT_DB_FILE } from "./defaults.ts";
import type { ReplicationRecord, RunMeta, RunStatus, ScenarioRecord, StoredRun } from "./records.ts";
import { META_SQL, SCHEMA_SQL, SCHEMA_VERSION, STORE_TABLES } from "./schema.ts";

export { DEFAULT_DB_FILE } from "./defaults.ts";

export interface NewRun {
  readonly scenario: ScenarioRecord;
  readonly replicationsPlanned: number;
  readonly workers: number;
  readonly codeVersion: string;
  readonly startedAt: Date;
}

type Row = Record<string, unknown>;

function num(value: unknown): number {
  return value === null || value === undefined ? Number.NaN : Number(value);
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** DuckDB prints timestamps as `2025-01-01 12:00:00.123`; reports want ISO text. */
function isoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return `${String(value).replace(" ", "T")}Z`;
}

/**
 * Stamps a new store with this version's schema number and refuses a store stamped with another one. A file
 * that has run tables but no stamp predates versioning (version 1 had no stamp, and its tables are
 * version 1's): it is stamped 1.
 */
async function checkSchemaVersion(connection: DuckDBConnection, file: string): Promise<void> {
  await connection.run(META_SQL);
  const reader = await connection.runAndReadAll("SELECT schema_version FROM store_meta");
  const rows = reader.getRowObjectsJson() as Row[];
  let found = num(rows[0]?.schema_version);
  if (rows.length === 0) {
    const existing = await connection.runAndReadAll(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'runs'",
    );
    const hasRuns = num((existing.getRowObjectsJson() as Row[])[0]?.n) > 0;
    found = hasRuns ? 1 : SCHEMA_VERSION;
    await connection.run("INSERT INTO store_meta VALUES ($1)", [found]);
  }
  if (found !== SCHEMA_VERSION) {
    throw new Error(
      `the run store ${file} was written with store schema version ${found}; this immsim reads version ` +
        `${SCHEMA_VERSION}. Use another file with --db (or move this one away); export its runs with the ` +
        "immsim version that wrote it.",
    );
  }
}

/**
 * The DuckDB file every run goes into. A run row is written first with status `incomplete`; each
 * replication is then written in its own transaction; the status becomes `complete` only when all
 * planned replications are in. A killed process therefore leaves an incomplete run whose visible
 * replications are whole.
 */
export class RunStore {
  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(file: string = DEFAULT_DB_FILE): Promise<RunStore> {
    const path = resolve(file);
    mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (err) {
      throw new Error(
        `cannot open the run store ${file}: ${err instanceof Error ? err.message : String(err)} ` +
          "(is another immsim process using it? choose another file with --db)",
      );
    }
    const connection = await instance.connect();
    try {
      await checkSchemaVersion(connection, file);
      await connection.run(SCHEMA_SQL);
    } catch (err) {
      connection.closeSync();
      instance.closeSync();
      throw err;
    }
    return new RunStore(path, instance, connection);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async rows(sql: string, values: (string | number | boolean | null)[] = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader.getRowObjectsJson() as Row[];
  }

  async beginRun(run: NewRun): Promise<number> {
    const s = run.scenario;
    await this.connection.run("BEGIN TRANSACTION");
    try {
      const [row] = await this.rows("SELECT coalesce(max(run_id), 0) + 1 AS id FROM runs");
      const runId = num(row?.id);
      await this.connection.run(
        `INSERT INTO runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::TIMESTAMP, NULL, 'incomplete')`,
        [
          runId,
          s.name,
          s.file ?? null,
          JSON.stringify(s),
          s.seed,
          s.scale,
          run.replicationsPlanned,
          run.workers,
          run.codeVersion,
          run.startedAt.toISOString(),
        ],
      );
      await this.connection.run("COMMIT");
      return runId;
    } catch (err) {
      await this.connection.run("ROLLBACK");
      throw err;
    }
  }

  /** Writes every table row of one replication in one transaction. */
  async writeReplication(runId: number, r: ReplicationRecord): Promise<void> {
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await this.appendReplication(runId, r);
      await this.connection.run("COMMIT");
    } catch (err) {
      await this.connection.run("ROLLBACK");
      throw err;
    }
  }

  private async appendReplication(runId: number, r: ReplicationRecord): Promise<void> {
    const c = this.connection;
    const k = r.kpis;
    const meta = {
      scenario: r.scenario,
      seed: r.seed,
      replication: r.replication,
      scale: r.scale,
      start: r.start,
      startEpochDay: r.startEpochDay,
      horizonDays: r.horizonDays,
    };
    await c.run(
      `INSERT INTO replications VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        runId,
        r.replication,
        k.removalsTotal,
        k.peakDetention,
        k.costTotal,
        k.costPerRemoval,
        k.yearsToTarget,
        r.checks.conservation && r.checks.capacity && r.checks.costIdentity,
        JSON.stringify(k),
        JSON.stringify(r.checks),
        JSON.stringify(meta),
        r.timing.wallSeconds,
        r.timing.events,
        r.timing.persons,
        r.timing.agents,
      ],
    );

    const series = await c.createAppender("series");
    for (const [kind, rows] of [
      ["month", r.monthly],
      ["fiscal_year", r.fiscalYears],
    ] as const) {
      for (const row of rows) {
        for (const [name, value] of Object.entries(row.values)) {
          series.appendInteger(runId);
          series.appendInteger(r.replication);
          series.appendVarchar(kind);
          series.appendVarchar(row.period);
          series.appendVarchar(name);
          series.appendDouble(value);
          series.endRow();
        }
      }
    }
    series.closeSync();

    const util = await c.createAppender("utilisation");
    for (const u of r.utilisation) {
      for (const [resource, value] of Object.entries(u.byResource)) {
        util.appendInteger(runId);
        util.appendInteger(r.replication);
        util.appendVarchar(u.period);
        util.appendVarchar(resource);
        util.appendDouble(value);
        util.appendBoolean(resource === u.binding);
        util.endRow();
      }
    }
    util.closeSync();

    const costs = await c.createAppender("costs");
    r.costs.forEach((line, i) => {
      costs.appendInteger(runId);
      costs.appendInteger(r.replication);
      costs.appendInteger(i);
      costs.appendVarchar(line.stage);
      costs.appendVarchar(line.item);
      costs.appendVarchar(line.fiscalYear);
      costs.appendVarchar(line.kind);
      costs.appendDouble(line.quantity);
      costs.appendVarchar(line.quantityUnit);
      costs.appendDouble(line.unitCost);
      costs.appendDouble(line.amount);
      costs.appendVarchar(line.source);
      costs.endRow();
    });
    costs.closeSync();

    const budget = await c.createAppender("budget");
    for (const b of r.budget) {
      budget.appendInteger(runId);
      budget.appendInteger(r.replication);
      budget.appendVarchar(b.fiscalYear);
      budget.appendVarchar(b.agency);
      budget.appendDouble(b.available);
      budget.appendDouble(b.spent);
      budget.appendBoolean(b.exhausted);
      budget.endRow();
    }
    budget.closeSync();

    const impacts = await c.createAppender("impacts");
    r.impacts.forEach((line, i) => {
      impacts.appendInteger(runId);
      impacts.appendInteger(r.replication);
      impacts.appendInteger(i);
      impacts.appendVarchar(line.name);
      impacts.appendVarchar(line.unit);
      impacts.appendDouble(line.value);
      impacts.appendVarchar(JSON.stringify(line.coefficients));
      if (line.note === undefined) impacts.appendNull();
      else impacts.appendVarchar(line.note);
      impacts.endRow();
    });
    impacts.closeSync();
  }

  async finishRun(runId: number, status: RunStatus, endedAt: Date = new Date()): Promise<void> {
    await this.connection.run("UPDATE runs SET status = $1, ended_at = $2::TIMESTAMP WHERE run_id = $3", [
      status,
      endedAt.toISOString(),
      runId,
    ]);
  }

  async listRuns(): Promise<RunMeta[]> {
    const rows = await this.rows(
      `SELECT r.*, (SELECT count(*) FROM replications p WHERE p.run_id = r.run_id) AS stored
       FROM runs r ORDER BY r.run_id`,
    );
    return rows.map(toRunMeta);
  }

  async hasRun(runId: number): Promise<boolean> {
    const rows = await this.rows("SELECT 1 FROM runs WHERE run_id = $1", [runId]);
    return rows.length > 0;
  }

  async loadRun(runId: number): Promise<StoredRun> {
    const runRows = await this.rows(
      `SELECT r.*, (SELECT count(*) FROM replications p WHERE p.run_id = r.run_id) AS stored
       FROM runs r WHERE run_id = $1`,
      [runId],
    );
    const runRow = runRows[0];
    if (!runRow) throw new Error(`run ${runId} is not in ${this.file} (list runs with \`immsim runs\`)`);
    const meta = toRunMeta(runRow);
    const scenario = JSON.parse(text(runRow.scenario_json)) as ScenarioRecord;

    const reps = await this.rows("SELECT * FROM replications WHERE run_id = $1 ORDER BY replication", [
      runId,
    ]);
    const series = await this.rows(
      `SELECT replication, period_kind, period, series, value FROM series WHERE run_id = $1
       ORDER BY replication, period_kind, period, series`,
      [runId],
    );
    const util = await this.rows(
      `SELECT replication, period, resource, utilisation, binding FROM utilisation WHERE run_id = $1
       ORDER BY replication, period, resource`,
      [runId],
    );
    const costs = await this.rows("SELECT * FROM costs WHERE run_id = $1 ORDER BY replication, line", [
      runId,
    ]);
    const budget = await this.rows(
      "SELECT * FROM budget WHERE run_id = $1 ORDER BY replication, fiscal_year, agency",
      [runId],
    );
    const impacts = await this.rows("SELECT * FROM impacts WHERE run_id = $1 ORDER BY replication, line", [
      runId,
    ]);

    // Rows grouped by replication once, so that loading stays linear in the number of rows.
    const grouped = (rows: Row[]) => {
      const map = new Map<number, Row[]>();
      for (const row of rows) {
        const rep = num(row.replication);
        const list = map.get(rep);
        if (list) list.push(row);
        else map.set(rep, [row]);
      }
      return (rep: number) => map.get(rep) ?? [];
    };
    const seriesOf = grouped(series);
    const utilOf = grouped(util);
    const costsOf = grouped(costs);
    const budgetOf = grouped(budget);
    const impactsOf = grouped(impacts);
    const replications = reps.map((row): ReplicationRecord => {
      const rep = num(row.replication);
      const meta = JSON.parse(text(row.meta_json)) as Omit<
        ReplicationRecord,
        | "kpis"
        | "checks"
        | "timing"
        | "monthly"
        | "fiscalYears"
        | "utilisation"
        | "costs"
        | "budget"
        | "impacts"
      >;
      const periodRows = (kind: string) => {
        const map = new Map<string, Record<string, number>>();
        for (const s of seriesOf(rep)) {
          if (s.period_kind !== kind) continue;
          const period = text(s.period);
          const values = map.get(period) ?? {};
          map.set(period, values);
          values[text(s.series)] = num(s.value);
        }
        return [...map.entries()].map(([period, values]) => ({ period, values }));
      };
      const utilMap = new Map<string, { byResource: Record<string, number>; binding: string }>();
      for (const u of utilOf(rep)) {
        const period = text(u.period);
        const entry = utilMap.get(period) ?? { byResource: {}, binding: "" };
        utilMap.set(period, entry);
        entry.byResource[text(u.resource)] = num(u.utilisation);
        if (u.binding === true) entry.binding = text(u.resource);
      }
      return {
        ...meta,
        kpis: JSON.parse(text(row.kpis_json)) as Kpis,
        checks: JSON.parse(text(row.checks_json)) as ReplicationRecord["checks"],
        timing: {
          wallSeconds: num(row.wall_seconds),
          events: num(row.events),
          persons: num(row.persons),
          agents: num(row.agents),
        },
        monthly: periodRows("month"),
        fiscalYears: periodRows("fiscal_year"),
        utilisation: [...utilMap.entries()].map(([period, u]) => ({ period, ...u })),
        costs: costsOf(rep).map((c) => ({
          stage: text(c.stage),
          item: text(c.item),
          fiscalYear: text(c.fiscal_year),
          kind: c.kind === "capital" ? "capital" : "operating",
          quantity: num(c.quantity),
          quantityUnit: text(c.quantity_unit),
          unitCost: num(c.unit_cost),
          amount: num(c.amount),
          source: text(c.source),
        })),
        budget: budgetOf(rep).map((b) => ({
          fiscalYear: text(b.fiscal_year),
          agency: text(b.agency),
          available: num(b.available),
          spent: num(b.spent),
          exhausted: b.exhausted === true,
        })),
        impacts: impactsOf(rep).map((i) => ({
          name: text(i.name),
          unit: text(i.unit),
          value: num(i.value),
          coefficients: JSON.parse(text(i.coefficients_json)) as string[],
          ...(i.note === null || i.note === undefined ? {} : { note: text(i.note) }),
        })),
      };
    });
    return { meta, scenario, replications };
  }

  /** Rows of one table for one run, for exports and identity checks. */
  async tableRows(table: string, runId: number, orderBy: string): Promise<Row[]> {
    return this.rows(`SELECT * FROM ${table} WHERE run_id = $1 ORDER BY ${orderBy}`, [runId]);
  }

  /**
   * Rows, per table, that belong to no stored replication of the run. Always zero while each replication
   * is written in one transaction; a check for tests and for anyone who doubts a store after a crash.
   */
  async orphanRows(runId: number): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of STORE_TABLES) {
      if (table === "runs" || table === "replications") continue;
      const [row] = await this.rows(
        `SELECT count(*) AS n FROM ${table} t WHERE t.run_id = $1 AND NOT EXISTS
         (SELECT 1 FROM replications r WHERE r.run_id = t.run_id AND r.replication = t.replication)`,
        [runId],
      );
      out[table] = num(row?.n);
    }
    return out;
  }

  /** Runs one statement (e.g. `COPY ... TO`); for exports. */
  async execute(sql: string, values: (string | number)[] = []): Promise<void> {
    await this.connection.run(sql, values);
  }
}

function toRunMeta(row: Row): RunMeta {
  return {
    runId: num(row.run_id),
    scenario: text(row.scenario),
    scenarioFile: row.scenario_file === null ? null : text(row.scenario_file),
    seed: num(row.seed),
    scale: num(row.scale),
    replicationsPlanned: num(row.replications_planned),
    replicationsStored: num(row.stored),
    workers: num(row.workers),
    codeVersion: text(row.code_version),
    startedAt: isoTimestamp(row.started_at) ?? "",
    endedAt: isoTimestamp(row.ended_at),
    status: row.status === "complete" ? "complete" : "incomplete",
  };
}
