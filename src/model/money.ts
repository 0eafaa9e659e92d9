/**
 * The cost ledger and the budget. Quantities are charged once per day per line (never per person): a line
 * is (stage, item, fiscal year, unit cost, source). Amounts are kept twice: as the sum of the daily
 * charges and as quantity × unit cost at the end, so the cost-identity check compares two computations.
 */
import { fiscalYearLabel, fiscalYearOfDay, fiscalYearStartDay } from "../util/dates.ts";
import type { BudgetLine, CostLine } from "./results.ts";

/** Which agency's budget a cost stage draws on. */
export const STAGE_AGENCY: Readonly<Record<string, string>> = {
  arrest: "ICE",
  detention: "ICE",
  atd: "ICE",
  transport: "ICE",
  third_country: "ICE",
  staffing: "ICE",
  capital: "ICE",
  incentives: "ICE",
  courts: "EOIR",
  credible_fear: "USCIS",
  national_guard: "DoD",
};

interface Accumulator {
  readonly stage: string;
  readonly item: string;
  readonly fiscalYear: string;
  readonly kind: "operating" | "capital";
  readonly quantityUnit: string;
  readonly unitCost: number;
  readonly source: string;
  quantity: number;
  amount: number;
}

/**
 * Money that stays available beyond the fiscal year it is credited to (reconciliation and supplemental
 * acts: "to remain available until ..."). A tranche can be spent from its own year through `untilFy`;
 * what a year leaves unspent carries forward, and what is left after `untilFy` lapses.
 */
interface Tranche {
  readonly agency: string;
  readonly fromFy: number;
  readonly untilFy: number;
  readonly amount: number;
}

function fyNumber(label: string): number {
  return Number(label.slice(2));
}

/** The lines of one (stage, item), and the one charged last (the same line nearly every day). */
interface LineGroup {
  readonly lines: Accumulator[];
  last: Accumulator | null;
}

export class Ledger {
  /** Lines by stage, then item: charging builds no key string (it runs several times a simulated day). */
  private readonly groups = new Map<string, Map<string, LineGroup>>();
  /** Spending by agency, then FY label (full scale). */
  private readonly spentBy = new Map<string, Map<string, number>>();
  /** Fiscal-year label of each simulated day, filled on first use. */
  private readonly fyOfDay: string[] = [];
  /** Multi-year balances by "agency|FY": fixed within a year, since only earlier years' spending moves them. */
  private readonly balanceCache = new Map<string, number>();
  /** One-year money by "agency|FY" (annual appropriations and one-year reprogramming). */
  private readonly available = new Map<string, number>();
  private readonly tranches: Tranche[] = [];
  private readonly exhausted = new Set<string>();

  constructor(
    private readonly startEpochDay: number,
    /** Agent counts are divided by this to charge at full scale. */
    private readonly scale: number,
  ) {}

  fiscalYearOf(day: number): string {
    let label = day >= 0 ? this.fyOfDay[day] : undefined;
    if (label === undefined) {
      label = fiscalYearLabel(fiscalYearOfDay(this.startEpochDay + day));
      if (day >= 0) this.fyOfDay[day] = label;
    }
    return label;
  }

  private spentIn(agency: string, fiscalYear: string): number {
    return this.spentBy.get(agency)?.get(fiscalYear) ?? 0;
  }

  /** Charges `agentQuantity / scale` units at `unitCost` (quantities from agents are scaled up). */
  chargeAgents(
    day: number,
    stage: string,
    item: string,
    kind: "operating" | "capital",
    quantityUnit: string,
    agentQuantity: number,
    unitCost: number,
    source: string,
  ): void {
    this.charge(day, stage, item, kind, quantityUnit, agentQuantity / this.scale, unitCost, source);
  }

  /** Charges a full-scale quantity (e.g. officer-days of a full-scale workforce). */
  charge(
    day: number,
    stage: string,
    item: string,
    kind: "operating" | "capital",
    quantityUnit: string,
    quantity: number,
    unitCost: number,
    source: string,
  ): void {
    if (quantity === 0 || unitCost === 0) return;
    const fy = this.fiscalYearOf(day);
    let byItem = this.groups.get(stage);
    if (!byItem) {
      byItem = new Map();
      this.groups.set(stage, byItem);
    }
    let group = byItem.get(item);
    if (!group) {
      group = { lines: [], last: null };
      byItem.set(item, group);
    }
    let line = group.last;
    if (
      !line ||
      line.fiscalYear !== fy ||
      line.unitCost !== unitCost ||
      line.source !== source ||
      line.kind !== kind
    ) {
      line =
        group.lines.find(
          (l) => l.fiscalYear === fy && l.unitCost === unitCost && l.source === source && l.kind === kind,
        ) ?? null;
      if (!line) {
        line = { stage, item, fiscalYear: fy, kind, quantityUnit, unitCost, source, quantity: 0, amount: 0 };
        group.lines.push(line);
      }
      group.last = line;
    }
    const amount = quantity * unitCost;
    line.quantity += quantity;
    line.amount += amount;
    const agency = STAGE_AGENCY[stage] ?? "ICE";
    let byFy = this.spentBy.get(agency);
    if (!byFy) {
      byFy = new Map();
      this.spentBy.set(agency, byFy);
    }
    byFy.set(fy, (byFy.get(fy) ?? 0) + amount);
  }

  private *allLines(): Iterable<Accumulator> {
    for (const byItem of this.groups.values()) for (const g of byItem.values()) yield* g.lines;
  }

  setAvailable(agency: string, fiscalYear: string, usd: number): void {
    this.available.set(`${agency}|${fiscalYear}`, usd);
  }

  addAvailable(agency: string, fiscalYear: string, usd: number): void {
    const k = `${agency}|${fiscalYear}`;
    this.available.set(k, (this.available.get(k) ?? 0) + usd);
  }

  /** Credits multi-year money: `usd` in `fiscalYear`, spendable through `untilFiscalYear`. */
  addMultiYear(agency: string, fiscalYear: string, untilFiscalYear: string, usd: number): void {
    const fromFy = fyNumber(fiscalYear);
    const untilFy = Math.max(fromFy, fyNumber(untilFiscalYear));
    this.tranches.push({ agency, fromFy, untilFy, amount: usd });
    // A year with only multi-year money still has a budget line (and can run out).
    const k = `${agency}|${fiscalYear}`;
    if (!this.available.has(k)) this.available.set(k, 0);
  }

  /**
   * Multi-year money usable in fiscal year `fy`: every tranche open that year, less what earlier years
   * spent beyond their one-year money (drawn from the tranches that lapse first).
   */
  private multiYearBalance(agency: string, fy: number): number {
    const key = `${agency}|${fy}`;
    let balance = this.balanceCache.get(key);
    if (balance === undefined) {
      balance = this.computeMultiYearBalance(agency, fy);
      this.balanceCache.set(key, balance);
    }
    return balance;
  }

  private computeMultiYearBalance(agency: string, fy: number): number {
    const own = this.tranches.filter((t) => t.agency === agency && t.fromFy <= fy);
    if (own.length === 0) return 0;
    const left = own.map((t) => t.amount);
    const order = own.map((_, i) => i).sort((a, b) => own[a]!.untilFy - own[b]!.untilFy);
    const firstFy = Math.min(...own.map((t) => t.fromFy));
    for (let year = firstFy; year < fy; year++) {
      const k = `${agency}|FY${year}`;
      let over = this.spentIn(agency, `FY${year}`) - (this.available.get(k) ?? 0);
      for (const i of order) {
        if (over <= 0) break;
        const t = own[i]!;
        if (t.fromFy > year || t.untilFy < year) continue;
        const take = Math.min(left[i]!, over);
        left[i]! -= take;
        over -= take;
      }
    }
    let balance = 0;
    for (let i = 0; i < own.length; i++) if (own[i]!.untilFy >= fy) balance += left[i]!;
    return balance;
  }

  /** Money the agency can spend in a fiscal year: its one-year money plus open multi-year balances. */
  private availableIn(agency: string, fiscalYear: string): number | undefined {
    const annual = this.available.get(`${agency}|${fiscalYear}`);
    if (annual === undefined) return undefined;
    return annual + this.multiYearBalance(agency, fyNumber(fiscalYear));
  }

  /** Whether the agency has spent all of the fiscal year's money (marks the year exhausted when so). */
  isExhausted(agency: string, day: number): boolean {
    const fy = this.fiscalYearOf(day);
    const avail = this.availableIn(agency, fy);
    if (avail === undefined) return false;
    if (this.spentIn(agency, fy) >= avail) {
      this.exhausted.add(`${agency}|${fy}`);
      return true;
    }
    return false;
  }

  total(): number {
    let t = 0;
    for (const l of this.allLines()) t += l.amount;
    return t;
  }

  costLines(): CostLine[] {
    const out: CostLine[] = [];
    for (const l of this.allLines()) {
      out.push({
        stage: l.stage,
        item: l.item,
        fiscalYear: l.fiscalYear,
        kind: l.kind,
        quantity: l.quantity,
        quantityUnit: l.quantityUnit,
        unitCost: l.unitCost,
        amount: l.quantity * l.unitCost,
        source: l.source,
      });
    }
    out.sort((a, b) =>
      a.fiscalYear === b.fiscalYear
        ? a.stage.localeCompare(b.stage) || a.item.localeCompare(b.item)
        : a.fiscalYear < b.fiscalYear
          ? -1
          : 1,
    );
    return out;
  }

  /** Lines whose daily-summed amount differs from quantity × unit cost (relative 1e-9). */
  identityFailures(): string[] {
    const bad: string[] = [];
    for (const l of this.allLines()) {
      const product = l.quantity * l.unitCost;
      if (Math.abs(product - l.amount) > 1e-9 * Math.max(1, Math.abs(product))) {
        bad.push(
          `cost line ${l.stage}/${l.item}/${l.fiscalYear}: ${l.amount} != ${l.quantity} × ${l.unitCost}`,
        );
      }
    }
    return bad;
  }

  budgetLines(): BudgetLine[] {
    const keys = new Set<string>(this.available.keys());
    for (const [agency, byFy] of this.spentBy) for (const fy of byFy.keys()) keys.add(`${agency}|${fy}`);
    const out: BudgetLine[] = [];
    for (const k of keys) {
      const [agency, fiscalYear] = k.split("|") as [string, string];
      const available = this.availableIn(agency, fiscalYear);
      if (available === undefined) continue; // agencies with no appropriation in the scenario
      out.push({
        fiscalYear,
        agency,
        available,
        spent: this.spentIn(agency, fiscalYear),
        exhausted: this.exhausted.has(k),
      });
    }
    out.sort((a, b) =>
      a.fiscalYear === b.fiscalYear ? a.agency.localeCompare(b.agency) : a.fiscalYear < b.fiscalYear ? -1 : 1,
    );
    return out;
  }
}

/** Fiscal years (labels and first day relative to the start) that a run covers. */
export function fiscalYearsCovered(
  startEpochDay: number,
  horizonDays: number,
): { label: string; day: number }[] {
  const first = fiscalYearOfDay(startEpochDay);
  const last = fiscalYearOfDay(startEpochDay + Math.max(0, horizonDays - 1));
  const out: { label: string; day: number }[] = [];
  for (let fy = first; fy <= last; fy++)
    out.push({ label: fiscalYearLabel(fy), day: fiscalYearStartDay(fy) - startEpochDay });
  return out;
}
