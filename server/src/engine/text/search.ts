// Binary search over ascending values, shared by the line index, the chunked text and the report list.

/** The last index i in [0, count) with valueAt(i) <= target, or 0 when there is none. */
export function lastAtOrBefore(count: number, valueAt: (i: number) => number, target: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valueAt(mid) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first index i in [0, count) with valueAt(i) >= target, or the last index when there is none. */
export function firstAtOrAfter(count: number, valueAt: (i: number) => number, target: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valueAt(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
