import { resolvedParameters } from "../params/resolved.ts";
import type { ParameterInfo, Scenario } from "../params/types.ts";

/**
 * A resolved Scenario as structured-cloneable data: the parameters as their records instead of the
 * ResolvedParameters object (which holds functions). The loader builds `params` with
 * resolvedParameters(records), so rebuilding from the records gives the same scenario.
 */
export type PortableScenario = Omit<Scenario, "params"> & { readonly parameters: readonly ParameterInfo[] };

export function toPortable(scenario: Scenario): PortableScenario {
  const { params, ...rest } = scenario;
  return { ...rest, parameters: params.all() };
}

export function fromPortable(portable: PortableScenario): Scenario {
  const { parameters, ...rest } = portable;
  return { ...rest, params: resolvedParameters(parameters) };
}
