import { beforeAll, describe, expect, it } from 'vitest';
import { fieldsLayout, fieldsViews, regionCellCenters, warpGridPoints } from '../core/fieldGrids';
import { useCpuBackend } from './testing/cpuBackend';
import { testModel, testRun } from './testing/fixtures';
import { oracleForward, toFloat64 } from './testing/oracle';
import { Trainer } from './trainer';
import { fixedHead, initialWeights } from '../core/weights';

beforeAll(useCpuBackend);

const region = { cx: 0.2, cy: -0.1, half: 1.5 };
const request = { region, depth: 0, resolution: 6, gridLines: 4, gridSamples: 5, arrows: 3 };

/** A network whose every block is the translation x -> x + h (0.3, -0.2). */
function translationTrainer(stepSize: number): Trainer {
  const model = { ...testModel('tanh', stepSize, 'fixed'), blocks: 3 };
  const trainer = new Trainer({ ...testRun({}, model) });
  const weights = initialWeights(model, 1);
  weights.W2.fill(0);
  for (let k = 0; k < 3; k++) weights.b2.set([0.3, -0.2], 2 * k);
  trainer.setWeights({ ...weights, ...fixedHead(2) });
  return trainer;
}

describe('view fields on a network whose blocks are exact translations', () => {
  it('warps the grid by k h (0.3, -0.2) at depth k and draws the same arrow everywhere', async () => {
    const h = 0.5;
    const trainer = translationTrainer(h);
    const data = await trainer.fields(request);
    const views = fieldsViews(data, fieldsLayout(request, 3));
    const grid = warpGridPoints(region, 4, 5);
    const P = grid.length / 2;
    for (let k = 0; k <= 3; k++) {
      for (let p = 0; p < P; p++) {
        expect(views.grid[(k * P + p) * 2]).toBeCloseTo(grid[2 * p] + k * h * 0.3, 5);
        expect(views.grid[(k * P + p) * 2 + 1]).toBeCloseTo(grid[2 * p + 1] - k * h * 0.2, 5);
      }
    }
    for (let i = 0; i < views.arrows.length; i += 2) {
      expect(views.arrows[i]).toBeCloseTo(h * 0.3, 6);
      expect(views.arrows[i + 1]).toBeCloseTo(h * -0.2, 6);
    }
    trainer.dispose();
  });

  it('predicts at depth k with the remaining blocks: the fixed head line moves back by the rest of the flow', async () => {
    const h = 1;
    const trainer = translationTrainer(h);
    const cells = regionCellCenters(region, 6);
    for (const depth of [0, 2, 3]) {
      const views = fieldsViews(await trainer.fields({ ...request, depth }), fieldsLayout(request, 3));
      for (let c = 0; c < cells.length / 2; c++) {
        // logits = (x1 + x2 + 2, 0) after (3 - depth) translations by (0.3, -0.2).
        const remaining = 3 - depth;
        const z = cells[2 * c] + cells[2 * c + 1] + remaining * (0.3 - 0.2) + 2;
        const p0 = 1 / (1 + Math.exp(-z));
        expect(views.regions[2 * c]).toBe(z > 0 ? 0 : 1);
        expect(views.regions[2 * c + 1]).toBeCloseTo(Math.max(p0, 1 - p0), 5);
      }
    }
    trainer.dispose();
  });

  it('agree with the float64 reference on a trained network', async () => {
    const trainer = new Trainer(testRun());
    for (let i = 0; i < 30; i++) trainer.step();
    const views = fieldsViews(await trainer.fields(request), fieldsLayout(request, trainer.model.blocks));
    const grid = warpGridPoints(region, 4, 5);
    const reference = oracleForward(
      trainer.model,
      toFloat64(await trainer.weights()),
      grid,
      new Array(grid.length / 2).fill(0),
    );
    views.grid.forEach((v, i) => expect(v).toBeCloseTo(reference.positions[i], 4));
    trainer.dispose();
  });
});
