/**
 * Policy events as written in scenario files (snake_case, `on: YYYY-MM-DD`), one zod schema per type of
 * the `PolicyEvent` union, and their conversion to the resolved camelCase events. Defaults for optional
 * fields are declared here with `.default(...)` so that the JSON Schema shows them; docs/scenarios.md lists them.
 */
import { z } from "zod";
import { BORDER_DISPOSITIONS, FACILITY_TYPES, NATIONALITY_GROUPS, PROTECTION_GROUPS } from "./catalog.ts";
import {
  isoDate,
  nonEmptyText,
  nonNegative,
  numberIn,
  provenanceFields,
  share,
  wholeNumber,
} from "./fields.ts";
import type { Injunction, PolicyEvent, PolicyType } from "./types.ts";

const nationalities = () =>
  z.array(z.enum(NATIONALITY_GROUPS), { error: "expected a list of nationality groups" }).min(1);

const injunction = z
  .strictObject({
    probability: share().describe("probability that a court blocks the action"),
    starts_after_days: wholeNumber().default(0).describe("days after the action's date the block starts"),
    lasts_days: wholeNumber(1).describe("how long the block lasts, in days"),
  })
  .describe("a court may block the action for a while");

const multiplier = () => numberIn("a multiplier ≥ 0", 0);
const count = () => numberIn("a whole number", undefined, undefined);
const days = () => wholeNumber();

function policy<T extends PolicyType, S extends z.ZodRawShape>(type: T, fields: S) {
  return z.strictObject({
    on: isoDate().describe("the date the event happens"),
    type: z.literal(type),
    ...fields,
    ...provenanceFields,
  });
}

export const POLICY_SCHEMAS = {
  border_inflow: policy("border_inflow", {
    multiplier: multiplier().describe("scales border encounters (and got-aways) from this day"),
    nationalities: nationalities().optional(),
    cause: z.enum(["closure", "wall", "travel_ban", "other"]).default("other"),
    applies_to_gotaways: z.boolean().default(true),
  }),
  border_dispositions: policy("border_dispositions", {
    shares: z.record(z.enum(BORDER_DISPOSITIONS), share()).describe("new disposition shares, adding up to 1"),
  }),
  remain_in_mexico: policy("remain_in_mexico", {
    share: share().describe("share of new asylum-seeking arrivals sent to wait in Mexico"),
    injunction: injunction.optional(),
  }),
  expedited_removal_window: policy("expedited_removal_window", {
    presence_days: days().describe("anyone who cannot show this many days of presence is eligible"),
    nationwide: z.boolean().default(true),
    injunction: injunction.optional(),
  }),
  protection_end: policy("protection_end", {
    group: z.enum(PROTECTION_GROUPS),
    nationalities: nationalities().optional().describe("for tps only: the groups whose designation ends"),
    notice_days: days().default(0),
    share: share().default(1).describe("share of the group whose protection ends"),
    injunction: injunction.optional(),
  }),
  hiring: policy("hiring", {
    role: z.enum(["officers", "judges", "asylum_officers"]),
    count: count().int({ error: "expected a whole number" }).describe("net change (negative for losses)"),
    over_days: days().default(0),
    training_days: days().optional(),
    cost_per_hire: nonNegative("USD ≥ 0").optional(),
  }),
  agreements_287g: policy("agreements_287g", {
    jail: count().int({ error: "expected a whole number" }).default(0),
    task_force: count().int({ error: "expected a whole number" }).default(0),
    over_days: days().default(0),
  }),
  cooperation: policy("cooperation", {
    share: share().describe("new share of jurisdictions honouring detainers"),
  }),
  national_guard: policy("national_guard", {
    members: wholeNumber(),
    duration_days: days(),
    cost_per_member_day: nonNegative("USD ≥ 0"),
  }),
  beds_added: policy("beds_added", {
    facility: z.enum(FACILITY_TYPES),
    beds: count().int({ error: "expected a whole number" }).describe("net beds (negative to close)"),
    lead_days: days().default(0),
    ramp_days: days().default(0),
    cost_per_bed_day: nonNegative("USD ≥ 0").optional(),
    build_cost_per_bed: nonNegative("USD ≥ 0").optional(),
  }),
  atd_capacity: policy("atd_capacity", { capacity: wholeNumber() }),
  transport_capacity: policy("transport_capacity", {
    charters_seats_per_day: nonNegative().optional(),
    land_per_day: nonNegative().optional(),
  }),
  third_country_agreement: policy("third_country_agreement", {
    partner: nonEmptyText("a partner name"),
    quota_per_year: wholeNumber(),
    cost_per_person: nonNegative("USD ≥ 0"),
    nationalities: nationalities().optional(),
    ends: isoDate().optional(),
    injunction: injunction.optional(),
  }),
  sanctions: policy("sanctions", {
    nationalities: nationalities(),
    refusal_multiplier: multiplier().optional(),
    delay_multiplier: multiplier().optional(),
  }),
  country_cooperation: policy("country_cooperation", {
    nationalities: nationalities(),
    refusal_share: share().optional(),
    travel_document_days: days().optional(),
  }),
  departure_incentive: policy("departure_incentive", {
    stipend_usd: nonNegative("USD ≥ 0"),
    paid_travel: z.boolean().default(false),
    cost_per_departure: nonNegative("USD ≥ 0"),
    ends: isoDate().optional(),
  }),
  appropriation: policy("appropriation", {
    agency: z.enum(["ICE", "EOIR", "CBP", "USCIS", "DHS"]),
    by_fiscal_year: z.record(
      z.string().regex(/^FY\d{4}$/, { error: "expected a fiscal year label such as FY2026" }),
      nonNegative("USD ≥ 0"),
    ),
    source: z
      .enum(["appropriation", "reconciliation", "reprogramming", "supplemental"])
      .default("appropriation"),
  }),
  arrest_priorities: policy("arrest_priorities", {
    order: z.array(z.enum(["criminal", "final_order", "recent_entrant", "other"])).min(1),
    strictness: share().default(1),
  }),
  detention_policy: policy("detention_policy", {
    when_full: z.enum(["release_to_atd", "defer_arrest", "release"]).default("release_to_atd"),
    detain_all: z.boolean().default(false),
  }),
  budget_policy: policy("budget_policy", {
    when_exhausted: z.enum(["ration_arrests", "stop_capacity", "ignore"]),
  }),
} as const satisfies Record<PolicyType, z.ZodType>;

export const POLICY_TYPES = Object.keys(POLICY_SCHEMAS) as PolicyType[];

const schemaList = Object.values(POLICY_SCHEMAS) as [
  (typeof POLICY_SCHEMAS)[PolicyType],
  ...(typeof POLICY_SCHEMAS)[PolicyType][],
];
export const policySchema = z.discriminatedUnion("type", schemaList);
export type PolicyInput = z.output<typeof policySchema>;

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function injunctionOf(raw: z.output<typeof injunction>): Injunction {
  return { probability: raw.probability, startsAfterDays: raw.starts_after_days, lastsDays: raw.lasts_days };
}

/**
 * The resolved event. `dayOf` turns an ISO date into a day relative to the scenario's start; `fill` supplies
 * defaults that come from the parameter tree (sanction multipliers) at the event's day.
 */
export function toPolicyEvent(
  input: PolicyInput,
  dayOf: (iso: string) => number,
  fill: { refusalMultiplier: number; delayMultiplier: number },
): PolicyEvent {
  const { on, type, reference, assumption, reason, note, ...fields } = input;
  const out: Record<string, unknown> = {
    type,
    day: dayOf(on),
    date: on,
    references: reference ?? [],
    assumption: assumption ?? false,
  };
  if (reason !== undefined) out.reason = reason;
  if (note !== undefined) out.note = note;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === "injunction") out.injunction = injunctionOf(value as z.output<typeof injunction>);
    else if (key === "ends") out.endsDay = dayOf(value as string);
    else out[camel(key)] = value;
  }
  if (type === "sanctions") {
    out.refusalMultiplier ??= fill.refusalMultiplier;
    out.delayMultiplier ??= fill.delayMultiplier;
  }
  return out as unknown as PolicyEvent;
}

// Compile-time guard: each schema, converted as `toPolicyEvent` does, yields the fields of its `PolicyEvent`
// type (none missing, each assignable), so the union in types.ts and the file format cannot drift apart.
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type ProvenanceKey = "on" | "reference" | "assumption" | "reason" | "note";
type Converted<I> = {
  [K in keyof I as K extends ProvenanceKey
    ? never
    : K extends "ends"
      ? "endsDay"
      : Camel<K & string>]: K extends "injunction"
    ? Injunction | Extract<I[K], undefined>
    : K extends "ends"
      ? number | Extract<I[K], undefined>
      : I[K];
};
/** Sanction multipliers left out are filled from the parameter tree. */
type Filled<T extends PolicyType, C> = T extends "sanctions"
  ? Omit<C, "refusalMultiplier" | "delayMultiplier"> & { refusalMultiplier: number; delayMultiplier: number }
  : C;
type Fields<T extends PolicyType> = Omit<
  Extract<PolicyEvent, { type: T }>,
  "day" | "date" | "references" | "assumption" | "reason" | "note"
>;
type Drift = {
  [T in PolicyType]: Filled<T, Converted<z.output<(typeof POLICY_SCHEMAS)[T]>>> extends Fields<T>
    ? Exclude<keyof Fields<T>, keyof Converted<z.output<(typeof POLICY_SCHEMAS)[T]>>> extends never
      ? never
      : T
    : T;
}[PolicyType];
/** `true` unless a policy type's schema drifted from its event type (then the type names the culprit). */
export const POLICY_SCHEMAS_MATCH_TYPES: [Drift] extends [never] ? true : Drift = true;
