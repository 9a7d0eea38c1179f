/**
 * Axes for the transport view: a square region of the plane, chosen from the data and kept still while
 * the data stay in it, so that motion on screen is displacement in the plane. It grows at once when
 * the flow carries points out, and eases back in when the data have shrunk well inside it
 * (followData).
 */

/** A square region of the plane: centre and half side, in data units. */
export interface PlaneRegion {
  cx: number;
  cy: number;
  half: number;
}

/** Margin around the data, as a share of its larger extent, leaving room for the flow to move. */
export const VIEW_MARGIN = 0.35;

/**
 * The square that holds every point of `points` ([n][2] flat) with VIEW_MARGIN to spare.
 * Non-finite coordinates are ignored; an empty set gives the square [-1.5, 1.5]^2.
 */
export function fitRegion(...pointSets: Float32Array[]): PlaneRegion {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const points of pointSets) {
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = points[i];
      const y = points[i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (minX > maxX) return { cx: 0, cy: 0, half: 1.5 };
  const extent = Math.max(maxX - minX, maxY - minY, 1e-3);
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: (extent / 2) * (1 + 2 * VIEW_MARGIN) };
}

/** How far outside the region a point may be (as a share of the half side) before the region grows. */
export const GROW_TOLERANCE = 0.02;

/**
 * The region, grown if needed to hold the given points: unchanged (the same object) when every
 * finite point lies inside it, so the axes stay put unless the flow carries points off screen.
 */
export function growRegion(region: PlaneRegion, points: Float32Array): PlaneRegion {
  const slack = region.half * (1 + GROW_TOLERANCE);
  let outside = false;
  for (let i = 0; i + 1 < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (
      Number.isFinite(x) &&
      Number.isFinite(y) &&
      (Math.abs(x - region.cx) > slack || Math.abs(y - region.cy) > slack)
    ) {
      outside = true;
      break;
    }
  }
  if (!outside) return region;
  const corners = Float32Array.of(
    region.cx - region.half,
    region.cy - region.half,
    region.cx + region.half,
    region.cy + region.half,
  );
  const fitted = fitRegion(corners, points);
  // fitRegion adds a margin around everything; the old region already had one, so keep it tight.
  return { ...fitted, half: Math.max(region.half, fitted.half / (1 + 2 * VIEW_MARGIN)) * 1.1 };
}

/** The fitted region must be below this share of the current half side before the axes shrink. */
export const SHRINK_BELOW = 0.6;
/** How long the axes take to ease in to the data, in milliseconds. */
export const EASE_MS = 1000;

/** Axes that follow the data: the region now, and the easing in progress (null: at rest). */
export interface FollowedRegion {
  region: PlaneRegion;
  ease: { from: PlaneRegion; to: PlaneRegion; start: number } | null;
}

/** The square between `a` (p = 0) and `b` (p = 1); it holds every point that both hold. */
function between(a: PlaneRegion, b: PlaneRegion, p: number): PlaneRegion {
  return { cx: a.cx + (b.cx - a.cx) * p, cy: a.cy + (b.cy - a.cy) * p, half: a.half + (b.half - a.half) * p };
}

/**
 * The axes at time `now` (milliseconds) for the data `points` ([n][2] flat): grown at once when a
 * point is outside; eased over EASE_MS (smoothstep) to the fitted square when that square's half side
 * is below SHRINK_BELOW of the current one. The fitted square always holds `home`, the square fitted
 * to the inputs (what the run started with), so the axes never close in further than at the start. The band between the two (the data fill from 0.6 to 1.7
 * times what the fit leaves them) is hysteresis: a region fitted once stays put until the data move
 * a lot, so the axes do not pump. Returns `state` itself when nothing changed.
 */
export function followData(
  state: FollowedRegion,
  points: Float32Array,
  now: number,
  home: PlaneRegion,
): FollowedRegion {
  let { region, ease } = state;
  if (ease) {
    const p = Math.min(1, Math.max(0, (now - ease.start) / EASE_MS));
    region = p >= 1 ? ease.to : between(ease.from, ease.to, p * p * (3 - 2 * p));
    if (p >= 1) ease = null;
  }
  const grown = growRegion(region, points);
  if (grown !== region) return { region: grown, ease: null };
  // Without a finite point (a diverged run) there is nothing to follow.
  if (!points.some(Number.isFinite))
    return region === state.region && ease === state.ease ? state : { region, ease };
  // home's corners without its margin: fitting them gives home back.
  const inner = home.half / (1 + 2 * VIEW_MARGIN);
  const corners = Float32Array.of(home.cx - inner, home.cy - inner, home.cx + inner, home.cy + inner);
  const fit = fitRegion(points, corners);
  const target = ease?.to ?? region;
  // A new ease starts when the data shrank well inside the region, or shrank on during an ease.
  const shrink = ease ? fit.half < 0.9 * target.half : fit.half < SHRINK_BELOW * region.half;
  if (shrink) ease = { from: region, to: fit, start: now };
  if (region === state.region && ease === state.ease) return state;
  return { region, ease };
}

/** The region zoomed by `factor` (> 1 zooms in) keeping the plane point (ax, ay) where it is on screen. */
export function zoomRegion(region: PlaneRegion, factor: number, ax: number, ay: number): PlaneRegion {
  return {
    cx: ax + (region.cx - ax) / factor,
    cy: ay + (region.cy - ay) / factor,
    half: region.half / factor,
  };
}

/** The region moved by (dx, dy) plane units. */
export function panRegion(region: PlaneRegion, dx: number, dy: number): PlaneRegion {
  return { cx: region.cx + dx, cy: region.cy + dy, half: region.half };
}

/** Maps plane coordinates to pixels of a square canvas of `size` pixels (y up on screen). */
export interface PixelMap {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export function pixelMap(region: PlaneRegion, width: number, height: number): PixelMap {
  const size = Math.min(width, height);
  const scale = size / (2 * region.half);
  return { scale, offsetX: width / 2 - region.cx * scale, offsetY: height / 2 + region.cy * scale };
}
