/**
 * Colours. Classes use the Okabe-Ito palette, distinguishable with the common colour-vision
 * deficiencies and on projectors.
 */
export const CLASS_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

/** The colour of class c (cycling if there are more classes than colours). */
export function classColor(c: number): string {
  return CLASS_COLORS[c % CLASS_COLORS.length];
}
