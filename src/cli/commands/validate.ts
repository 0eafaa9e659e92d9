import type { Command } from "commander";
import { formatIssue, reportsHaveErrors, validateFiles } from "../../params/index.ts";
import { sortIssues } from "../../params/issues.ts";
import { EXIT_BAD_INPUT, ExitError } from "../program.ts";

interface ValidateFlags {
  readonly parameters?: string;
  readonly json?: boolean;
}

/** `immsim validate <files...>`: every issue of every file, then a count; exit 2 when any is an error. */
export function addValidateCommand(program: Command): void {
  program
    .command("validate")
    .description("check scenario and parameter files (or folders of them); list every error")
    .argument("<files...>", "scenario files, parameter files, or folders")
    .option("--parameters <dir>", "parameter tree that scenario files are checked against")
    .option("--json", "print one JSON document: counts and every file's issues")
    .action((files: string[], flags: ValidateFlags) => {
      const reports = validateFiles(files, flags.parameters ? { parametersDir: flags.parameters } : {});
      const issues = sortIssues(reports.flatMap((r) => r.issues));
      if (flags.json) {
        const errorCount = issues.filter((i) => i.severity === "error").length;
        const doc = {
          valid: errorCount === 0,
          errors: errorCount,
          warnings: issues.length - errorCount,
          files: reports,
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        if (errorCount > 0) throw new ExitError(EXIT_BAD_INPUT);
        return;
      }
      const lines = issues.map(formatIssue);
      const errors = issues.filter((i) => i.severity === "error");
      const warnings = issues.length - errors.length;
      const badFiles = new Set(errors.map((i) => i.file)).size;
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
      const tail = warnings > 0 ? `, ${plural(warnings, "warning")}` : "";
      lines.push(
        errors.length > 0
          ? `${plural(errors.length, "error")} in ${plural(badFiles, "file")}${tail}`
          : `no errors in ${plural(reports.length, "file")}${tail}`,
      );
      process.stdout.write(`${lines.join("\n")}\n`);
      if (reportsHaveErrors(reports)) throw new ExitError(EXIT_BAD_INPUT);
    });
}
