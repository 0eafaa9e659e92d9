import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("src/engine is domain-free", () => {
  it("names nothing from the application domain", () => {
    const dir = new URL("../../src/engine/", import.meta.url);
    const words =
      /immigra|deport|detain|detention|asylum|alien|border|arrest|removal|judge|\bICE\b|migrant|visa/i;
    const hits: string[] = [];
    for (const file of readdirSync(dir)) {
      readFileSync(new URL(file, dir), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (words.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
