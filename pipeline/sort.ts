/**
 * Orders strings by UTF-16 code unit, the same on every machine. `localeCompare` follows the host's
 * ICU locale (LANG), so two machines, or two shards of one run, could sort the same ids differently.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
