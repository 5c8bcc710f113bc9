// The key of a report's agency and year: how reports of two files are known to be one agency's two years, or two
// agencies' one year (the agency's name folded: width, spaces, punctuation).
import type { Report } from './model';
import { foldText } from './text/fold';

// made each time asked, not kept per report: a WeakMap of them kept a closed document's text alive in the server
// (the language server's load test: 9 MB more heap after close)
const agencyKey = (report: Report): string => foldText(report.agency);

/** The key of the report's own agency and year, or null when it has no agency or year. */
export const agencyYearKey = (report: Report, yearOffset = 0): string | null =>
  report.agency && report.year !== null ? `${agencyKey(report)}|${report.year + yearOffset}` : null;

export const previousYearKey = (report: Report): string | null => agencyYearKey(report, -1);

/** Items by key, the first of each key winning; items without a key are left out. */
export function firstOfEachKey<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null && !index.has(key)) index.set(key, item);
  }
  return index;
}

/** Per group (a folder), its items by key, the first of each key winning: each group's items in order, as firstOfEachKey gives them. */
export function firstOfEachKeyByGroup<T>(groups: Iterable<readonly [string, Iterable<T>]>, keyOf: (item: T) => string | null): Map<string, Map<string, T>> {
  const byGroup = new Map<string, Map<string, T>>();
  for (const [group, items] of groups) {
    let index = byGroup.get(group);
    if (!index) byGroup.set(group, (index = new Map()));
    for (const item of items) {
      const key = keyOf(item);
      if (key !== null && !index.has(key)) index.set(key, item);
    }
  }
  return byGroup;
}
