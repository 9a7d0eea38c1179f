import { describe, expect, it } from 'vitest';
import { measureTransportSubsampled, MAX_ASSIGNMENT_POINTS } from '../core/measures';
import { DIVERGING_BINS, SEQUENTIAL_STOPS } from '../core/palette';
import { flowOf, randomFlow } from '../core/testing/flows';
import type { Frame } from './frameSource';
import type { ThemeColors } from './layers/drawContext';
import { createTrailColors, mongeGapGroups, NEUTRAL } from './layers/trailColors';

const THEME: ThemeColors = {
  background: '#ffffff',
  grid: '#eeeeee',
  axis: '#cccccc',
  warp: '#333333',
  arrow: '#222222',
  optimal: '#d55e00',
  own: '#777777',
  gapNegative: '#000000',
  gapZero: '#808080',
  gapPositive: '#ffffff',
};

/** A frame of a flow (the fields of a frame that trails read). */
function frameOf(flow: { positions: Float32Array; blocks: number; points: number }): Frame {
  return {
    run: {
      runId: 1,
      resumedAt: 0,
      blocks: flow.blocks,
      stepSize: 1,
      classes: 2,
      trainLabels: Uint8Array.from({ length: flow.points }, (_, i) => i % 2),
      testLabels: new Uint8Array(0),
    },
    step: 0,
    layout: { blocks: flow.blocks, trainPoints: flow.points, testPoints: 0, historyRows: 0 },
    views: {
      trainPositions: flow.positions,
      testPositions: new Float32Array(0),
      metrics: new Float32Array(0),
      blockEnergies: new Float32Array(0),
      history: new Float32Array(0),
    },
    region: { cx: 0, cy: 0, half: 2 },
    fields: null,
  };
}

describe('trail colours', () => {
  it('colour a measured particle by the sign of its Monge gap, 0 in the middle', () => {
    // The swap of A = (0,0) -> (0.5,0) and B = (3,0) -> (-1,0): g_A < 0, g_B > 0; C stays put (g = 0).
    const flow = flowOf(
      [
        [
          [0, 0],
          [3, 0],
          [9, 9],
        ],
        [
          [0.5, 0],
          [-1, 0],
          [9, 9],
        ],
      ],
      1,
    );
    const m = measureTransportSubsampled(flow, 1);
    const groups = mongeGapGroups(3, m);
    const middle = DIVERGING_BINS >> 1;
    expect(groups[0]).toBeLessThan(middle);
    expect(groups[1]).toBe(DIVERGING_BINS - 1);
    expect(groups[2]).toBe(middle);
    // Measures of another run's points (or none yet) colour nothing.
    expect([...mongeGapGroups(2, m)]).toEqual([NEUTRAL, NEUTRAL]);
    expect([...mongeGapGroups(3, null)]).toEqual([NEUTRAL, NEUTRAL, NEUTRAL]);
  });

  it('leave the particles outside the measured subsample neutral', () => {
    const flow = randomFlow(3, 2, MAX_ASSIGNMENT_POINTS + 40, 0.5);
    const m = measureTransportSubsampled(flow, 5);
    const groups = mongeGapGroups(flow.points, m);
    const measured = new Set(m.indices);
    for (let i = 0; i < flow.points; i++) {
      if (measured.has(i)) expect(groups[i]).toBeGreaterThanOrEqual(0);
      else expect(groups[i]).toBe(NEUTRAL);
    }
    expect(groups.filter((g) => g === NEUTRAL)).toHaveLength(40);
  });

  it('give each colouring its groups and colours, recomputed when their inputs change', () => {
    const flow = randomFlow(4, 3, 12, 1);
    const frame = frameOf(flow);
    const colors = createTrailColors();
    const byClass = colors.groups('class', frame, 1, null, THEME);
    expect(byClass.groupOf).toBe(frame.run.trainLabels);
    expect(byClass.colors).toHaveLength(2);
    const straight = colors.groups('straightness', frame, 1, null, THEME);
    expect(straight.colors).toBe(SEQUENTIAL_STOPS);
    expect(Array.from(straight.groupOf).every((g) => g >= 0 && g < SEQUENTIAL_STOPS.length)).toBe(true);
    expect(
      Array.from(colors.groups('monge', frame, 1, null, THEME).groupOf).every((g) => g === NEUTRAL),
    ).toBe(true);
    const m = measureTransportSubsampled(flow, 1);
    const gaps = colors.groups('monge', frame, 1, m, THEME);
    expect(Array.from(gaps.groupOf)).toEqual([...mongeGapGroups(12, m)]);
    expect(gaps.colors[0]).toBe('#000000');
    expect(gaps.colors[DIVERGING_BINS >> 1]).toBe('#808080');
    const dark = { ...THEME, gapPositive: '#ff0000' };
    expect(colors.groups('monge', frame, 2, m, dark).colors.at(-1)).toBe('#ff0000');
  });
});
