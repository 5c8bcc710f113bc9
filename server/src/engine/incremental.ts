// A document kept parsed across edits: an edit re-parses only the reports around it and shifts the rest.
//
// A report's parse depends only on its own lines and the few lines before its title (the agency line), and
// where it ends depends on where the next title is (whether a title starts a report depends on the report it
// stands in and the text after it, never on earlier reports). No two reports start on the same line (a heading
// is never taken for the agency line of a title), so a window from a report's start holds that report and the
// ones after it, none before. So an edit inside report i is re-parsed over reports
// i-1 … j+1: the first of them is untouched and anchors the start, the last is untouched text that anchors the
// end. The re-parse is accepted only when it starts and ends at those anchors; otherwise the window widens.
// Reports outside the window keep their model, with offsets as when they were parsed plus a `delta`.
//
// The window is parsed from a copy of its own text (with the line break after it and one character more, so
// that a check asking "is this the end of the document?" gets the same answer), never from the whole
// document: the strings of a model are slices of the text it was read from, and a slice keeps its whole
// parent alive. Parsing the whole 10 MB document after each keystroke would keep a copy of it per edit.
import {
  agencyYearKey,
  byPosition,
  checkReport,
  checkReportCarryover,
  eolOf,
  indexByAgencyYear,
  type EngineOptions,
} from './index';
import type { Diagnostic } from './diagnostic';
import type { Report } from './model';
import { AGENCY_LOOKBACK, outsideSplit, parseRange } from './parse';
import { sameData } from './same-data';
import { ChunkedText } from './text/chunked';
import { detached } from './text/detach';
import { maskMarkup } from './text/markup';
import { firstAtOrAfter, lastAtOrBefore } from './text/search';
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

/**
 * Reports that came and went, in one change of the document's reports, and those kept whose carryover findings were
 * replaced: what a view kept beside the reports (the server's publication) updates instead of reading every report.
 */
export interface ReportChange {
  readonly removed: readonly ReportEntry[];
  readonly added: readonly ReportEntry[];
  readonly rechecked: readonly ReportEntry[];
}

/**
 * Changes kept for views that have not caught up (a publication follows a few requests' parses at most): one more
 * is a view that reads every report again. Each keeps the reports it removed alive until it is let go.
 */
export const KEPT_CHANGES = 16;

/** An edit of at most this many characters each way is looked at for whether it types digits over digits. */
const MAX_DIGITS_EDIT = 16;
const DIGITS_ONLY = /^[0-9０-９]*$/;
/** A line longer than this (a report on one line) is not read to tell whether an edit in it leaves the reports' bounds. */
const MAX_LINE_READ = 2000;

export interface UpdateStats {
  /** reports parsed again for this edit */
  readonly reparsed: number;
  /** true when the whole document was parsed again */
  readonly full: boolean;
}

/**
 * A flat copy of text[from, to), the line break after it and a character of the next line, masked as
 * parseDocument masks the whole text: its markup is recomputed on every parse, so an edit that makes or breaks a
 * reference (`&nbsp` typed up to its `;`) is read as a fresh parse reads it.
 */
function windowText(text: ChunkedText, from: number, to: number): string {
  let end = to;
  if (text.charAt(end) === '\r') end++;
  if (text.charAt(end) === '\n') end++;
  if (end < text.length) end++;
  return maskMarkup(detached(text.slice(from, end)));
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

export class IncrementalDocument {
  private entries: ReportEntry[] = [];
  private readonly byKey = new Map<string, Set<ReportEntry>>();
  private readonly byPreviousKey = new Map<string, Set<ReportEntry>>();
  /** last year's reports from other files, by key */
  private outside: ReadonlyMap<string, Report>;
  private eol: string;
  private readonly source: ChunkedText;
  /**
   * Edits not parsed yet, as one replaced range: [start, oldEnd) of the text as last parsed is now
   * [start, newEnd). Typing only changes the text; the reports are parsed again when next read, once for
   * every edit since.
   */
  private pending: { start: number; oldEnd: number; newEnd: number; digits: boolean } | null = null;
  /** how many times the reports were parsed again after edits (for the server's stats) */
  reparses = 0;
  /** counts the changes of the reports: `changesSince` tells what they were */
  private changeCount = 0;
  /** the last changes, the newest last; every report was replaced at `changeCount - changes.length` */
  private changes: ReportChange[] = [];
  /**
   * Where the text not parsed yet starts, null once every report is parsed (edits then keep it so). A large
   * document can be opened with its first part parsed (`firstChars`), the rest parsed by `parseMore` in the
   * background; anything that reads the reports, and any edit, parses the rest first.
   */
  private unparsedFrom: number | null = 0;

  constructor(
    text: string,
    private options: EngineOptions = {},
    private lastYear: readonly Report[] = [],
    firstChars = Number.POSITIVE_INFINITY,
  ) {
    // the text cut into chunks as far as the first part read (and as much again: a window grows when one report fills it)
    this.source = new ChunkedText(text, 2 * firstChars);
    this.eol = eolOf(text);
    this.outside = indexByAgencyYear(lastYear);
    if (text.length <= firstChars) this.rebuild(text);
    else this.parseMore(firstChars);
  }

  /** Whether every report of the text is parsed. */
  get complete(): boolean {
    return this.unparsedFrom === null;
  }

  /** The reports parsed so far, in order: all of them, as `reports` gives them, once `complete` (a publication made before then shows these). */
  get parsedReports(): readonly ReportEntry[] {
    return this.complete ? this.reports : this.entries;
  }

  /**
   * Parses about `chars` more characters of the text not parsed yet: the reports of that window but the last, which
   * may go on past it (it is where the next window starts), or all of them at the text's end. A report longer than
   * the window gets a window twice as long.
   */
  parseMore(chars: number): void {
    const total = this.source.length;
    for (let size = Math.max(1, chars); this.unparsedFrom !== null; size *= 2) {
      const from = this.unparsedFrom;
      const to = Math.min(total, from + size);
      const window = windowText(this.source, from, to);
      const reports = parseRange(window, 0, to - from);
      const atEnd = to === total;
      const kept = atEnd ? reports : reports.slice(0, -1);
      if (!atEnd && kept.length === 0) continue;
      const added = kept.map((r) => this.entryFor(r, window, from));
      this.entries.push(...added);
      this.record({ removed: [], added, rechecked: this.refreshCarryover(added, []) });
      this.unparsedFrom = atEnd ? null : from + reports[reports.length - 1].span.start;
      return;
    }
  }

  /** Parses whatever is not parsed yet. */
  private finish(): void {
    if (!this.complete) this.parseMore(Number.POSITIVE_INFINITY);
  }

  /** The whole text, joined: for whole-document work (fix-all, formatting), not for every keystroke. */
  get text(): string {
    return this.source.toString();
  }

  /** The current text, for positions and slices. */
  get chunks(): ChunkedText {
    return this.source;
  }

  get reports(): readonly ReportEntry[] {
    this.finish();
    this.flush();
    return this.entries;
  }

  /**
   * New options or last year's reports: every check runs again, unless the options are the same and no report's
   * last year's report changed (settings that arrive once the editor is ready, a workspace read that found nothing
   * new for this document: checking a large compilation twice on opening it is what would cost; nor is the rest of
   * a document still being parsed in parts parsed at once then). Whether it did.
   */
  reconfigure(options: EngineOptions, lastYear: readonly Report[] = this.lastYear): boolean {
    // the reports parsed so far decide: those not parsed yet will be with what is set now
    const outside = indexByAgencyYear(lastYear);
    const previous = (e: ReportEntry, index: ReadonlyMap<string, Report>): Report | undefined => (e.previousKey === null ? undefined : index.get(e.previousKey));
    if (sameData(options, this.options) && this.entries.every((e) => previous(e, outside) === previous(e, this.outside))) {
      this.lastYear = lastYear;
      this.outside = outside;
      return false;
    }
    this.pending = null;
    this.options = options;
    this.lastYear = lastYear;
    this.outside = outside;
    this.rebuild(this.text);
    return true;
  }

  /** Replaces text[start, end) with `inserted` and parses again what it touched. */
  update(start: number, end: number, inserted: string): UpdateStats {
    this.edit(start, end, inserted);
    return this.flush() ?? { reparsed: 0, full: false };
  }

  /** Replaces text[start, end) with `inserted`; the reports it touched are parsed again when next read. */
  edit(start: number, end: number, inserted: string): void {
    // the edit's offsets and the pending range are the whole text's: the rest is parsed before it changes
    this.finish();
    start = Math.max(0, Math.min(start, this.source.length));
    end = Math.max(start, Math.min(end, this.source.length));
    // digits typed over digits (a number cell): looked at only when short, as typing is
    const digits = end - start <= MAX_DIGITS_EDIT && inserted.length <= MAX_DIGITS_EDIT && DIGITS_ONLY.test(inserted) && DIGITS_ONLY.test(this.source.slice(start, end));
    this.source.replace(start, end, inserted);
    const newEnd = start + inserted.length;
    const p = this.pending;
    if (!p) {
      this.pending = { start, oldEnd: end, newEnd, digits };
      return;
    }
    // the edit is in current offsets: past the pending range's end it also widens the range of the old text
    let oldEnd = p.oldEnd;
    let currentEnd = p.newEnd;
    if (end > currentEnd) {
      oldEnd += end - currentEnd;
      currentEnd = end;
    }
    this.pending = { start: Math.min(p.start, start), oldEnd, newEnd: currentEnd + inserted.length - (end - start), digits: p.digits && digits };
  }

  /** Parses again what the pending edits touched; null when there were none. */
  private flush(): UpdateStats | null {
    const p = this.pending;
    if (!p) return null;
    this.pending = null;
    this.reparses++;
    return this.reparse(p.start, p.oldEnd, p.newEnd - p.oldEnd, p.digits);
  }

  /**
   * Parses again around text[start, end) of the text as last parsed, which the edits made `delta` longer (`digits`:
   * by typing digits over digits only).
   */
  private reparse(start: number, end: number, delta: number, digits: boolean): UpdateStats {
    const n = this.entries.length;
    if (n === 0 || this.source.eol() !== this.eol) {
      this.eol = this.source.eol();
      this.rebuild(this.text);
      return { reparsed: this.entries.length, full: true };
    }
    const alone = digits ? this.reparseDigits(start, end, delta) : null;
    if (alone) return alone;
    const first = this.firstEndingAtOrAfter(start);
    const last = this.lastStartingAtOrBefore(end);
    let lo = Math.max(0, first - 1);
    let hi = Math.min(n - 1, Math.max(last, first) + 1);
    for (;;) {
      const from = lo === 0 ? 0 : this.startOf(lo);
      const to = hi === n - 1 ? this.source.length : this.endOf(hi) + delta;
      const window = windowText(this.source, from, to);
      const reports = parseRange(window, 0, to - from);
      const whole = lo === 0 && hi === n - 1;
      const anchored =
        reports.length > 0 &&
        (lo === 0 || reports[0].span.start === 0) &&
        (hi === n - 1 || reports[reports.length - 1].sections.length > 0);
      if (anchored || whole) {
        const untouched = this.untouchedIn(lo, hi, start, end, delta);
        this.moveAfter(hi, delta);
        // an anchor parsed to the same span is the same report: keep its findings (and their LSP form)
        this.replaceEntries(lo, hi - lo + 1, reports.map((r) => untouched.get(`${from + r.span.start}:${from + r.span.end}`) ?? this.entryFor(r, window, from)));
        return { reparsed: reports.length, full: whole };
      }
      lo = Math.max(0, lo - 1);
      hi = Math.min(n - 1, hi + 1);
    }
  }

  /**
   * Digits typed over digits in one line of a report's body that the split into reports never reads (outsideSplit)
   * and no title after it can take for its agency: the reports start and end where they did, so only this one is
   * parsed again, not its neighbours as well. Null where that cannot be told so (the general way is taken).
   */
  private reparseDigits(start: number, end: number, delta: number): UpdateStats | null {
    const k = this.lastStartingAtOrBefore(start);
    const entry = this.entries[k];
    const body = entry.report.sections[0]?.headingSpan.start;
    const from = this.startOf(k);
    const oldEnd = this.endOf(k);
    // the edit after the report's first heading (past its title, agency and header block), before its end
    if (body === undefined || start <= body + entry.delta || end >= oldEnd) return null;
    const chunks = this.source;
    const line = chunks.lineAt(start);
    const lineText = (l: number): string | null => {
      const lineStart = chunks.offsetAt({ line: l, character: 0 });
      const lineEnd = chunks.offsetAt({ line: l, character: MAX_LINE_READ + 1 });
      return lineEnd - lineStart > MAX_LINE_READ ? null : chunks.slice(lineStart, lineEnd);
    };
    const edited = lineText(line);
    // the line as the split reads it: a heading behind `&emsp;` opens its line once masked
    if (edited === null || chunks.lineAt(end + delta) !== line || !outsideSplit(maskMarkup(edited))) return null;
    for (let l = line + 1; l <= line + AGENCY_LOOKBACK; l++) if (lineText(l)?.includes('报') ?? true) return null;
    const to = oldEnd + delta;
    const window = windowText(chunks, from, to);
    const reports = parseRange(window, 0, to - from);
    if (reports.length !== 1 || reports[0].span.start !== 0 || reports[0].span.end !== to - from) return null;
    this.moveAfter(k, delta);
    this.replaceEntries(k, 1, [this.entryFor(reports[0], window, from)]);
    return { reparsed: 1, full: false };
  }

  /** The reports after report k moved by `delta` (typing over a digit moves none: they are not even read). */
  private moveAfter(k: number, delta: number): void {
    if (delta !== 0) for (let j = k + 1; j < this.entries.length; j++) this.entries[j].delta += delta;
  }

  /** `count` reports from report k replaced by `added`, their carryover checked again, the change recorded. */
  private replaceEntries(k: number, count: number, added: ReportEntry[]): void {
    const removed = this.entries.splice(k, count, ...added);
    this.record({ removed, added, rechecked: this.refreshCarryover(added, removed) });
  }

  /**
   * The reports in lo..hi that the edit did not touch, by their span in the new text; those after the edit
   * are moved by `delta` already.
   */
  private untouchedIn(lo: number, hi: number, start: number, end: number, delta: number): Map<string, ReportEntry> {
    const untouched = new Map<string, ReportEntry>();
    for (let k = lo; k <= hi; k++) {
      const entry = this.entries[k];
      const before = this.endOf(k) < start;
      const after = this.startOf(k) > end;
      if (!before && !after) continue;
      if (after) entry.delta += delta;
      untouched.set(`${this.startOf(k)}:${this.endOf(k)}`, entry);
    }
    return untouched;
  }

  /** Every diagnostic, in current offsets, in document order. */
  diagnostics(): Diagnostic[] {
    this.finish();
    this.flush();
    const out: Diagnostic[] = [];
    for (const entry of this.entries) {
      for (const d of entry.findings) out.push(shiftDiagnostic(d, entry.delta));
      for (const d of entry.carryover) out.push(shiftDiagnostic(d, entry.delta));
    }
    return out.sort(byPosition);
  }

  /** The report whose span holds `offset` (current offsets), the last one when spans overlap at a line. */
  entryAt(offset: number): ReportEntry | null {
    this.finish();
    this.flush();
    if (!this.entries.length) return null;
    const k = this.lastStartingAtOrBefore(offset);
    return this.startOf(k) <= offset && offset <= this.endOf(k) ? this.entries[k] : null;
  }

  /** The index in `parsedReports` of the last report starting at or before `offset` (current offsets; 0 when none does). */
  reportIndexAt(offset: number): number {
    return Math.max(0, this.lastStartingAtOrBefore(offset));
  }

  /** The reports with current offsets (copies; for tests and whole-document views). */
  snapshot(): Report[] {
    this.finish();
    this.flush();
    return this.entries.map((e) => shiftReport(e.report, e.delta));
  }

  private rebuild(written: string): void {
    const text = maskMarkup(written);
    this.entries = parseRange(text, 0, text.length).map((r) => this.entryFor(r, text, 0));
    this.unparsedFrom = null;
    this.byKey.clear();
    this.byPreviousKey.clear();
    this.refreshCarryover(this.entries, []);
    this.changeCount++;
    this.changes = [];
  }

  private record(change: ReportChange): void {
    this.changeCount++;
    this.changes.push(change);
    if (this.changes.length > KEPT_CHANGES) this.changes.shift();
  }

  /** How many changes the reports have seen: a mark for `changesSince`. Reads the reports first, as `reports` does. */
  get revision(): number {
    if (this.complete) this.flush();
    return this.changeCount;
  }

  /** The changes of the reports after `revision` (a mark read before), oldest first; null when every report may have changed. */
  changesSince(revision: number): readonly ReportChange[] | null {
    const count = this.revision - revision;
    return count >= 0 && count <= this.changes.length ? this.changes.slice(this.changes.length - count) : null;
  }

  /** `text` is what the report was parsed from, which starts at `delta` in the document. */
  private entryFor(report: Report, text: string, delta: number): ReportEntry {
    const findings: Diagnostic[] = [];
    checkReport(text, report, this.options, findings, this.eol);
    return { report, findings, carryover: [], delta, key: agencyYearKey(report), previousKey: agencyYearKey(report, -1) };
  }

  /**
   * Carryover links reports across the document: re-check the new reports and those whose last year's report
   * was among the removed or the new ones. The two indexes are kept up to date rather than rebuilt. Returns the
   * reports whose carryover findings were replaced.
   */
  private refreshCarryover(added: readonly ReportEntry[], removed: readonly ReportEntry[]): ReportEntry[] {
    for (const e of removed) {
      if (e.key !== null) this.byKey.get(e.key)?.delete(e);
      if (e.previousKey !== null) this.byPreviousKey.get(e.previousKey)?.delete(e);
    }
    for (const e of added) {
      if (e.key !== null) setOf(this.byKey, e.key).add(e);
      if (e.previousKey !== null) setOf(this.byPreviousKey, e.previousKey).add(e);
    }
    const affected = new Set<ReportEntry>(added);
    for (const e of [...added, ...removed]) {
      if (e.key === null) continue;
      for (const dependent of this.byPreviousKey.get(e.key) ?? []) affected.add(dependent);
    }
    const rechecked: ReportEntry[] = [];
    for (const entry of affected) {
      if (entry.previousKey === null) continue;
      const previous = this.firstWithKey(entry.previousKey) ?? this.outside.get(entry.previousKey);
      const out: Diagnostic[] = [];
      // carryover reads only the values of both models, so last year's offsets do not matter
      if (previous) checkReportCarryover(entry.report, previous, this.options, out);
      if (!out.length && !entry.carryover.length) continue;
      entry.carryover = out;
      rechecked.push(entry);
    }
    return rechecked;
  }

  /** The report of a key that comes first in the document (the first of a kind wins, as in checkText). */
  private firstWithKey(key: string): Report | undefined {
    let first: ReportEntry | undefined;
    for (const e of this.byKey.get(key) ?? []) if (!first || e.report.span.start + e.delta < first.report.span.start + first.delta) first = e;
    return first?.report;
  }

  private startOf(k: number): number {
    return this.entries[k].report.span.start + this.entries[k].delta;
  }

  private endOf(k: number): number {
    return this.entries[k].report.span.end + this.entries[k].delta;
  }

  private firstEndingAtOrAfter(offset: number): number {
    return firstAtOrAfter(this.entries.length, (k) => this.endOf(k), offset);
  }

  private lastStartingAtOrBefore(offset: number): number {
    return lastAtOrBefore(this.entries.length, (k) => this.startOf(k), offset);
  }
}
