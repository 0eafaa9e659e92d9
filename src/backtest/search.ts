/**
 * Bounded coordinate search in log space: for each parameter in turn, try the multiplier one step up and
 * one step down and keep any improvement; when a full sweep improves nothing, halve the step. It needs no
 * gradients, tolerates the small jumps a stochastic model with fixed seeds produces, and its path is
 * deterministic, so the fit can be repeated exactly.
 */
export interface SearchOptions {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** First step, as a factor (2 = try ×2 and ÷2). */
  readonly initialFactor?: number;
  /** Stop when the step factor falls below this. */
  readonly finalFactor?: number;
  readonly maxEvaluations?: number;
  readonly onEvaluation?: (x: readonly number[], value: number, evaluation: number) => void;
}

export interface SearchResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
  readonly start: { readonly x: readonly number[]; readonly value: number };
}

export async function coordinateSearch(
  objective: (x: readonly number[]) => number | Promise<number>,
  start: readonly number[],
  options: SearchOptions,
): Promise<SearchResult> {
  const clamp = (v: number, i: number) => Math.min(options.upper[i]!, Math.max(options.lower[i]!, v));
  let evaluations = 0;
  const evaluate = async (x: readonly number[]) => {
    const value = await objective(x);
    evaluations++;
    options.onEvaluation?.(x, value, evaluations);
    return value;
  };
  const maxEvaluations = options.maxEvaluations ?? 200;
  let x = start.map(clamp);
  let best = await evaluate(x);
  const startPoint = { x: [...x], value: best };
  let step = Math.log(options.initialFactor ?? 2);
  const finalStep = Math.log(options.finalFactor ?? 1.05);
  while (step >= finalStep && evaluations < maxEvaluations) {
    let improved = false;
    for (let i = 0; i < x.length && evaluations < maxEvaluations; i++) {
      for (const direction of [1, -1]) {
        const candidate = [...x];
        candidate[i] = clamp(x[i]! * Math.exp(direction * step), i);
        if (candidate[i] === x[i]) continue;
        const value = await evaluate(candidate);
        if (value < best) {
          best = value;
          x = candidate;
          improved = true;
          break;
        }
        if (evaluations >= maxEvaluations) break;
      }
    }
    if (!improved) step /= 2;
  }
  return { x, value: best, evaluations, start: startPoint };
}
