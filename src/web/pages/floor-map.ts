/**
 * The floor map of a building: per floor a strip of tiles, each space as wide as its share of the
 * floor's m², coloured by what it is today (vacant, band A, B or C). Pure data for the template,
 * drawn as SVG (widths as attributes, so the page's CSP needs no inline styles).
 */
export interface MapSpace {
  id: string;
  code: string;
  areaM2: number;
  leaseId: string | null;
  bandCode: string | null;
}

export interface MapFloor {
  id: string;
  level: number;
  name: string | null;
  groupName: string | null;
  /** The day the floor leaves the broedplaats by a handover; null while it stays. */
  leftOn: string | null;
  lettableAreaM2: number;
  spaces: MapSpace[];
}

export interface Tile extends MapSpace {
  x: number;
  width: number;
  /** The CSS class of its colour: vacant, band-a, band-b, band-c, or left (the floor left the broedplaats). */
  tone: string;
}

export const MAP_WIDTH = 1000;
const GAP = 4;

export function tilesOf(floor: MapFloor, today: string): Tile[] {
  const left = floor.leftOn !== null && floor.leftOn <= today;
  const total = floor.spaces.reduce((sum, space) => sum + space.areaM2, 0);
  let x = 0;
  return floor.spaces.map((space) => {
    const width = total > 0 ? (space.areaM2 / total) * MAP_WIDTH : MAP_WIDTH / floor.spaces.length;
    const tile = {
      ...space,
      x: Math.round(x * 10) / 10,
      width: Math.max(1, Math.round((width - GAP) * 10) / 10),
      tone: space.leaseId !== null ? `band-${(space.bandCode ?? 'a').toLowerCase()}` : left ? 'left' : 'vacant',
    };
    x += width;
    return tile;
  });
}
