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
