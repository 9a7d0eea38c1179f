/** Names of the transport view's layers on screen. */
import type { ViewLayer } from '../../scenario/schema';

export const LAYER_LABELS: Readonly<Record<ViewLayer, string>> = {
  train: 'Training points',
  test: 'Test points',
  trails: 'Trails',
  regions: 'Decision regions',
  grid: 'Warped grid',
  field: 'Velocity arrows',
  ot: 'Optimal pairing',
  pairs: 'Network pairing',
};
