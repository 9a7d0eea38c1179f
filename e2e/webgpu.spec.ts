import { expect, test } from '@playwright/test';
import { Lab } from './lab';

const SCENARIO = 'v=2&data=moons&n=64&ntest=100&K=3&width=8&penalty=fixed&weight=0.5';

async function threeSteps(lab: Lab): Promise<{ snapshots: number[]; losses: number[] }> {
  const snapshots: number[] = [];
  for (let i = 0; i < 3; i++) snapshots.push((await lab.step()).trainLoss);
  return { snapshots, losses: await lab.losses() };
}

test('WebGPU (software adapter) runs 3 fused steps whose losses match the CPU backend within 1e-3', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open(SCENARIO, 'cpu');
  expect(await lab.backend()).toBe('cpu');
  const cpu = await threeSteps(lab);

  await lab.open(SCENARIO, 'webgpu');
  expect(await lab.backend()).toBe('webgpu');
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU · fused');
  const gpu = await threeSteps(lab);

  expect(gpu.losses).toHaveLength(3);
  for (let i = 0; i < 3; i++) {
    expect(Math.abs(gpu.losses[i] - cpu.losses[i])).toBeLessThan(1e-3);
    expect(Math.abs(gpu.snapshots[i] - cpu.snapshots[i])).toBeLessThan(1e-3);
  }
  expect(cpu.losses[2]).not.toBe(cpu.losses[0]);
});
