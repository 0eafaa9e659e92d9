import { z } from "zod";
import { defaultWorkers } from "./defaults.ts";
import type { ScenarioOverrides } from "./job.ts";

/** Flags shared by `immsim run` and `immsim compare`, as commander hands them over (strings). */
export interface RawRunFlags {
  readonly scale?: string;
  readonly seed?: string;
  readonly replications?: string;
  readonly horizonDays?: string;
  readonly workers?: string;
}

const positiveInt = (flag: string, example: string) =>
  z.coerce
    .number({ error: `${flag} must be a whole number, e.g. ${flag} ${example}` })
    .int({ error: `${flag} must be a whole number, e.g. ${flag} ${example}` })
    .min(1, { error: `${flag} must be at least 1, e.g. ${flag} ${example}` });

const FlagsSchema = z.object({
  scale: z.coerce
    .number({ error: "--scale must be a number, e.g. --scale 0.01" })
    .gt(0, { error: "--scale must be above 0 and at most 1, e.g. --scale 0.01" })
    .max(1, { error: "--scale must be above 0 and at most 1, e.g. --scale 0.01" })
    .optional(),
  seed: z.coerce
    .number({ error: "--seed must be a whole number, e.g. --seed 42" })
    .int({ error: "--seed must be a whole number, e.g. --seed 42" })
    .min(0, { error: "--seed must be 0 or more, e.g. --seed 42" })
    .optional(),
  replications: positiveInt("--replications", "4").optional(),
  horizonDays: positiveInt("--horizon-days", "365").optional(),
  workers: positiveInt("--workers", "2").optional(),
});

export interface RunFlags {
  readonly overrides: ScenarioOverrides;
  readonly workers: number;
}

/** Validates the flags; throws an Error whose message names the flag and the fix. */
export function parseRunFlags(raw: RawRunFlags): RunFlags {
  const parsed = FlagsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
  const { workers, ...rest } = parsed.data;
  const overrides: ScenarioOverrides = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  ) as ScenarioOverrides;
  return { overrides, workers: workers ?? defaultWorkers() };
}
