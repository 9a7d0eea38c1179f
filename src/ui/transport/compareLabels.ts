/** How the two runs of compare mode are named on screen: by the settings in which they differ. */
import type { Overrides } from '../../scenario/compare';
import { parseOverrides } from '../../scenario/compare';
import type { ComparableKey, Scenario } from '../../scenario/schema';
import { FIELDS } from '../../scenario/schema';
import { CHOICE_LABELS } from '../controls/labels';

/** A setting's value as the controls show it (choice labels, plain numbers). */
export function valueLabel(key: ComparableKey, value: unknown): string {
  const labels = (CHOICE_LABELS as Partial<Record<string, Record<string, string>>>)[key];
  return labels?.[String(value)] ?? String(value);
}

function describe(scenario: Scenario, keys: ComparableKey[], values: Overrides): string {
  if (keys.length === 0) return 'same settings';
  return keys
    .map((key) => `${FIELDS[key].label} ${valueLabel(key, values[key] ?? scenario[key])}`)
    .join(', ');
}

/** Labels of run A (the scenario) and run B (with the overrides), e.g. "A: penalty Least action". */
export function compareLabels(scenario: Scenario): { a: string; b: string } {
  const overrides = parseOverrides(scenario.vs);
  const keys = Object.keys(overrides) as ComparableKey[];
  return { a: `A: ${describe(scenario, keys, {})}`, b: `B: ${describe(scenario, keys, overrides)}` };
}
