import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandomStream } from '../../core/random';
import { HISTORY_FIELDS } from '../../core/snapshot';
import type { ModelConfig } from '../../core/types';
import { WEIGHT_NAMES, weightCount, weightOffsets } from '../../core/weights';
import type { ThetaPart } from './contract';
import {
  ACTIVATION_CODES,
  contractConstants,
  offsetExpression,
  offsetFunctionName,
  OPTIMIZER_CODES,
  PENALTY_CODES,
  RECORD_LENGTH,
  RECORD_SLOTS,
  recordInSlotOrder,
  THETA_PARTS,
  thetaOffset,
} from './contract';
import type { FusedStepConfig } from './stepConfig';
import {
  adjointProgram,
  clipProgram,
  forwardProgram,
  gradientProgram,
  statsProgram,
  updateProgram,
} from './webgpuPrograms';
import { CONTRACT_CODE } from './webgpuShared';

const source = (name: string) => readFileSync(`src/engine/fused/${name}`, 'utf8');

/** Evaluates an offset expression of the form `a * K * W + b * K + c * C` (or `0`). */
function evaluate(expression: string, sizes: Record<string, number>): number {
  return expression
    .split(' + ')
    .map((term) => term.split(' * ').reduce((product, f) => product * (sizes[f] ?? Number(f)), 1))
    .reduce((a, b) => a + b, 0);
}

function randomModel(seed: number): ModelConfig {
  const r = createRandomStream(seed, 'contract/model');
  return {
    blocks: 1 + r.int(40),
    width: 1 + r.int(70),
    classes: 2 + r.int(7),
    activation: 'tanh',
    stepSize: 1,
    head: 'learned',
  };
}

const CONFIG: FusedStepConfig = {
  blocks: 3,
  width: 5,
  classes: 2,
  stepSize: 1,
  activation: ACTIVATION_CODES.gelu,
  headTrainable: true,
  penalty: PENALTY_CODES.lap,
  weight: 0.1,
  tau: 1,
  updateMultiplier: true,
  optimizer: OPTIMIZER_CODES.sgd,
  learningRate: 0.1,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  momentum: 0.9,
  gradientClip: 1,
  beta1Power: 0.9,
  beta2Power: 0.999,
};

/** Every WGSL program of the step, by name. */
function wgslPrograms(): [string, string][] {
  const calls = {
    forward: forwardProgram(CONFIG, 10),
    stats: statsProgram(CONFIG, 10),
    adjoint: adjointProgram(CONFIG, 10),
    gradient: gradientProgram(CONFIG, 10, 100),
    clip: clipProgram(CONFIG, 100),
    updateTheta: updateProgram(CONFIG, 100, 'theta'),
    updateFirst: updateProgram(CONFIG, 100, 'first'),
    updateSecond: updateProgram(CONFIG, 100, 'second'),
  };
  return Object.entries(calls).map(([name, [program]]) => [name, program.getUserCode()]);
}

describe("the fused kernels' contract", () => {
  it("lays theta out as src/core/weights.ts does, in every language's offset expression", () => {
    for (let seed = 0; seed < 50; seed++) {
      const model = randomModel(seed);
      const offsets = { ...weightOffsets(model), size: weightCount(model) };
      for (const part of THETA_PARTS) {
        expect(thetaOffset(part, model), `${part} of ${JSON.stringify(model)}`).toBe(offsets[part]);
        const expression = offsetExpression(part, { blocks: 'K', width: 'W', classes: 'C' });
        expect(evaluate(expression, { K: model.blocks, W: model.width, C: model.classes })).toBe(
          offsets[part],
        );
      }
    }
    expect(THETA_PARTS).toEqual([...WEIGHT_NAMES, 'size']);
  });

  it('keeps the step record in the order of the history rows', () => {
    expect(RECORD_LENGTH).toBe(HISTORY_FIELDS.length);
    HISTORY_FIELDS.forEach((field, slot) => expect(RECORD_SLOTS[field]).toBe(slot));
    expect(
      recordInSlotOrder({
        crossEntropy: 'ce',
        kineticCost: 'C',
        lambda: 'lambda',
        weight: 'a',
        loss: 'loss',
      }),
    ).toEqual(['ce', 'C', 'lambda', 'a', 'loss']);
  });

  it('gives distinct codes within each attribute, and distinct names to every constant', () => {
    for (const codes of [ACTIVATION_CODES, PENALTY_CODES, OPTIMIZER_CODES]) {
      const values = Object.values(codes);
      expect(new Set(values).size).toBe(values.length);
    }
    const names = contractConstants().map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('PENALTY_LAP');
    expect(names).toContain('RECORD_WEIGHT');
    expect(names).toContain('IO_OUT_THETA');
  });

  it('is what the AssemblyScript step imports (contract.as.ts: every constant and offset)', () => {
    const text = source('contract.as.ts');
    const declared = [...text.matchAll(/^export const (\w+): i32 = (\d+);$/gm)].map(([, name, value]) => [
      name,
      Number(value),
    ]);
    expect(declared).toEqual(contractConstants());
    for (const part of THETA_PARTS as ThetaPart[]) {
      const expression = offsetExpression(part, { blocks: 'K', width: 'W', classes: 'C' });
      expect(text).toContain(
        `export function ${offsetFunctionName(part)}(K: i32, W: i32, C: i32): i32 {\n  return ${expression};\n}`,
      );
    }
    expect(source('cpuStep.as.ts')).toContain("from './contract.as';");
  });

  it('leaves no code, record slot or offset as a bare number in the AssemblyScript step', () => {
    const step = source('cpuStep.as.ts');
    expect(step).not.toMatch(/\b(penalty|optimizer|activation) == \d/);
    expect(step).not.toMatch(/setF32\(outRecord, \d/);
    expect(step).not.toMatch(/case \d+:/);
    expect(step).not.toMatch(/const o\w+ = (?!offset\w+\(K, W, C\);)/);
  });

  it('starts every WGSL program with the contract and leaves no code or record slot bare', () => {
    for (const [name, value] of contractConstants())
      expect(CONTRACT_CODE).toContain(`const ${name} : i32 = ${value};`);
    for (const [name, code] of wgslPrograms()) {
      expect(code, name).toContain(CONTRACT_CODE);
      expect(code, name).not.toMatch(/uniforms\.(penalty|optimizer) == \d/);
      expect(code, name).not.toMatch(/stats\[\d/);
    }
    const stats = wgslPrograms().find(([name]) => name === 'stats')![1];
    expect(stats).not.toMatch(/result\[\d/);
    const forward = wgslPrograms().find(([name]) => name === 'forward')![1];
    for (const part of THETA_PARTS) {
      const expression = offsetExpression(part, {
        blocks: 'uniforms.blocks',
        width: 'uniforms.width',
        classes: 'uniforms.classes',
      });
      expect(forward).toContain(`fn ${offsetFunctionName(part)}() -> i32 { return ${expression}; }`);
    }
  });
});
