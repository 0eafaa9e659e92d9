/**
 * `immsim validate`: checks parameter files, scenario files and folders of them, collecting every issue.
 * A file is a parameter file when it lives under a folder named `parameters` (its catalogue path is its
 * path below that folder) or, elsewhere, when it is shaped like one (`unit` and `values`, no `start`).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { hasErrors, type ValidationIssue } from "./issues.ts";
import { checkParameterSource, PARAMETER_FILE_SHAPE, type ParameterTree } from "./parameter-file.ts";
import { checkScenarioSource, SCENARIO_FILE_SHAPE } from "./scenario.ts";
import { issueAt, parseYaml, readText } from "./source.ts";
import { checkTreeFile, defaultParametersDir, displayPath, readParameterTree } from "./tree.ts";

export interface FileReport {
  readonly file: string;
  readonly kind: "parameter" | "scenario" | "missing";
  readonly issues: readonly ValidationIssue[];
}

export interface ValidateOptions {
  /** Parameter tree that scenario files are checked against (default: the package's). */
  readonly parametersDir?: string;
}

const isYaml = (name: string) => name.endsWith(".yaml") || name.endsWith(".yml");

/** The nearest enclosing folder named `parameters`, if any. */
function parametersAncestor(file: string): string | undefined {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    if (basename(dir) === "parameters") return dir;
    dir = dirname(dir);
  }
  return undefined;
}

function reportsByFile(issues: readonly ValidationIssue[], kind: FileReport["kind"]): FileReport[] {
  const byFile = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const list = byFile.get(issue.file) ?? [];
    list.push(issue);
    byFile.set(issue.file, list);
  }
  return [...byFile].map(([file, list]) => ({ file, kind, issues: list }));
}

export function validateFiles(files: readonly string[], options: ValidateOptions = {}): FileReport[] {
  let tree: { tree: ParameterTree; errors: number } | undefined;
  const scenarioTree = () => {
    if (!tree) {
      const read = readParameterTree(options.parametersDir ?? defaultParametersDir());
      tree = { tree: read.tree, errors: read.issues.filter((i) => i.severity === "error").length };
    }
    return tree;
  };

  const checkFile = (file: string): FileReport => {
    const label = displayPath(file);
    const paramsDir = parametersAncestor(file);
    if (paramsDir) return { file: label, kind: "parameter", issues: checkTreeFile(paramsDir, file).issues };
    const { text, issues } = readText(file, label);
    if (text === undefined) return { file: label, kind: "scenario", issues };
    const looksLikeParameter = /^(unit|values):/m.test(text) && !/^start:/m.test(text);
    const { source, issues: yamlIssues } = parseYaml(
      text,
      label,
      looksLikeParameter ? PARAMETER_FILE_SHAPE : SCENARIO_FILE_SHAPE,
    );
    if (yamlIssues.length > 0)
      return { file: label, kind: looksLikeParameter ? "parameter" : "scenario", issues: yamlIssues };
    if (looksLikeParameter) {
      const checked = checkParameterSource(source, undefined, label).issues;
      const note = issueAt(
        label,
        { line: 0, column: 0 },
        "",
        "not under a parameters/ folder: checked for shape only, not against the catalogue",
        undefined,
        "warning",
      );
      return { file: label, kind: "parameter", issues: [...checked, note] };
    }
    const { tree: t, errors } = scenarioTree();
    const checked = checkScenarioSource(source, t).issues;
    const treeNote =
      errors > 0
        ? [
            issueAt(
              label,
              { line: 0, column: 0 },
              "",
              `the parameter tree it uses has ${errors} error${errors === 1 ? "" : "s"}`,
              `run: immsim validate ${displayPath(t.dir)}`,
            ),
          ]
        : [];
    return { file: label, kind: "scenario", issues: [...checked, ...treeNote] };
  };

  const reports: FileReport[] = [];
  const visit = (path: string): void => {
    const abs = resolve(path);
    if (!existsSync(abs)) {
      reports.push({
        file: path,
        kind: "missing",
        issues: [issueAt(path, { line: 0, column: 0 }, "", "file not found")],
      });
      return;
    }
    if (!statSync(abs).isDirectory()) {
      reports.push(checkFile(abs));
      return;
    }
    if (basename(abs) === "parameters") {
      const { tree: t, issues } = readParameterTree(abs);
      const withIssues = reportsByFile(issues, "parameter");
      const clean = [...t.parameters.values()]
        .map((p) => displayPath(join(abs, p.file.split("/").slice(1).join(sep))))
        .filter((f) => !withIssues.some((r) => r.file === f))
        .map((f): FileReport => ({ file: f, kind: "parameter", issues: [] }));
      reports.push(...withIssues, ...clean);
      return;
    }
    for (const name of readdirSync(abs).sort()) {
      const child = join(abs, name);
      if (statSync(child).isDirectory() || isYaml(name)) visit(child);
    }
  };
  for (const f of files) visit(f);
  return reports;
}

export function reportsHaveErrors(reports: readonly FileReport[]): boolean {
  return reports.some((r) => hasErrors(r.issues));
}
