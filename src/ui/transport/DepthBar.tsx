/**
 * The depth scrubber and the flow animation: play backward or forward, what happens at the ends, and
 * the speed. The slider is driven from the frame loop (it moves at frame rate while the flow plays),
 * so React never re-renders for it.
 */
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { shownBlocks } from '../../state/selectors';
import { ChoiceField, SliderField } from '../controls/fields';
import { useAppState, useScenarioFields, useServices } from '../services';

export function DepthBar() {
  const { depth, loop } = useServices();
  const scenario = useScenarioFields('speed');
  const blocks = useAppState(shownBlocks);
  const sliderRef = useRef<HTMLInputElement>(null);
  const outputRef = useRef<HTMLOutputElement>(null);
  const id = useId();
  const direction = useSyncExternalStore(depth.subscribe, depth.direction);

  useEffect(() => {
    const slider = sliderRef.current!;
    const output = outputRef.current!;
    let shown = NaN;
    const remove = loop.add(() => {
      const t = Math.min(depth.depth(), Number(slider.max));
      if (t === shown) return;
      shown = t;
      slider.value = String(t);
      output.textContent = t.toFixed(2);
    });
    const onInput = () => depth.set(Number(slider.value));
    slider.addEventListener('input', onInput);
    return () => {
      remove();
      slider.removeEventListener('input', onInput);
    };
  }, [depth, loop]);

  const play = (dir: 1 | -1) => {
    if (direction === dir) {
      depth.stop();
      return;
    }
    const t = depth.depth();
    if (dir === 1 && t >= blocks) depth.set(0);
    if (dir === -1 && t <= 0) depth.set(blocks);
    depth.play(dir);
  };

  return (
    <div className="depth-bar" data-tour="depth-bar">
      <div className="depth-row">
        <button
          type="button"
          className="icon"
          aria-pressed={direction === -1}
          aria-label={direction === -1 ? 'Stop the flow' : 'Play the flow backward'}
          onClick={() => play(-1)}
        >
          <span aria-hidden="true">{direction === -1 ? '❚❚' : '◀'}</span>
        </button>
        <button
          type="button"
          className="icon"
          aria-pressed={direction === 1}
          aria-label={direction === 1 ? 'Stop the flow' : 'Play the flow forward'}
          onClick={() => play(1)}
        >
          <span aria-hidden="true">{direction === 1 ? '❚❚' : '▶'}</span>
        </button>
        <label htmlFor={id} className="depth-label">
          depth t = <output ref={outputRef} htmlFor={id} data-testid="depth" /> / {blocks}
        </label>
      </div>
      <div className="depth-slider">
        <span aria-hidden="true">input</span>
        <input
          ref={sliderRef}
          id={id}
          type="range"
          min={0}
          max={blocks}
          step={0.01}
          defaultValue={Math.min(depth.depth(), blocks)}
          aria-label="depth t"
        />
        <span aria-hidden="true">output</span>
      </div>
      <details className="flow-settings">
        <summary>Flow animation</summary>
        <div className="layer-settings-grid">
          <ChoiceField name="flow" />
          <SliderField name="speed" display={`${scenario.speed} blocks/s`} />
        </div>
      </details>
    </div>
  );
}
