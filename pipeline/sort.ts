/**
 * Orders strings by UTF-16 code unit, the same on every machine. `localeCompare` follows the host's
 * ICU locale (LANG), so two machines, or two shards of one run, could sort the same ids differently.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The index of the last value at or before `pos` in ascending `values` (0 when none is). */
export function lastAtOrBefore(values: ArrayLike<number>, pos: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of the first value at or after `pos` in ascending `values` (`values.length` when none is). */
export function firstAtOrAfter(values: ArrayLike<number>, pos: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
