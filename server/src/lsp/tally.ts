// How many problems of each severity an open document has, kept in step with its reports' changes: a publication
// limited to what a person can use (publish.ts) says how many it leaves out, and chooses which to show, without
// reading every report of a large compilation at each keystroke.
import type { IncrementalDocument, ReportEntry } from '../engine';
import { lspSeverity } from './convert';

/** Counts by LSP severity (1 error … 4 hint; 0 unused). */
type Counts = readonly number[];

export class ProblemTally {
  /** the document's revision counted; none yet */
  private revision: number | null = null;
  private readonly bySeverity = [0, 0, 0, 0, 0];
  /** each report's counts as added, so that what is taken away is what was added, whatever changed since */
  private readonly counted = new WeakMap<ReportEntry, Counts>();
  /** per severity, the reports that have problems of it */
  private readonly reportsWith = [0, 0, 0, 0, 0].map(() => new Set<ReportEntry>());
  total = 0;

  /** The problems of a severity (LSP's number). */
  of(severity: number): number {
    return this.bySeverity[severity];
  }

  /** The reports that have problems of a severity (LSP's number), in no particular order. */
  reportsOf(severity: number): ReadonlySet<ReportEntry> {
    return this.reportsWith[severity];
  }

  /** Brought up to the document's reports as they are now: only the reports changed since are read. */
  update(parsed: IncrementalDocument): void {
    const changes = this.revision === null ? null : parsed.changesSince(this.revision);
    if (changes === null) {
      this.bySeverity.fill(0);
      for (const reports of this.reportsWith) reports.clear();
      this.total = 0;
      for (const entry of parsed.parsedReports) this.add(entry);
    } else {
      for (const change of changes) {
        for (const entry of change.removed) this.remove(entry);
        for (const entry of change.added) this.add(entry);
        for (const entry of change.rechecked) {
          this.remove(entry);
          this.add(entry);
        }
      }
    }
    this.revision = parsed.revision;
  }

  private add(entry: ReportEntry): void {
    const counts = [0, 0, 0, 0, 0];
    for (const d of entry.findings) counts[lspSeverity(d.severity)]++;
    for (const d of entry.carryover) counts[lspSeverity(d.severity)]++;
    this.counted.set(entry, counts);
    this.adjust(entry, counts, 1);
  }

  private remove(entry: ReportEntry): void {
    const counts = this.counted.get(entry);
    if (!counts) return;
    this.counted.delete(entry);
    this.adjust(entry, counts, -1);
  }

  private adjust(entry: ReportEntry, counts: Counts, sign: number): void {
    for (let s = 1; s < counts.length; s++) {
      this.bySeverity[s] += sign * counts[s];
      this.total += sign * counts[s];
      if (counts[s] && sign > 0) this.reportsWith[s].add(entry);
      else if (counts[s]) this.reportsWith[s].delete(entry);
    }
  }
}
