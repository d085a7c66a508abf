import { describe, expect, it } from '@jest/globals';
import geometry from './border-geometry.json' with { type: 'json' };
import {
  circleRadii,
  clampView,
  fitView,
  framePosition,
  isInView,
  mapViewBox,
  MAX_ZOOM,
  panByFraction,
  pointAt,
  project,
  reveal,
  spreadApart,
  unitsPerKm,
  unproject,
  viewBoxOf,
  wholeMap,
  zoomAround,
  type MapPoint,
  type MapView,
} from './projection';

// The console is a browser program without Node's types; the spec reads the ports' reference file through this
// narrow signature (a specifier typed as a plain string keeps the compiler from looking for node:fs's declarations).
const nodeFs: string = 'node:fs';
const { readFileSync } = (await import(nodeFs)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
};

interface CsvPort {
  id: string;
  lat: number;
  lon: number;
}

/** The ports of config/reference/ports-of-entry.csv that have coordinates (since issue 17, all of them). */
function portsWithCoordinates(): CsvPort[] {
  const csv = readFileSync(new URL('../../../../config/reference/ports-of-entry.csv', import.meta.url), 'utf8');
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header!.split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return rows
    .map((row) => row.split(','))
    .filter((cells) => at(cells, 'lat') !== '' && at(cells, 'lon') !== '')
    .map((cells) => ({ id: at(cells, 'id'), lat: Number(at(cells, 'lat')), lon: Number(at(cells, 'lon')) }));
}

/** The rings (or the polyline) of an SVG path made only of M, L and Z commands, as the generator writes them. */
function parsePath(path: string): MapPoint[][] {
  return path
    .split('M')
    .filter((part) => part !== '')
    .map((part) =>
      part
        .replace('Z', '')
        .split('L')
        .map((pair) => {
          const [x, y] = pair.split(',').map(Number);
          return { x: x!, y: y! };
        }),
    );
}

function distanceToPolyline(p: MapPoint, line: MapPoint[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

/** Even-odd point in polygon over all rings of a path, as the browser fills it. */
function inside(p: MapPoint, rings: MapPoint[][]): boolean {
  let crossings = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) crossings++;
    }
  }
  return crossings % 2 === 1;
}

function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const boundary = parsePath(geometry.boundary)[0]!;
const km = (units: number) => units / unitsPerKm;
const distanceKm = (a: MapPoint, b: MapPoint) => km(Math.hypot(a.x - b.x, a.y - b.y));

describe('project', () => {
  it('maps the north-west corner of the bounds to the origin and the south-east one to the viewBox corner', () => {
    const { west, east, south, north } = geometry.projection.bounds;
    expect(project(west, north)).toEqual({ x: 0, y: 0 });
    const corner = project(east, south);
    expect(corner.x).toBeCloseTo(mapViewBox.width, 6);
    expect(Math.abs(corner.y - mapViewBox.height)).toBeLessThan(0.5);
  });

  it('puts San Diego west of El Paso west of Brownsville, and Brownsville south of Tijuana', () => {
    const sanDiego = project(-117.16, 32.72);
    const elPaso = project(-106.49, 31.76);
    const brownsville = project(-97.5, 25.9);
    const tijuana = project(-117.03, 32.53);
    expect(sanDiego.x).toBeLessThan(elPaso.x);
    expect(elPaso.x).toBeLessThan(brownsville.x);
    expect(brownsville.y).toBeGreaterThan(tijuana.y);
  });

  // East–west scale is true at 29° only: at 32.5° (Arizona) it is 1 - cos(32.5°) / cos(29°) ≈ 3.7% long.
  it('keeps distances along the border within 5% of the great-circle distance', () => {
    const pairs: [number, number, number, number][] = [
      [-117.03, 32.54, -106.49, 31.75], // Tijuana – Ciudad Juárez
      [-106.49, 31.75, -97.5, 25.9], // Ciudad Juárez – Matamoros
      [-110.94, 31.33, -110.94, 26.0], // Nogales due south
    ];
    for (const [lon1, lat1, lon2, lat2] of pairs) {
      const expected = haversineKm(lon1, lat1, lon2, lat2);
      expect(Math.abs(distanceKm(project(lon1, lat1), project(lon2, lat2)) - expected) / expected).toBeLessThan(0.05);
    }
  });
});

describe('border-geometry.json', () => {
  it('names its source and generator', () => {
    expect(geometry.source).toMatch(/Natural Earth.*world-atlas \d+\.\d+\.\d+/);
    expect(geometry.generatedBy).toBe('scripts/border-geometry.mjs');
  });

  it('runs the boundary from the Pacific at Tijuana to the Gulf at Matamoros', () => {
    expect(distanceKm(boundary[0]!, project(-117.12, 32.53))).toBeLessThan(5);
    expect(distanceKm(boundary.at(-1)!, project(-97.14, 25.96))).toBeLessThan(5);
  });

  it('draws the United States and Mexico on their own sides and leaves the seas empty', () => {
    const us = parsePath(geometry.land.us);
    const mx = parsePath(geometry.land.mx);
    const places: [string, number, number, 'us' | 'mx' | 'sea'][] = [
      ['San Diego', -117.1, 32.75, 'us'],
      ['Tucson', -110.97, 32.22, 'us'],
      ['San Antonio', -98.49, 29.42, 'us'],
      ['Ensenada', -116.6, 31.87, 'mx'],
      ['Chihuahua', -106.09, 28.63, 'mx'],
      ['Monterrey', -100.31, 25.67, 'mx'],
      ['Pacific off Baja California', -117.5, 30, 'sea'],
      ['Gulf of California', -113, 30.5, 'sea'],
      ['Gulf of Mexico', -96, 26, 'sea'],
    ];
    for (const [name, lon, lat, expected] of places) {
      const p = project(lon, lat);
      const found = inside(p, us) ? 'us' : inside(p, mx) ? 'mx' : 'sea';
      expect(`${name}: ${found}`).toBe(`${name}: ${expected}`);
    }
  });

  it('stays small enough to ship in the console bundle', () => {
    expect(JSON.stringify(geometry).length).toBeLessThan(60_000);
  });
});

describe('the ports of entry', () => {
  const ports = portsWithCoordinates();

  it('are read from the reference file, all 53 with coordinates', () => {
    expect(ports).toHaveLength(53);
    expect(ports.filter(({ lat, lon }) => !Number.isFinite(lat) || !Number.isFinite(lon))).toEqual([]);
  });

  it('each project inside the viewBox and within 25 km of the boundary line', () => {
    const misplaced = ports
      .map(({ id, lon, lat }) => ({ id, p: project(lon, lat) }))
      .filter(
        ({ p }) =>
          !(p.x > 0 && p.x < mapViewBox.width && p.y > 0 && p.y < mapViewBox.height) ||
          km(distanceToPolyline(p, boundary)) > 25,
      )
      .map(({ id }) => id);
    expect(misplaced).toEqual([]);
  });
});

describe('spreadApart', () => {
  it('separates the crowded crossings and leaves lone ones where they are', () => {
    const points = portsWithCoordinates().map(({ id, lon, lat }) => ({ id, radius: 6, ...project(lon, lat) }));
    const spread = spreadApart(points);
    const placed = points.map(({ id }) => spread.get(id)!);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        expect(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y)).toBeGreaterThan(11.9);
      }
    }
    // No marker drifts more than a few marker widths from its crossing.
    for (const { id, x, y } of points) {
      expect(Math.hypot(spread.get(id)!.x - x, spread.get(id)!.y - y)).toBeLessThan(25);
    }
    const lone = points.find(({ id }) => id === 'presidio')!;
    expect(spread.get('presidio')).toEqual({ x: lone.x, y: lone.y });
  });

  it('fans out points at identical coordinates, giving a larger marker more room', () => {
    const spread = spreadApart([
      { id: 'a', x: 100, y: 100, radius: 4 },
      { id: 'b', x: 100, y: 100, radius: 6 },
    ]);
    const a = spread.get('a')!;
    const b = spread.get('b')!;
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeCloseTo(10, 3);
    expect((a.x + b.x) / 2).toBeCloseTo(100, 6);
  });
});

describe('unproject', () => {
  it('inverts project', () => {
    for (const [lon, lat] of [
      [-110.94, 31.33],
      [-97.5, 25.9],
      [-118.5, 34.5],
    ] as const) {
      const back = unproject(project(lon, lat));
      expect(back.lon).toBeCloseTo(lon, 9);
      expect(back.lat).toBeCloseTo(lat, 9);
    }
  });
});

describe('circleRadii', () => {
  it('draws a true-scale circle: its edges lie radiusKm from the centre on the ground, north and east', () => {
    for (const lat of [25.9, 29, 32.5]) {
      const centre = project(-105, lat);
      const { rx, ry } = circleRadii(lat, 10);
      const north = unproject({ x: centre.x, y: centre.y - ry });
      const east = unproject({ x: centre.x + rx, y: centre.y });
      expect(haversineKm(-105, lat, north.lon, north.lat)).toBeCloseTo(10, 1);
      expect(haversineKm(-105, lat, east.lon, east.lat)).toBeCloseTo(10, 1);
    }
  });

  it('is round at the reference latitude and wider than tall north of it', () => {
    const atReference = circleRadii(geometry.projection.referenceLatitude, 5);
    expect(atReference.rx).toBeCloseTo(atReference.ry, 9);
    const arizona = circleRadii(32.5, 5);
    expect(arizona.rx).toBeGreaterThan(arizona.ry);
  });
});

describe('the map view (zoom and pan)', () => {
  const { width, height } = mapViewBox;

  it('shows the whole map at zoom 1', () => {
    expect(viewBoxOf(wholeMap)).toEqual({ x: 0, y: 0, width, height });
  });

  it('keeps the zoom between 1 and the maximum and the shown part inside the map', () => {
    expect(clampView({ zoom: 0.2, x: -500, y: 9999 })).toEqual(wholeMap);
    const deep = clampView({ zoom: 1000, x: -500, y: -500 });
    expect(deep.zoom).toBe(MAX_ZOOM);
    const box = viewBoxOf(deep);
    expect(box.x).toBeCloseTo(0, 9);
    expect(box.y).toBeCloseTo(0, 9);
    expect(clampView({ zoom: Number.NaN, x: 1, y: 1 }).zoom).toBe(1);
  });

  it('zooms around an anchor that stays where it is on screen', () => {
    const nogales = project(-110.94, 31.33);
    const start: MapView = { zoom: 2, x: 400, y: 250 };
    const before = framePosition(start, nogales);
    const zoomed = zoomAround(start, 4, nogales);
    expect(zoomed.zoom).toBe(8);
    const after = framePosition(zoomed, nogales);
    expect(after.fx).toBeCloseTo(before.fx, 9);
    expect(after.fy).toBeCloseTo(before.fy, 9);
    // Back out: the inverse step returns to the same view.
    const back = zoomAround(zoomed, 1 / 4, nogales);
    expect(back.zoom).toBeCloseTo(2, 9);
    expect(back.x).toBeCloseTo(400, 6);
    expect(back.y).toBeCloseTo(250, 6);
  });

  it('zooms around the centre by default and never past the limits', () => {
    const view: MapView = { zoom: 4, x: 300, y: 200 };
    expect(zoomAround(view, 2)).toEqual({ zoom: 8, x: 300, y: 200 });
    expect(zoomAround(view, 1000).zoom).toBe(MAX_ZOOM);
    expect(zoomAround(view, 0.001)).toEqual(wholeMap);
  });

  it('pans by a fraction of the frame, stopping at the edge of the map', () => {
    const view: MapView = { zoom: 4, x: 500, y: 240 };
    const east = panByFraction(view, 0.25, 0);
    expect(east.x).toBeCloseTo(500 + (0.25 * width) / 4, 9);
    expect(east.y).toBe(240);
    const farEast = panByFraction(view, 100, 0);
    expect(viewBoxOf(farEast).x + viewBoxOf(farEast).width).toBeCloseTo(width, 9);
    expect(panByFraction(wholeMap, 0.25, 0.25)).toEqual(wholeMap);
  });

  it('converts between frame positions and map points both ways', () => {
    const view: MapView = { zoom: 8, x: 420, y: 180 };
    expect(pointAt(view, 0.5, 0.5)).toEqual({ x: 420, y: 180 });
    const corner = pointAt(view, 0, 0);
    expect(corner.x).toBeCloseTo(420 - width / 16, 9);
    const p = { x: 433, y: 171 };
    const { fx, fy } = framePosition(view, p);
    const back = pointAt(view, fx, fy);
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
    expect(isInView(view, p)).toBe(true);
    expect(isInView(view, { x: 0, y: 0 })).toBe(false);
  });

  it('reveals a point out of view with the smallest move, and leaves a shown point alone', () => {
    const view: MapView = { zoom: 8, x: 420, y: 180 };
    expect(reveal(view, { x: 421, y: 181 })).toBe(view);
    const target = { x: 600, y: 180 };
    const moved = reveal(view, target, 0.1);
    expect(moved.zoom).toBe(8);
    expect(moved.y).toBe(180);
    expect(framePosition(moved, target).fx).toBeCloseTo(0.9, 9);
  });

  it('fits boxes (zones) in the frame with padding, no closer than the maximum asked', () => {
    const nogales = project(-110.94, 31.33);
    const zone = { ...nogales, ...circleRadii(31.33, 30) };
    const fitted = fitView([zone], { padding: 0.1, maxZoom: 64 });
    const box = viewBoxOf(fitted);
    expect(box.x).toBeLessThanOrEqual(zone.x - zone.rx);
    expect(box.x + box.width).toBeGreaterThanOrEqual(zone.x + zone.rx);
    expect(box.y).toBeLessThanOrEqual(zone.y - zone.ry);
    expect(box.y + box.height).toBeGreaterThanOrEqual(zone.y + zone.ry);
    // Tight: the zone's height fills 80% of the frame (the frame is wider than tall).
    expect((2 * zone.ry) / box.height).toBeCloseTo(0.8, 6);
    expect(fitView([zone], { maxZoom: 4 }).zoom).toBe(4);
    expect(fitView([])).toEqual(wholeMap);
  });

  it('parts the three Ambos Nogales ports once zoomed in, moving them less than a marker from their crossings', () => {
    const nogales = portsWithCoordinates().filter(({ id }) => id.startsWith('nogales-'));
    expect(nogales).toHaveLength(3);
    // Marker radii are screen sizes, so in map units they shrink as the zoom grows (BorderMap divides by the zoom).
    const drift = (zoom: number) => {
      const markers = nogales.map(({ id, lon, lat }) => ({ id, radius: 6 / zoom, ...project(lon, lat) }));
      const spread = spreadApart(markers);
      // In screen units (the map is about as wide in CSS px as in viewBox units at zoom 1).
      return Math.max(
        ...markers.map(({ id, x, y }) => Math.hypot(spread.get(id)!.x - x, spread.get(id)!.y - y) * zoom),
      );
    };
    expect(drift(1)).toBeGreaterThan(4);
    expect(drift(MAX_ZOOM)).toBeLessThan(6);
  });
});
