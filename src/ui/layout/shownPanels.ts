/** Which side panels a scenario's classroom flags leave in the frame: the full page's rule (App.tsx). */
import type { Scenario } from '../../scenario/schema';

/** The scenario fields that shape the page. */
export type ClassroomFlags = Pick<Scenario, 'class' | 'hide' | 'lock'>;

const SETTINGS_PARTS = ['data', 'network', 'penalty', 'optimizer'] as const;

export function shownPanels(scenario: ClassroomFlags): { settings: boolean; metrics: boolean } {
  const hidden = new Set(scenario.hide);
  return {
    // Unlocked settings keep the classroom section even with every other part hidden.
    settings: SETTINGS_PARTS.some((p) => !hidden.has(p)) || scenario.lock !== 'on',
    metrics: !hidden.has('metrics') || !hidden.has('charts'),
  };
}

/** The page's classes: classroom type and the locked look. */
export function shellClasses(scenario: ClassroomFlags, ...more: string[]): string {
  return ['app', ...more, scenario.class === 'on' ? 'classroom' : '', scenario.lock === 'on' ? 'locked' : '']
    .filter(Boolean)
    .join(' ');
}
