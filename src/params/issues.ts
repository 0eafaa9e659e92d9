/** Validation issues, the error that carries them, and their one-line-per-issue text format. */

export interface ValidationIssue {
  readonly file: string;
  /** 1-based; 0 when the issue has no position (a missing file, an object built in code). */
  readonly line: number;
  readonly column: number;
  /** Field path such as `policies[3].beds`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
  readonly severity: "error" | "warning";
}

/** Orders issues by file, then line, then column, keeping the order of equal positions. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (a.issue.file < b.issue.file ? -1 : a.issue.file > b.issue.file ? 1 : 0) ||
        a.issue.line - b.issue.line ||
        a.issue.column - b.issue.column ||
        a.i - b.i,
    )
    .map((x) => x.issue);
}

export function formatIssue(issue: ValidationIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const level = issue.severity === "warning" ? "warning: " : "";
  const field = issue.path ? `${issue.path}: ` : "";
  const hint = issue.hint ? `; ${issue.hint}` : "";
  return `${where}  ${level}${field}${issue.message}${hint}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `2 errors in 1 file` (files counted are those with at least one error). */
export function summaryLine(issues: readonly ValidationIssue[]): string {
  const errors = issues.filter((i) => i.severity === "error");
  const files = new Set(errors.map((i) => i.file)).size;
  const warnings = issues.length - errors.length;
  const tail = warnings > 0 ? `, ${plural(warnings, "warning")}` : "";
  return `${plural(errors.length, "error")} in ${plural(files, "file")}${tail}`;
}

/** Every issue on its own line, sorted, then the summary line. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return [...sortIssues(issues).map(formatIssue), summaryLine(issues)].join("\n");
}

/** Thrown by the loaders when any file has errors; carries every issue found, not just the first. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const sorted = sortIssues(issues);
    super(formatIssues(sorted));
    this.name = "ValidationError";
    this.issues = sorted;
  }
  format(): string {
    return formatIssues(this.issues);
  }
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
