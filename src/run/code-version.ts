import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Package version plus the git commit when the code runs from a checkout, for the run store. */
export function codeVersion(): string {
  const root = new URL("../../", import.meta.url);
  const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return commit ? `${pkg.version}+${commit}` : pkg.version;
  } catch {
    return pkg.version;
  }
}
