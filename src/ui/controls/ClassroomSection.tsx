/**
 * Classroom settings: presentation mode, the parts of the page to hide, locking the settings, a
 * caption on the canvas, and starting to train as soon as the link is opened. All travel in the link.
 */
import { ChoiceField, FlagsField, TextField } from './fields';

export const PART_LABELS: Record<string, string> = {
  data: 'Data settings',
  network: 'Network settings',
  penalty: 'Penalty settings',
  optimizer: 'Optimiser settings',
  layers: 'Layer toggles',
  depth: 'Depth bar',
  metrics: 'Read-outs',
  charts: 'Charts',
};

export function ClassroomSection() {
  return (
    <section className="panel-section" aria-labelledby="classroom-heading">
      <h2 id="classroom-heading">Classroom</h2>
      <ChoiceField name="class" />
      <ChoiceField name="play" />
      <TextField name="caption" placeholder="Shown on the canvas" />
      <FlagsField name="hide" labels={PART_LABELS} />
      <ChoiceField name="lock" />
      <p className="field-hint">
        Share the link to give students this exact page. Locked settings can be seen but not changed (remove
        lock=on from the address to unlock).
      </p>
    </section>
  );
}
