import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { RunAggregate } from "../run/aggregate.ts";
import type { RunMeta, ScenarioRecord } from "../store/records.ts";
import { htmlReport } from "./html.ts";

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "scenario"
  );
}

/** Writes the HTML report of a run into `dir`, through a temporary file so that no half file is left. */
export function writeHtmlReport(
  dir: string,
  aggregate: RunAggregate,
  scenario: ScenarioRecord,
  run: Pick<RunMeta, "runId" | "status" | "replicationsPlanned" | "codeVersion" | "startedAt">,
): string {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${slug(scenario.name)}-run-${run.runId}.html`);
  const html = htmlReport({ aggregate, scenario, run });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, html);
  renameSync(tmp, file);
  return file;
}
