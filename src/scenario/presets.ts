/**
 * The preset gallery: scenarios that each tell one of the stories of shared/spec/science.md section 5.
 * Each preset is a data file (presets/*.json): an id, a title, the claim it shows, a two-sentence
 * caption and a share link. The end-to-end tests open every one of them.
 */
import adaptsEasy from './presets/adapts-easy.json' with { type: 'json' };
import adaptsHard from './presets/adapts-hard.json' with { type: 'json' };
import circlesContinuous from './presets/circles-continuous.json' with { type: 'json' };
import circlesJump from './presets/circles-jump.json' with { type: 'json' };
import displacementBias from './presets/displacement-bias.json' with { type: 'json' };
import moreBlocks from './presets/more-blocks.json' with { type: 'json' };
import strongerPenalty from './presets/stronger-penalty.json' with { type: 'json' };
import tooMuchPenalty from './presets/too-much-penalty.json' with { type: 'json' };
import transportMap from './presets/transport-map.json' with { type: 'json' };

export interface Preset {
  id: string;
  title: string;
  /** The claim of science.md section 5 it lets a user see. */
  story: string;
  /** Two sentences for the gallery and the canvas caption. */
  caption: string;
  /** The scenario as link parameters. */
  link: string;
}

export const PRESETS: readonly Preset[] = [
  transportMap,
  displacementBias,
  strongerPenalty,
  tooMuchPenalty,
  adaptsHard,
  adaptsEasy,
  circlesContinuous,
  circlesJump,
  moreBlocks,
];
