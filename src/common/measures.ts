/** Areas are m² with at most two decimals; they are added and compared exactly, in hundredths. */

/** An area in m² with at most two decimals as an exact count of hundredths of a m². */
export function areaInHundredths(areaM2: number): number {
  return Math.round(areaM2 * 100);
}

/** m² summed exactly, so 0.1 + 0.2 stays 0.3. */
export function sumAreas(areas: readonly number[]): number {
  return areas.reduce((sum, area) => sum + areaInHundredths(area), 0) / 100;
}

/** A share such as an occupancy rate, 0–1 to four decimals; 0 when there is nothing to share. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
