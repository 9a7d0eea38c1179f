/**
 * The fused step's binary contract, in one place: the codes of its integer attributes, the slots of
 * the step record it writes, the arrays of the CPU module's IO block, and where each weight tensor
 * starts in the flat parameters theta. Everything else reads it or is generated from it:
 *   - TypeScript (trainingStep.ts, kernel.ts, cpuStep.ts) imports it;
 *   - the AssemblyScript step imports contract.as.ts, which `npm run build:kernel` writes from it
 *     (src/cli/kernelBuild.ts; a test checks the written file and the embedded WebAssembly are
 *     current);
 *   - every WGSL program starts with CONTRACT_CODE, and those that read the weights with the offset
 *     functions of modelCode() (webgpuShared.ts), both generated from it as text.
 * The record follows src/core/snapshot.ts's HISTORY_FIELDS (a record is a history row) and the
 * parameter layout follows src/core/weights.ts, so those stay the sources of the app's formats.
 */
import { HISTORY_FIELDS } from '../../core/snapshot';
import type { HistoryField } from '../../core/snapshot';
import type { Activation, OptimizerKind, PenaltyMode } from '../../core/types';
import type { WeightName } from '../../core/weights';
import { WEIGHT_NAMES, weightCount, weightOffsets } from '../../core/weights';

/** Activation codes of the `activation` attribute. */
export const ACTIVATION_CODES = { tanh: 0, relu: 1, gelu: 2 } as const satisfies Record<Activation, number>;

/** Penalty codes of the `penalty` attribute: off, fixed weight, least action. */
export const PENALTY_CODES = { off: 0, fixed: 1, lap: 2 } as const satisfies Record<PenaltyMode, number>;

/** Optimiser codes of the `optimizer` attribute: Adam, SGD with momentum. */
export const OPTIMIZER_CODES = { adam: 0, sgd: 1 } as const satisfies Record<OptimizerKind, number>;

/** Where each value of the step record [CE, C, lambda used, weight used, loss] lives. */
export const RECORD_SLOTS = Object.fromEntries(HISTORY_FIELDS.map((field, slot) => [field, slot])) as Record<
  HistoryField,
  number
>;

/** Number of values in the step record. */
export const RECORD_LENGTH = HISTORY_FIELDS.length;

/** The step record's values in slot order (what a step returns). */
export function recordInSlotOrder<T>(values: Record<HistoryField, T>): T[] {
  return HISTORY_FIELDS.map((field) => values[field]);
}

/**
 * The float32 arrays of the CPU module's IO block, by index (its `ioPointer(index)`): the inputs
 * theta and moments [P], points [N][2], one-hot labels [N][C], then the outputs theta, moments and
 * the step record.
 */
export const IO_ARRAYS = {
  theta: 0,
  first: 1,
  second: 2,
  points: 3,
  oneHot: 4,
  outTheta: 5,
  outFirst: 6,
  outSecond: 7,
  record: 8,
} as const;

/**
 * Where a weight tensor starts in theta, as a multiple of the model's sizes:
 * offset = hiddenUnits K W + blocks K + classes C.
 */
export interface OffsetTerms {
  hiddenUnits: number;
  blocks: number;
  classes: number;
}

/** A weight tensor of theta, or `size`: the number of parameters (where a next tensor would start). */
export type ThetaPart = WeightName | 'size';

/** The parts of theta in layout order. */
export const THETA_PARTS: readonly ThetaPart[] = [...WEIGHT_NAMES, 'size'];

/** Where every part starts in a model of these sizes, by src/core/weights.ts. */
function startsAt(blocks: number, width: number, classes: number): Record<ThetaPart, number> {
  const model = { blocks, width, classes, activation: 'tanh', stepSize: 1, head: 'learned' } as const;
  return { ...weightOffsets(model), size: weightCount(model) };
}

/**
 * The layout of theta as offset terms, read off src/core/weights.ts at unit sizes (the offsets are
 * linear in K W, K and C; checked at a generic model, so a layout that is not fails here at once).
 */
function thetaLayout(): Record<ThetaPart, OffsetTerms> {
  const base = startsAt(1, 1, 0);
  const wider = startsAt(1, 2, 0);
  const moreClasses = startsAt(1, 1, 1);
  const generic = startsAt(3, 5, 4);
  const layout = {} as Record<ThetaPart, OffsetTerms>;
  for (const part of THETA_PARTS) {
    const hiddenUnits = wider[part] - base[part];
    const terms = { hiddenUnits, blocks: base[part] - hiddenUnits, classes: moreClasses[part] - base[part] };
    if (terms.hiddenUnits * 15 + terms.blocks * 3 + terms.classes * 4 !== generic[part]) {
      throw new Error(`The fused kernels need offsets linear in K W, K and C; ${part} is not.`);
    }
    layout[part] = terms;
  }
  return layout;
}

/** Where each part of theta starts, as offset terms (see OffsetTerms). */
export const THETA_LAYOUT: Readonly<Record<ThetaPart, OffsetTerms>> = thetaLayout();

/** Where a part of theta starts in a model with K blocks, width W and C classes. */
export function thetaOffset(
  part: ThetaPart,
  model: { blocks: number; width: number; classes: number },
): number {
  const t = THETA_LAYOUT[part];
  return t.hiddenUnits * model.blocks * model.width + t.blocks * model.blocks + t.classes * model.classes;
}

/**
 * The offset of a part as an expression in another language, from the expressions of K, W and C
 * (e.g. `5 * K * W + 2 * K`; `0` for the first part).
 */
export function offsetExpression(
  part: ThetaPart,
  sizes: { blocks: string; width: string; classes: string },
): string {
  const t = THETA_LAYOUT[part];
  const terms = [
    [t.hiddenUnits, `${sizes.blocks} * ${sizes.width}`],
    [t.blocks, sizes.blocks],
    [t.classes, sizes.classes],
  ] as const;
  const text = terms
    .filter(([factor]) => factor !== 0)
    .map(([factor, size]) => (factor === 1 ? size : `${factor} * ${size}`))
    .join(' + ');
  return text || '0';
}

/**
 * Every integer constant of the contract under its name in the kernels' source (ACTIVATION_TANH,
 * PENALTY_LAP, OPTIMIZER_SGD, RECORD_CROSS_ENTROPY, RECORD_LENGTH, IO_OUT_THETA, ...), in a fixed order.
 */
export function contractConstants(): [string, number][] {
  const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  const group = (prefix: string, codes: Record<string, number>) =>
    Object.entries(codes).map(([key, value]): [string, number] => [`${prefix}_${snake(key)}`, value]);
  return [
    ...group('ACTIVATION', ACTIVATION_CODES),
    ...group('PENALTY', PENALTY_CODES),
    ...group('OPTIMIZER', OPTIMIZER_CODES),
    ...group('RECORD', RECORD_SLOTS),
    ['RECORD_LENGTH', RECORD_LENGTH],
    ...group('IO', IO_ARRAYS),
  ];
}

/** The name of a part's offset function in the kernels' source: offsetW1, offsetHeadb, thetaSize. */
export function offsetFunctionName(part: ThetaPart): string {
  return part === 'size' ? 'thetaSize' : `offset${part[0].toUpperCase()}${part.slice(1)}`;
}
