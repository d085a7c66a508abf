// Places geographic points on the border map. The land and the boundary in border-geometry.json were projected by
// scripts/border-geometry.mjs with this same formula and these same parameters, so ports land where the coast is.
import geometry from './border-geometry.json' with { type: 'json' };

export interface MapPoint {
  x: number;
  y: number;
}

const { bounds, referenceLatitude, scale, viewBox } = geometry.projection;
const cosRef = Math.cos((referenceLatitude * Math.PI) / 180);

export const mapViewBox: { readonly width: number; readonly height: number } = viewBox;

/** viewBox units per kilometre on the ground (1° of latitude ≈ 111.2 km), for distances on the map. */
export const unitsPerKm = scale / 111.2;

/** Equirectangular with longitudes scaled by cos(reference latitude): x grows eastward, y southward. */
export function project(lon: number, lat: number): MapPoint {
  return { x: (lon - bounds.west) * cosRef * scale, y: (bounds.north - lat) * scale };
}

/**
 * Moves markers apart until no two overlap (centres at least the sum of their radii apart), so that crossings a few
 * hundred metres apart (San Ysidro, El Paso, Laredo, Brownsville) stay individually visible and clickable. Markers
 * already clear of the others do not move. Deterministic: the same input gives the same layout, render after render.
 */
export function spreadApart(markers: readonly (MapPoint & { id: string; radius: number })[]): Map<string, MapPoint> {
  const placed = [...markers]
    .sort((a, b) => a.x - b.x || a.id.localeCompare(b.id))
    .map(({ id, x, y, radius }) => ({ id, x, y, radius }));
  // Each pass pushes every overlapping pair apart by half the overlap each; clusters of a handful settle quickly.
  for (let pass = 0; pass < 200; pass++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const minDistance = a.radius + b.radius;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= minDistance - 1e-6) continue;
        if (distance < 1e-6) {
          // Identical coordinates: pick a direction from the pair's indexes (golden angle) so they fan out.
          const angle = (i + j) * 2.399963;
          [dx, dy, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (minDistance - distance) / 2 / distance;
        a.x -= dx * push;
        a.y -= dy * push;
        b.x += dx * push;
        b.y += dy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return new Map(placed.map(({ id, x, y }) => [id, { x, y }]));
}

/** The inverse of `project`: the longitude and latitude under a point of the map. */
export function unproject(point: MapPoint): { lat: number; lon: number } {
  return { lon: bounds.west + point.x / (cosRef * scale), lat: bounds.north - point.y / scale };
}

/**
 * A circle of `radiusKm` on the ground at latitude `lat`, in viewBox units. The projection stretches east–west
 * distances by cos(reference latitude) / cos(latitude), so a true-scale circle is drawn as a slightly wide ellipse.
 */
export function circleRadii(lat: number, radiusKm: number): { rx: number; ry: number } {
  const ry = radiusKm * unitsPerKm;
  return { rx: (ry * cosRef) / Math.cos((lat * Math.PI) / 180), ry };
}

/** What part of the map is shown: the zoom (1 = the whole border) and the centre, in viewBox units. */
export interface MapView {
  zoom: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 1;
/** At 128 the frame spans about 18 km (a CSS pixel ≈ 20 m): Ambos Nogales' ports, 300–2,500 m apart, stand apart. */
export const MAX_ZOOM = 128;

export const wholeMap: MapView = { zoom: 1, x: viewBox.width / 2, y: viewBox.height / 2 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Keeps the zoom within bounds and the shown part inside the map, so the user cannot lose the border off-screen. */
export function clampView(view: MapView): MapView {
  const zoom = clamp(Number.isFinite(view.zoom) ? view.zoom : MIN_ZOOM, MIN_ZOOM, MAX_ZOOM);
  const halfWidth = viewBox.width / zoom / 2;
  const halfHeight = viewBox.height / zoom / 2;
  return {
    zoom,
    x: clamp(view.x, halfWidth, viewBox.width - halfWidth),
    y: clamp(view.y, halfHeight, viewBox.height - halfHeight),
  };
}

/** The SVG viewBox that shows a view: the frame keeps the map's aspect ratio at every zoom. */
export function viewBoxOf(view: MapView): { x: number; y: number; width: number; height: number } {
  const width = viewBox.width / view.zoom;
  const height = viewBox.height / view.zoom;
  return { x: view.x - width / 2, y: view.y - height / 2, width, height };
}

/** Zooms by `factor` (2 = twice as close) keeping `anchor` (a map point, e.g. under the pointer) where it is on screen. */
export function zoomAround(view: MapView, factor: number, anchor: MapPoint = view): MapView {
  const zoom = clamp(view.zoom * factor, MIN_ZOOM, MAX_ZOOM);
  const shrink = view.zoom / zoom;
  return clampView({ zoom, x: anchor.x + (view.x - anchor.x) * shrink, y: anchor.y + (view.y - anchor.y) * shrink });
}

/** Moves the view by a fraction of its own width and height (0.25 = a quarter of the frame), e.g. for a pan button. */
export function panByFraction(view: MapView, fx: number, fy: number): MapView {
  const { width, height } = viewBoxOf(view);
  return clampView({ ...view, x: view.x + fx * width, y: view.y + fy * height });
}

/** The map point under a point of the frame given as fractions of its width and height (0,0 top left; 1,1 bottom right). */
export function pointAt(view: MapView, fx: number, fy: number): MapPoint {
  const box = viewBoxOf(view);
  return { x: box.x + fx * box.width, y: box.y + fy * box.height };
}

/** Where a map point is in the frame, as fractions of its width and height; outside 0–1 when it is out of view. */
export function framePosition(view: MapView, point: MapPoint): { fx: number; fy: number } {
  const box = viewBoxOf(view);
  return { fx: (point.x - box.x) / box.width, fy: (point.y - box.y) / box.height };
}

/** True when a point lies in the view, at least `margin` (a fraction of the frame) from its edges. */
export function isInView(view: MapView, point: MapPoint, margin = 0): boolean {
  const { fx, fy } = framePosition(view, point);
  return fx >= margin && fx <= 1 - margin && fy >= margin && fy <= 1 - margin;
}

/** Brings a point into view, moving the view as little as needed (and not at all when it is already shown). */
export function reveal(view: MapView, point: MapPoint, margin = 0.1): MapView {
  if (isInView(view, point, margin)) return view;
  const { fx, fy } = framePosition(view, point);
  const { width, height } = viewBoxOf(view);
  const shiftX = fx < margin ? (fx - margin) * width : fx > 1 - margin ? (fx - (1 - margin)) * width : 0;
  const shiftY = fy < margin ? (fy - margin) * height : fy > 1 - margin ? (fy - (1 - margin)) * height : 0;
  return clampView({ ...view, x: view.x + shiftX, y: view.y + shiftY });
}

/**
 * The closest view that shows every box (a map point with half-extents, e.g. a zone's ellipse) with `padding` (a
 * fraction of the frame) around them, zooming in no further than `maxZoom`. No boxes: the whole map.
 */
export function fitView(
  boxes: readonly (MapPoint & { rx?: number; ry?: number })[],
  { padding = 0.1, maxZoom = 16 }: { padding?: number; maxZoom?: number } = {},
): MapView {
  if (boxes.length === 0) return wholeMap;
  const west = Math.min(...boxes.map((box) => box.x - (box.rx ?? 0)));
  const east = Math.max(...boxes.map((box) => box.x + (box.rx ?? 0)));
  const north = Math.min(...boxes.map((box) => box.y - (box.ry ?? 0)));
  const south = Math.max(...boxes.map((box) => box.y + (box.ry ?? 0)));
  const usable = 1 - 2 * padding;
  const zoom = Math.min(
    maxZoom,
    (viewBox.width * usable) / Math.max(east - west, 1e-9),
    (viewBox.height * usable) / Math.max(south - north, 1e-9),
  );
  return clampView({ zoom, x: (west + east) / 2, y: (north + south) / 2 });
}
