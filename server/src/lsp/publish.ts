// The diagnostics of an open document in LSP form, converted once per report and reused while the report is
// untouched: an edit elsewhere moves a report only by whole lines, so its cached diagnostics are moved by
// the same number of lines instead of being converted again. This keeps a keystroke in a 10 MB compilation
// from converting thousands of diagnostics.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import { firstAtOrAfter, message, shiftDiagnostic, type Diagnostic, type Locale, type ReportEntry } from '../engine';
import { toLsp } from './convert';
import type { OpenDocument } from './open-document';
import { ProblemTally } from './tally';

interface Converted {
  /** the report's first line when converted, or last moved */
  line: number;
  /** how many lines after its first the report ends */
  readonly lines: number;
  /** the document's count of line-changing edits then: while it is the same, so is the line */
  lineShapes: number;
  readonly findings: readonly Diagnostic[];
  readonly carryover: readonly Diagnostic[];
  diagnostics: LspDiagnostic[];
  /** the diagnostics by severity (LSP's number), in position order */
  bySeverity: LspDiagnostic[][];
}

function splitBySeverity(diagnostics: readonly LspDiagnostic[]): LspDiagnostic[][] {
  const split: LspDiagnostic[][] = [[], [], [], [], []];
  for (const d of diagnostics) split[d.severity ?? DiagnosticSeverity.Error].push(d);
  return split;
}

const moveRange = (r: Range, lines: number): Range => ({
  start: { line: r.start.line + lines, character: r.start.character },
  end: { line: r.end.line + lines, character: r.end.character },
});

function moveDiagnostic(d: LspDiagnostic, lines: number): LspDiagnostic {
  const moved: LspDiagnostic = { ...d, range: moveRange(d.range, lines) };
  if (d.relatedInformation) moved.relatedInformation = d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, range: moveRange(r.location.range, lines) } }));
  return moved;
}

/**
 * Lists each in position order, one after another, in an array made at its size (no spread: a document may hold a
 * great many reports). Each report's diagnostics are in order and reports follow one another, so the whole is in
 * order: checked where one list meets the next rather than sorted again (a diagnostic placed outside its report is
 * put back in its place).
 */
function inOrder(parts: readonly (readonly LspDiagnostic[])[]): LspDiagnostic[] {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Array<LspDiagnostic>(total);
  let at = 0;
  let sorted = true;
  for (const part of parts) {
    if (!part.length) continue;
    if (at > 0 && byPosition(out[at - 1], part[0]) > 0) sorted = false;
    for (const d of part) out[at++] = d;
  }
  return sorted ? out : out.sort(byPosition);
}

const byPosition = (a: LspDiagnostic, b: LspDiagnostic): number =>
  a.range.start.line - b.range.start.line ||
  a.range.start.character - b.range.start.character ||
  a.range.end.line - b.range.end.line ||
  a.range.end.character - b.range.end.character;

export interface PublishLimit {
  /** diagnostics published at most, the note on the ones left out included */
  readonly maxProblems: number;
  readonly locale: Locale;
}

/** An information on the document's first line about the publication itself. */
const noteOnTitle = (text: string): LspDiagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: DiagnosticSeverity.Information,
  source: 'xxgk',
  message: text,
});

const lineOf = (d: LspDiagnostic): number => d.range.start.line;

/** The first index of `list` (in position order) whose line is at least `line`; its length when none is. */
function firstOnOrAfter(list: readonly LspDiagnostic[], line: number): number {
  return list.length && lineOf(list[list.length - 1]) >= line ? firstAtOrAfter(list.length, (k) => lineOf(list[k]), line) : list.length;
}

/**
 * The `count` diagnostics nearest to line `focus`, in position order, of lists that are each in position order and
 * follow one another: nearer first, and of two as near, the one above (on one line, the nearer in the list). They
 * are counted list by list, by their first and last lines, so a list wholly nearer or wholly farther is never read
 * diagnostic by diagnostic; lists that overlap (a diagnostic placed outside its report) are joined and sorted first.
 */
function nearestIn(lists: readonly (readonly LspDiagnostic[])[], focus: number, count: number): LspDiagnostic[] {
  const parts = lists.filter((list) => list.length);
  for (let k = 1; k < parts.length; k++) if (byPosition(parts[k - 1][parts[k - 1].length - 1], parts[k][0]) > 0) return nearestIn([inOrder(parts)], focus, count);
  const first = parts.map((list) => lineOf(list[0]));
  const last = parts.map((list) => lineOf(list[list.length - 1]));
  /** How many diagnostics stand on lines from `from` to `to`. */
  const within = (from: number, to: number): number => {
    let n = 0;
    for (let k = 0; k < parts.length && from <= to; k++) {
      if (last[k] < from || first[k] > to) continue;
      n += first[k] >= from && last[k] <= to ? parts[k].length : firstOnOrAfter(parts[k], to + 1) - firstOnOrAfter(parts[k], from);
    }
    return n;
  };
  const total = parts.reduce((n, list) => n + list.length, 0);
  if (total <= count) return inOrder(parts);
  // the distance the count reaches: the least at which as many stand at most that far
  let reach = Math.max(focus - first[0], last[parts.length - 1] - focus, 0);
  for (let near = 0; near < reach; ) {
    const mid = (near + reach) >> 1;
    if (within(focus - mid, focus + mid) >= count) reach = mid;
    else near = mid + 1;
  }
  // all nearer than the reach (none above is nearer than a line), then of those at it, above first
  const aboveNearer = within(focus - reach + 1, focus - 1);
  const belowNearer = within(focus, focus + reach - 1);
  const rest = count - aboveNearer - belowNearer;
  const atAbove = reach > 0 ? Math.min(rest, within(focus - reach, focus - reach)) : 0;
  const above = aboveNearer + atAbove;
  const below = belowNearer + Math.min(rest - atAbove, within(focus + reach, focus + reach));
  // the chosen follow one another: the `above` before the first on the focus's line or after it, the `below` from it
  const start = within(Number.NEGATIVE_INFINITY, focus - 1) - above;
  const out = new Array<LspDiagnostic>(above + below);
  let skipped = 0;
  let at = 0;
  for (const list of parts) {
    if (at === out.length) break;
    const from = Math.max(0, start - skipped);
    for (let i = from; i < list.length && at < out.length; i++) out[at++] = list[i];
    skipped += list.length;
  }
  return out;
}

/** A report as the choice of the nearest diagnostics sees it: its diagnostics of the severity chosen, its first and last lines. */
interface Look {
  readonly diagnostics: readonly LspDiagnostic[];
  readonly first: number;
  readonly last: number;
}

/** A severity's reports are read from the tally when they are at most this share of the document's (1 in …). */
const SPARSE_AT_MOST = 4;

/** LSP's severities, gravest first. */
const SEVERITIES = [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint];

export class PublishCache {
  private readonly converted = new WeakMap<ReportEntry, Converted>();
  private readonly tallies = new WeakMap<OpenDocument, ProblemTally>();

  /** A report's diagnostics in LSP form: converted when its findings are new, else kept, and moved when its line moved. */
  private convertedFor(doc: OpenDocument, entry: ReportEntry): Converted {
    const cached = this.converted.get(entry);
    const lineOf = (): number => doc.parsed.chunks.lineAt(entry.report.span.start + entry.delta);
    if (!cached || cached.findings !== entry.findings || cached.carryover !== entry.carryover) {
      const diagnostics = [...entry.findings, ...entry.carryover].map((d) => toLsp(doc, shiftDiagnostic(d, entry.delta))).sort(byPosition);
      const line = lineOf();
      const lines = doc.parsed.chunks.lineAt(entry.report.span.end + entry.delta) - line;
      const converted = { line, lines, lineShapes: doc.lineShapes, findings: entry.findings, carryover: entry.carryover, diagnostics, bySeverity: splitBySeverity(diagnostics) };
      this.converted.set(entry, converted);
      return converted;
    }
    // typing that adds no line break leaves every report's line where it was: none is looked up
    if (cached.lineShapes !== doc.lineShapes) {
      const line = lineOf();
      if (line !== cached.line) {
        cached.diagnostics = cached.diagnostics.map((d) => moveDiagnostic(d, line - cached.line));
        cached.bySeverity = splitBySeverity(cached.diagnostics);
        cached.line = line;
      }
      cached.lineShapes = doc.lineShapes;
    }
    return cached;
  }

  /** A report's diagnostics of `severity` (all when undefined), in position order. */
  private partOf(doc: OpenDocument, entry: ReportEntry, severity?: DiagnosticSeverity): readonly LspDiagnostic[] {
    if (!entry.findings.length && !entry.carryover.length) return [];
    const converted = this.convertedFor(doc, entry);
    return severity === undefined ? converted.diagnostics : converted.bySeverity[severity];
  }

  /** The document's diagnostics of `severity` (all when undefined), in position order. */
  private every(doc: OpenDocument, severity?: DiagnosticSeverity): LspDiagnostic[] {
    return inOrder(doc.parsed.parsedReports.map((entry) => this.partOf(doc, entry, severity)));
  }

  /**
   * The document's diagnostics of `severity`, in position order, from the reports the tally says have some: a
   * severity that fits whole (a few errors among thousands of warnings) is not looked for in every report.
   */
  private everyOf(doc: OpenDocument, tally: ProblemTally, severity: DiagnosticSeverity): LspDiagnostic[] {
    const reports = tally.reportsOf(severity);
    // a few reports sorted by place cost less than every report looked at; very many, more
    if (reports.size * SPARSE_AT_MOST > doc.parsed.parsedReports.length) return this.every(doc, severity);
    const start = (entry: ReportEntry): number => entry.report.span.start + entry.delta;
    return inOrder([...reports].sort((a, b) => start(a) - start(b)).map((entry) => this.partOf(doc, entry, severity)));
  }

  /**
   * The `count` diagnostics of `severity` nearest to line `focus`, in position order, read from the reports around
   * it: the nearer of the next report above and the next below is read until `count` diagnostics of the reports read
   * are surely nearer than any report not read (their reports' farthest lines are); then one report more each way,
   * since a report's diagnostics may stand on a line it shares with its neighbour. A report is looked at as a whole
   * (its lines and its count), never diagnostic by diagnostic, until the nearest are chosen among those read.
   */
  private nearestOf(doc: OpenDocument, severity: DiagnosticSeverity, focus: number, count: number): LspDiagnostic[] {
    const entries = doc.parsed.parsedReports;
    const last = entries.length - 1;
    // a report's diagnostics by severity and its lines, looked up once: its lines from its conversion when it has
    // diagnostics (it is converted to be read anyway)
    const look = (k: number): Look => {
      const entry = entries[k];
      if (entry.findings.length || entry.carryover.length) {
        const { bySeverity, line, lines } = this.convertedFor(doc, entry);
        return { diagnostics: bySeverity[severity], first: line, last: line + lines };
      }
      const chunks = doc.parsed.chunks;
      return { diagnostics: [], first: chunks.lineAt(entry.report.span.start + entry.delta), last: chunks.lineAt(entry.report.span.end + entry.delta) };
    };
    const above: (readonly LspDiagnostic[])[] = [];
    const below: (readonly LspDiagnostic[])[] = [];
    // the reports read on each side, each farther than the one before: how far each reaches, and its diagnostics
    const reach = { above: [] as number[], below: [] as number[] };
    const counted = { above: 0, below: 0 };
    let nearer = 0;
    let from = doc.parsed.reportIndexAt(doc.lastEdit);
    let to = from;
    const at = look(from);
    below.push(at.diagnostics);
    const atReach = Math.max(focus - at.first, at.last - focus);
    let atCounted = false;
    let nextAbove = from > 0 ? look(from - 1) : null;
    let nextBelow = to < last ? look(to + 1) : null;
    for (;;) {
      const up = nextAbove ? Math.max(0, focus - nextAbove.last) : Number.POSITIVE_INFINITY;
      const down = nextBelow ? Math.max(0, nextBelow.first - focus) : Number.POSITIVE_INFINITY;
      // every diagnostic not read is at least this far; those of a report read that reaches less far are nearer
      const bound = Math.min(up, down);
      if (!atCounted && atReach < bound) {
        nearer += at.diagnostics.length;
        atCounted = true;
      }
      for (; counted.above < reach.above.length && reach.above[counted.above] < bound; counted.above++) nearer += above[counted.above].length;
      for (; counted.below < reach.below.length && reach.below[counted.below] < bound; counted.below++) nearer += below[counted.below + 1].length;
      if (nearer >= count || (!nextAbove && !nextBelow)) break;
      if (up <= down) {
        above.push(nextAbove!.diagnostics);
        reach.above.push(focus - nextAbove!.first);
        from--;
        nextAbove = from > 0 ? look(from - 1) : null;
      } else {
        below.push(nextBelow!.diagnostics);
        reach.below.push(nextBelow!.last - focus);
        to++;
        nextBelow = to < last ? look(to + 1) : null;
      }
    }
    if (nextAbove) above.push(nextAbove.diagnostics);
    if (nextBelow) below.push(nextBelow.diagnostics);
    return nearestIn([...above.reverse(), ...below], focus, count);
  }

  /**
   * What a person can use of a document with very many problems: errors first, then those nearest the last edit,
   * and one note (on the first line) saying how many more there are and where to see them all. VS Code keeps at
   * most 1,000 diagnostics of a file anyway, and building and sending thousands per keystroke is what costs: the
   * problems are counted as the reports change, and only the reports whose diagnostics are shown are read.
   */
  private limited(doc: OpenDocument, tally: ProblemTally, limit: PublishLimit): LspDiagnostic[] {
    const focus = doc.parsed.chunks.lineAt(doc.lastEdit);
    // the places beside the note on the title; per severity: the gravest kinds whole while they fit, then the
    // nearest of the next
    const places = Math.max(0, limit.maxProblems - 1);
    let room = places;
    const kinds: LspDiagnostic[][] = [];
    for (const severity of SEVERITIES) {
      const count = tally.of(severity);
      if (!count) continue;
      const taken = count <= room ? this.everyOf(doc, tally, severity) : this.nearestOf(doc, severity, focus, room);
      kinds.push(taken);
      room -= taken.length;
      if (room === 0) break;
    }
    // the note, on the first line, stays first (the sort is stable)
    const shown = places - room;
    return inOrder([[noteOnTitle(message(limit.locale, 'problems.more', { hidden: tally.total - shown, shown, total: tally.total }))], ...kinds]);
  }

  diagnostics(doc: OpenDocument, limit?: PublishLimit): LspDiagnostic[] {
    // a large document still being parsed in the background: the problems of its reports parsed so far
    const complete = doc.parsed.complete;
    const reports = doc.parsed.parsedReports.length;
    // the note on a publication of part of the document counts towards the limit too
    const room = limit && !complete ? { ...limit, maxProblems: Math.max(1, limit.maxProblems - 1) } : limit;
    const tally = room && this.tallyOf(doc);
    const published = tally && tally.total > room.maxProblems ? this.limited(doc, tally, room) : this.every(doc);
    return complete ? published : [noteOnTitle(message(limit?.locale ?? 'zh', 'problems.checking', { reports })), ...published];
  }

  private tallyOf(doc: OpenDocument): ProblemTally {
    let tally = this.tallies.get(doc);
    if (!tally) this.tallies.set(doc, (tally = new ProblemTally()));
    tally.update(doc.parsed);
    return tally;
  }
}
