// A document kept parsed across edits: an edit re-parses only the reports around it and shifts the rest.
//
// A report's parse depends only on its own lines and the few lines before its title (the agency line), and
// where it ends depends on where the next title is. So an edit inside report i is re-parsed over reports
// i-1 … j+1: the first of them is untouched and anchors the start, the last is untouched text that anchors the
// end. The re-parse is accepted only when it starts and ends at those anchors; otherwise the window widens.
// Reports outside the window keep their model, with offsets as when they were parsed plus a `delta`.
import {
  agencyYearKey,
  byPosition,
  checkReport,
  checkReportCarryover,
  eolOf,
  type EngineOptions,
} from './index';
import type { Diagnostic } from './diagnostic';
import type { Report } from './model';
import { parseRange } from './parse';
import { shiftDiagnostic, shiftReport } from './shift';

export interface ReportEntry {
  /** offsets as when the report was parsed; add `delta` for offsets in the current text */
  readonly report: Report;
  /** single-report findings, in the report's offsets */
  readonly findings: readonly Diagnostic[];
  /** carryover-mismatch findings against last year's report, in the report's offsets */
  carryover: readonly Diagnostic[];
  delta: number;
  readonly key: string | null;
  readonly previousKey: string | null;
}

export interface UpdateStats {
  /** reports parsed again for this edit */
  readonly reparsed: number;
  /** true when the whole document was parsed again */
  readonly full: boolean;
}

export class IncrementalDocument {
  private entries: ReportEntry[] = [];
  private eol: string;

  constructor(
    private current: string,
    private options: EngineOptions = {},
    private lastYear: readonly Report[] = [],
  ) {
    this.eol = eolOf(current);
    this.rebuild();
  }

  get text(): string {
    return this.current;
  }

  get reports(): readonly ReportEntry[] {
    return this.entries;
  }

  /** New options or last year's reports: every check runs again. */
  reconfigure(options: EngineOptions, lastYear: readonly Report[] = this.lastYear): void {
    this.options = options;
    this.lastYear = lastYear;
    this.rebuild();
  }

  /** Replaces text[start, end) with `inserted`. */
  update(start: number, end: number, inserted: string): UpdateStats {
    const old = this.current;
    start = Math.max(0, Math.min(start, old.length));
    end = Math.max(start, Math.min(end, old.length));
    this.current = old.slice(0, start) + inserted + old.slice(end);
    const delta = inserted.length - (end - start);
    const n = this.entries.length;
    if (n === 0 || eolOf(this.current) !== this.eol) {
      this.eol = eolOf(this.current);
      this.rebuild();
      return { reparsed: this.entries.length, full: true };
    }
    const first = this.firstEndingAtOrAfter(start);
    const last = this.lastStartingAtOrBefore(end);
    let lo = Math.max(0, first - 1);
    let hi = Math.min(n - 1, Math.max(last, first) + 1);
    for (;;) {
      const from = lo === 0 ? 0 : this.startOf(lo);
      const to = hi === n - 1 ? this.current.length : this.endOf(hi) + delta;
      const reports = parseRange(this.current, from, to);
      const whole = lo === 0 && hi === n - 1;
      const anchored =
        reports.length > 0 &&
        (lo === 0 || reports[0].span.start === from) &&
        (hi === n - 1 || reports[reports.length - 1].sections.length > 0);
      if (anchored || whole) {
        for (let k = hi + 1; k < n; k++) this.entries[k].delta += delta;
        const removed = this.entries.splice(lo, hi - lo + 1, ...reports.map((r) => this.entryFor(r)));
        this.refreshCarryover(lo, lo + reports.length, removed);
        return { reparsed: reports.length, full: whole };
      }
      lo = Math.max(0, lo - 1);
      hi = Math.min(n - 1, hi + 1);
    }
  }

  /** Every diagnostic, in current offsets, in document order. */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const entry of this.entries) {
      for (const d of entry.findings) out.push(shiftDiagnostic(d, entry.delta));
      for (const d of entry.carryover) out.push(shiftDiagnostic(d, entry.delta));
    }
    return out.sort(byPosition);
  }

  /** The report whose span holds `offset` (current offsets), the last one when spans overlap at a line. */
  entryAt(offset: number): ReportEntry | null {
    let found: ReportEntry | null = null;
    for (let lo = 0, hi = this.entries.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      const entry = this.entries[mid];
      if (entry.report.span.start + entry.delta <= offset) {
        if (offset <= entry.report.span.end + entry.delta) found = entry;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The reports with current offsets (copies; for tests and whole-document views). */
  snapshot(): Report[] {
    return this.entries.map((e) => shiftReport(e.report, e.delta));
  }

  private rebuild(): void {
    this.entries = parseRange(this.current, 0, this.current.length).map((r) => this.entryFor(r));
    this.refreshCarryover(0, this.entries.length, []);
  }

  private entryFor(report: Report): ReportEntry {
    const findings: Diagnostic[] = [];
    checkReport(this.current, report, this.options, findings);
    return { report, findings, carryover: [], delta: 0, key: agencyYearKey(report), previousKey: agencyYearKey(report, -1) };
  }

  /** Carryover links reports across the document: re-check the new ones and those whose last year changed. */
  private refreshCarryover(from: number, to: number, removed: readonly ReportEntry[]): void {
    const byKey = new Map<string, Report>();
    for (const e of this.entries) if (e.key !== null && !byKey.has(e.key)) byKey.set(e.key, e.report);
    for (const r of this.lastYear) {
      const key = agencyYearKey(r);
      if (key !== null && !byKey.has(key)) byKey.set(key, r);
    }
    const changedKeys = new Set<string | null>([...this.entries.slice(from, to), ...removed].map((e) => e.key));
    this.entries.forEach((entry, k) => {
      if ((k < from || k >= to) && !changedKeys.has(entry.previousKey)) return;
      const previous = entry.previousKey === null ? undefined : byKey.get(entry.previousKey);
      const out: Diagnostic[] = [];
      // carryover reads only values from last year's model, so its offsets do not matter
      if (previous) checkReportCarryover(this.current, entry.report, previous, this.options, out);
      entry.carryover = out;
    });
  }

  private startOf(k: number): number {
    return this.entries[k].report.span.start + this.entries[k].delta;
  }

  private endOf(k: number): number {
    return this.entries[k].report.span.end + this.entries[k].delta;
  }

  private firstEndingAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.endOf(mid) >= offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.startOf(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
