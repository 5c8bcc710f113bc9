// The key of a report's agency and year: how reports of two files are known to be one agency's two years, or two
// agencies' one year (the agency's name folded: width, spaces, punctuation).
import type { Report } from './model';
import { foldText } from './text/fold';

/** each report's folded agency, made once (a folder's peer search asks of every report many times) */
const folded = new WeakMap<Report, string>();

function agencyKey(report: Report): string {
  let key = folded.get(report);
  if (key === undefined) folded.set(report, (key = foldText(report.agency)));
  return key;
}

/** The key of the report's own agency and year, or null when it has no agency or year. */
export const agencyYearKey = (report: Report, yearOffset = 0): string | null =>
  report.agency && report.year !== null ? `${agencyKey(report)}|${report.year + yearOffset}` : null;

export const previousYearKey = (report: Report): string | null => agencyYearKey(report, -1);
