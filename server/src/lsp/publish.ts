// The diagnostics of an open document in LSP form, converted once per report and reused while the report is
// untouched: an edit elsewhere moves a report only by whole lines, so its cached diagnostics are moved by
// the same number of lines instead of being converted again. This keeps a keystroke in a 10 MB compilation
// from converting thousands of diagnostics.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import { message, shiftDiagnostic, type Diagnostic, type Locale, type ReportEntry } from '../engine';
import { toLsp } from './convert';
import type { OpenDocument } from './open-document';

interface Converted {
  /** the report's first line when converted, or last moved */
  line: number;
  /** the document's count of line-changing edits then: while it is the same, so is the line */
  lineShapes: number;
  readonly findings: readonly Diagnostic[];
  readonly carryover: readonly Diagnostic[];
  diagnostics: LspDiagnostic[];
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

/** The lists one after another, in an array made at its size (no spread: a document may hold a great many reports). */
function joined(parts: readonly (readonly LspDiagnostic[])[]): LspDiagnostic[] {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Array<LspDiagnostic>(total);
  let at = 0;
  for (const part of parts) for (const d of part) out[at++] = d;
  return out;
}

/** Whether lists each in position order are in order one after another. */
const partsInOrder = (parts: readonly (readonly LspDiagnostic[])[]): boolean => {
  for (let k = 1; k < parts.length; k++) if (byPosition(parts[k - 1][parts[k - 1].length - 1], parts[k][0]) > 0) return false;
  return true;
};

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

/**
 * What a person can use of a document with very many problems: errors first, then those nearest the last edit,
 * and one note (on the first line) saying how many more there are and where to see them all. VS Code keeps at
 * most 1,000 diagnostics of a file anyway, and building and sending thousands per keystroke is what costs.
 */
export function limited(all: LspDiagnostic[], doc: OpenDocument, limit: PublishLimit): LspDiagnostic[] {
  if (all.length <= limit.maxProblems) return all;
  const focus = doc.parsed.chunks.lineAt(doc.lastEdit);
  // per severity, in position order: the gravest kinds whole while they fit, then the nearest of the next
  const bySeverity = new Map<number, LspDiagnostic[]>();
  for (const d of all) {
    const severity = d.severity ?? DiagnosticSeverity.Error;
    const list = bySeverity.get(severity);
    if (list) list.push(d);
    else bySeverity.set(severity, [d]);
  }
  let room = Math.max(0, limit.maxProblems - 1);
  const kept: LspDiagnostic[] = [];
  for (const severity of [...bySeverity.keys()].sort((a, b) => a - b)) {
    const list = bySeverity.get(severity)!;
    const taken = list.length <= room ? list : nearest(list, focus, room);
    kept.push(...taken);
    room -= taken.length;
    if (room === 0) break;
  }
  kept.sort(byPosition);
  return [noteOnTitle(message(limit.locale, 'problems.more', { hidden: all.length - kept.length, shown: kept.length, total: all.length })), ...kept];
}

/** An information on the document's first line about the publication itself. */
const noteOnTitle = (text: string): LspDiagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: DiagnosticSeverity.Information,
  source: 'xxgk',
  message: text,
});

/** The `count` diagnostics of `list` (in position order) nearest to line `focus`, in position order. */
function nearest(list: readonly LspDiagnostic[], focus: number, count: number): LspDiagnostic[] {
  let right = 0;
  for (let step = list.length; step > 0; step >>= 1) while (right + step <= list.length && list[right + step - 1].range.start.line < focus) right += step;
  let left = right - 1;
  while (right - left - 1 < count) {
    const above = left >= 0 ? focus - list[left].range.start.line : Number.POSITIVE_INFINITY;
    const below = right < list.length ? list[right].range.start.line - focus : Number.POSITIVE_INFINITY;
    if (above <= below) left--;
    else right++;
  }
  return list.slice(left + 1, right);
}

export class PublishCache {
  private readonly converted = new WeakMap<ReportEntry, Converted>();

  /** A report's diagnostics in LSP form: converted when its findings are new, else kept, and moved when its line moved. */
  private convertedFor(doc: OpenDocument, entry: ReportEntry): Converted {
    const cached = this.converted.get(entry);
    const lineOf = (): number => doc.parsed.chunks.lineAt(entry.report.span.start + entry.delta);
    if (!cached || cached.findings !== entry.findings || cached.carryover !== entry.carryover) {
      const diagnostics = [...entry.findings, ...entry.carryover].map((d) => toLsp(doc, shiftDiagnostic(d, entry.delta))).sort(byPosition);
      const converted = { line: lineOf(), lineShapes: doc.lineShapes, findings: entry.findings, carryover: entry.carryover, diagnostics };
      this.converted.set(entry, converted);
      return converted;
    }
    // typing that adds no line break leaves every report's line where it was: none is looked up
    if (cached.lineShapes !== doc.lineShapes) {
      const line = lineOf();
      if (line !== cached.line) {
        cached.diagnostics = cached.diagnostics.map((d) => moveDiagnostic(d, line - cached.line));
        cached.line = line;
      }
      cached.lineShapes = doc.lineShapes;
    }
    return cached;
  }

  diagnostics(doc: OpenDocument, limit?: PublishLimit): LspDiagnostic[] {
    /** each report's diagnostics, in position order: joined once at the end */
    const parts: LspDiagnostic[][] = [];
    // a large document still being parsed in the background: the problems of its reports parsed so far
    const complete = doc.parsed.complete;
    const entries = doc.parsed.parsedReports;
    for (const entry of entries) {
      if (!entry.findings.length && !entry.carryover.length) continue;
      const converted = this.convertedFor(doc, entry);
      if (converted.diagnostics.length) parts.push(converted.diagnostics);
    }
    const out = joined(parts);
    // each report's diagnostics are in order and reports follow one another, so the whole is in order: checked where
    // one report's meet the next's rather than sorted again (a diagnostic placed outside its report is put back in its place)
    if (!partsInOrder(parts)) out.sort(byPosition);
    // the note on a publication of part of the document counts towards the limit too
    const room = limit && !complete ? { ...limit, maxProblems: Math.max(1, limit.maxProblems - 1) } : limit;
    const published = room ? limited(out, doc, room) : out;
    return complete ? published : [noteOnTitle(message(limit?.locale ?? 'zh', 'problems.checking', { reports: entries.length })), ...published];
  }
}
