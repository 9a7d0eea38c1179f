/**
 * The settings: data, network, penalty, optimiser and classroom, every control driven by the field
 * table. On a desktop or a classroom's screen they are one column; on phones and tablets they are
 * tabs, one part shown at a time (the others stay mounted, so nothing opened in them is lost).
 * Sections a teacher hid are left out; the classroom section disappears while locked.
 */
import type { ReactNode } from 'react';
import { useState } from 'react';
import { panelId, tabId, Tabs } from '../layout/Tabs';
import { useLayoutName } from '../layout/useLayout';
import { useScenarioFields } from '../services';
import { ClassroomSection } from './ClassroomSection';
import { ChoiceField, NumberInputField, SliderField } from './fields';
import { PenaltySection } from './PenaltySection';
import { SeedField } from './SeedField';

type Part = 'data' | 'network' | 'penalty' | 'optimizer' | 'classroom';

const TAB_LABELS: Record<Part, string> = {
  data: 'Data',
  network: 'Network',
  penalty: 'Penalty',
  optimizer: 'Training',
  classroom: 'Classroom',
};

const TABS_PREFIX = 'settings';

export function ControlPanel() {
  const scenario = useScenarioFields('hide', 'lock', 'data', 'opt', 'batch', 'n', 'class');
  const layout = useLayoutName();
  // A classroom's projector has the height for every part, and a lesson can point at any of them.
  const tabbed = layout !== 'desktop' && !(layout === 'side' && scenario.class === 'on');
  const [chosen, setChosen] = useState<Part>('data');
  const parts = (['data', 'network', 'penalty', 'optimizer', 'classroom'] as const).filter((p) =>
    p === 'classroom' ? scenario.lock !== 'on' : !scenario.hide.includes(p),
  );
  // A part hidden by the link cannot stay chosen: the first part shown is.
  const selected: Part = parts.includes(chosen) ? chosen : (parts[0] ?? 'data');
  const part = (id: Part, content: ReactNode) =>
    parts.includes(id) && (
      <div
        key={id}
        className="settings-part"
        // The part in use stays chosen, so that it is the tab shown when the layout becomes tabbed.
        onFocusCapture={() => setChosen(id)}
        {...(tabbed && {
          role: 'tabpanel',
          id: panelId(TABS_PREFIX, id),
          'aria-labelledby': tabId(TABS_PREFIX, id),
          hidden: id !== selected,
        })}
      >
        {content}
      </div>
    );
  return (
    <div className={tabbed ? 'control-panel tabbed' : 'control-panel'}>
      {scenario.lock === 'on' && <p className="locked-note">Settings are locked for this lesson.</p>}
      {tabbed && parts.length > 1 && (
        <Tabs<Part>
          label="Settings"
          prefix={TABS_PREFIX}
          tabs={parts.map((id) => ({ id, label: TAB_LABELS[id] }))}
          selected={selected}
          onSelect={setChosen}
        />
      )}
      {part(
        'data',
        <section className="panel-section" aria-labelledby="data-heading">
          <h2 id="data-heading">Data</h2>
          <ChoiceField name="data" variant="select" />
          {scenario.data === 'blobs' && <SliderField name="classes" />}
          {scenario.data !== 'custom' && <SliderField name="n" />}
          <SliderField name="noise" />
          <SeedField />
        </section>,
      )}
      {part(
        'network',
        <section className="panel-section" aria-labelledby="model-heading">
          <h2 id="model-heading">Network</h2>
          <SliderField name="K" />
          <SliderField name="width" />
          <ChoiceField name="act" />
          <ChoiceField name="h" />
          <ChoiceField name="head" />
        </section>,
      )}
      {part('penalty', <PenaltySection />)}
      {part(
        'optimizer',
        <section className="panel-section" aria-labelledby="optimiser-heading">
          <h2 id="optimiser-heading">Optimiser</h2>
          <ChoiceField name="opt" />
          <SliderField name="lr" />
          <NumberInputField
            name="warmup"
            hint="The rate grows from 0 to lr over these first steps (0: none)."
          />
          <NumberInputField
            name="decay"
            hint="After the warm-up the rate is lr × √(d / (d + t)) at t steps (0: no decay)."
          />
          <NumberInputField
            name="clip"
            hint="A step whose gradient is longer than this is scaled down to this length (0: off)."
          />
          {scenario.opt === 'sgd' && <SliderField name="momentum" />}
          {scenario.opt === 'adam' && (
            <details className="advanced">
              <summary>Adam's decay rates</summary>
              <SliderField name="beta1" />
              <SliderField name="beta2" />
              <SliderField name="eps" />
            </details>
          )}
          <SliderField
            name="batch"
            display={scenario.batch === 0 || scenario.batch >= scenario.n ? 'full' : String(scenario.batch)}
          />
          <ChoiceField name="pace" variant="select" />
          <NumberInputField name="steps" hint="0: never pause by itself." />
          <ChoiceField
            name="engine"
            hint="Fused computes each step in one kernel (CPU, WASM, WebGPU); reference composes it from tfjs ops and is used on WebGL. Both compute the same step."
          />
        </section>,
      )}
      {part('classroom', <ClassroomSection />)}
    </div>
  );
}
