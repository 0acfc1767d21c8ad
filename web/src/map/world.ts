/** The offline world outline: Natural Earth 1:110m countries from the world-atlas package, TopoJSON → GeoJSON. */

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export async function worldOutline(): Promise<FeatureCollection> {
  // A separate chunk (~100 KB), fetched from /app/assets like the rest of the build.
  const { default: topology } = await import('world-atlas/countries-110m.json');
  const world = topology as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(world, world.objects.countries) as FeatureCollection;
  // Antarctica reaches the pole, which Web Mercator draws as a band across the whole map.
  const kept = countries.features.filter((country) => country.properties?.name !== 'Antarctica');
  return { ...countries, features: kept.map(unwrapFeature) };
}

/** A ring whose longitudes jump across the antimeridian (179 → -179) made continuous (179 → 181),
so Leaflet does not draw the jump as a line across the whole map (Russia, Fiji). */
export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let previous: number | null = null;
  for (const [lon = 0, lat = 0] of ring) {
    if (previous !== null && Math.abs(lon + offset - previous) > 180) offset += lon + offset > previous ? -360 : 360;
    out.push([lon + offset, lat]);
    previous = lon + offset;
  }
  return out;
}

function unwrapGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(unwrapRing)) };
  return geometry;
}

function unwrapFeature(country: Feature): Feature {
  return country.geometry ? { ...country, geometry: unwrapGeometry(country.geometry) } : country;
}
