// Generates apps/console/src/map/border-geometry.json, the base map of the console's border overview, from the
// Natural Earth 1:10m country boundaries redistributed by the npm package world-atlas (TopoJSON, public domain data).
//   node scripts/border-geometry.mjs
// The output is checked in; the script is deterministic, so rerunning it after an upgrade of world-atlas is the
// only reason for the JSON to change.
//
// Projection (the component projects the ports with the same formula, apps/console/src/map/projection.ts):
// equirectangular, with longitudes shrunk by cos(reference latitude) so that distances near the border are true
// in both directions:
//   x = (lon - west) * cos(referenceLatitude) * scale
//   y = (north - lat) * scale
// `scale` is viewBox units per degree of latitude, chosen so that the bounds fill a viewBox `width` wide.
import { mesh, feature } from 'topojson-client';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const atlasDir = join(root, 'node_modules', 'world-atlas');
const outFile = join(root, 'apps', 'console', 'src', 'map', 'border-geometry.json');

const US = '840';
const MX = '484';
/** From the Pacific west of Tijuana to the Gulf east of Matamoros, and from Baja California Sur to central Arizona. */
const bounds = { west: -118.5, east: -95, south: 24.5, north: 34.5 };
const referenceLatitude = 29;
const width = 1000;
/** Land is clipped this far (degrees) outside the bounds so that no clipping edge shows inside the viewBox. */
const clipMargin = 0.3;
/** Douglas–Peucker tolerances in viewBox units (1 unit ≈ 2.3 km): coarse for coasts, finer for the boundary. */
const landTolerance = 0.4;
const boundaryTolerance = 0.2;
/** Islands and lakes smaller than this (square viewBox units, ≈ 5 km²) are dropped. */
const minRingArea = 1;

const cosRef = Math.cos((referenceLatitude * Math.PI) / 180);
const scale = width / ((bounds.east - bounds.west) * cosRef);
const height = Math.round((bounds.north - bounds.south) * scale);
const project = ([lon, lat]) => [(lon - bounds.west) * cosRef * scale, (bounds.north - lat) * scale];
const round = (n) => Math.round(n * 10) / 10;

/** Sutherland–Hodgman: clips a closed ring (first point not repeated) against one half-plane at a time. */
function clipRing(ring, box) {
  const edges = [
    { inside: ([lon]) => lon >= box.west, cut: (a, b) => cutAt(a, b, 0, box.west) },
    { inside: ([lon]) => lon <= box.east, cut: (a, b) => cutAt(a, b, 0, box.east) },
    { inside: ([, lat]) => lat >= box.south, cut: (a, b) => cutAt(a, b, 1, box.south) },
    { inside: ([, lat]) => lat <= box.north, cut: (a, b) => cutAt(a, b, 1, box.north) },
  ];
  let points = ring;
  for (const { inside, cut } of edges) {
    const next = [];
    points.forEach((current, i) => {
      const previous = points[(i + points.length - 1) % points.length];
      if (inside(current)) {
        if (!inside(previous)) next.push(cut(previous, current));
        next.push(current);
      } else if (inside(previous)) {
        next.push(cut(previous, current));
      }
    });
    points = next;
    if (points.length === 0) break;
  }
  return points;
}

/** The point of segment a–b whose coordinate `axis` equals `value`. */
function cutAt(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** Douglas–Peucker on an open polyline; keeps both ends. */
function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let farthest = -1;
    let maxDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > maxDistance) [farthest, maxDistance] = [i, d];
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function area(ring) {
  let sum = 0;
  ring.forEach(([x0, y0], i) => {
    const [x1, y1] = ring[(i + 1) % ring.length];
    sum += x0 * y1 - x1 * y0;
  });
  return Math.abs(sum) / 2;
}

/** Rounds to 0.1 unit and drops the points that rounding made repeat. */
function quantize(points) {
  const out = [];
  for (const [x, y] of points) {
    const point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

const pathOf = (points, closed) =>
  points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('') + (closed ? 'Z' : '');

/** A country's land within the bounds as one SVG path (even-odd rings: outer shores and lakes alike). */
function landPath(topology, id) {
  const country = feature(
    topology,
    topology.objects.countries.geometries.find((g) => g.id === id),
  );
  const box = {
    west: bounds.west - clipMargin,
    east: bounds.east + clipMargin,
    south: bounds.south - clipMargin,
    north: bounds.north + clipMargin,
  };
  const rings = [];
  for (const polygon of country.geometry.coordinates) {
    for (const ring of polygon) {
      // GeoJSON rings repeat their first point at the end; the clipper wants it once.
      const clipped = clipRing(ring.slice(0, -1), box).map(project);
      if (clipped.length < 3) continue;
      // Simplify the ring as a polyline closed on its first point, then drop the repeated end again.
      const simplified = quantize(simplify([...clipped, clipped[0]], landTolerance)).slice(0, -1);
      if (simplified.length >= 3 && area(simplified) >= minRingArea) rings.push(pathOf(simplified, true));
    }
  }
  return rings.join('');
}

/** The U.S.–Mexico boundary as one polyline from the Pacific to the Gulf of Mexico. */
function boundaryPath(topology) {
  const line = mesh(
    topology,
    topology.objects.countries,
    (a, b) => a !== b && [a.id, b.id].includes(US) && [a.id, b.id].includes(MX),
  );
  // Natural Earth's boundary is one arc; stitching several would hide a change of the data, so refuse it.
  if (line.coordinates.length !== 1) throw new Error(`expected one boundary arc, got ${line.coordinates.length}`);
  let points = line.coordinates[0];
  if (points[0][0] > points[points.length - 1][0]) points = [...points].reverse();
  return pathOf(quantize(simplify(points.map(project), boundaryTolerance)), false);
}

const atlas = JSON.parse(await readFile(join(atlasDir, 'package.json'), 'utf8'));
const topology = JSON.parse(await readFile(join(atlasDir, 'countries-10m.json'), 'utf8'));

// Arrays are avoided on purpose: with only objects and strings, JSON.stringify's layout is already Prettier's.
const geometry = {
  source: `Natural Earth 1:10m Admin 0 countries (public domain), via the npm package world-atlas ${atlas.version} (countries-10m.json)`,
  generatedBy: relative(root, fileURLToPath(import.meta.url)),
  projection: {
    name: 'equirectangular, longitudes scaled by cos(referenceLatitude)',
    formula: 'x = (lon - bounds.west) * cos(referenceLatitude) * scale; y = (bounds.north - lat) * scale',
    referenceLatitude,
    scale,
    bounds,
    viewBox: { width, height },
  },
  land: { us: landPath(topology, US), mx: landPath(topology, MX) },
  boundary: boundaryPath(topology),
};

const json = `${JSON.stringify(geometry, null, 2)}\n`;
await writeFile(outFile, json);
console.log(`wrote ${relative(root, outFile)} (${json.length} bytes, viewBox ${width} × ${height})`);
