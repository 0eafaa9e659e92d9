import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const bin = new URL("../bin/immsim.js", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("immsim binary", () => {
  it("prints its version from package.json", () => {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8" });
    expect(out.trim()).toBe(pkg.version);
  });

  it("prints help that names the program and exits 0", () => {
    const res = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("Usage: immsim");
  });

  it("exits 2 on an unknown flag", () => {
    const res = spawnSync(bin, ["--no-such-flag"], { encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("unknown option");
  });

  it("runs from another working directory", () => {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8", cwd: "/" });
    expect(out.trim()).toBe(pkg.version);
  });
});
