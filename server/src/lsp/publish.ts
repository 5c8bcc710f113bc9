// The diagnostics of an open document in LSP form, converted once per report and reused while the report is
// untouched: an edit elsewhere moves a report only by whole lines, so its cached diagnostics are moved by
// the same number of lines instead of being converted again. This keeps a keystroke in a 10 MB compilation
// from converting thousands of diagnostics.
import type { Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver';
import type { Diagnostic } from '../engine';
import type { ReportEntry } from '../engine/incremental';
import { shiftDiagnostic } from '../engine/shift';
import { toLsp, type FixData } from './convert';
import type { OpenDocument } from './open-document';

interface Converted {
  /** the report's first line when converted */
  line: number;
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
  const data = d.data as FixData | undefined;
  if (data) moved.data = { ...data, edits: data.edits.map((e) => (e.range ? { ...e, range: moveRange(e.range, lines) } : e)) };
  if (d.relatedInformation) moved.relatedInformation = d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, range: moveRange(r.location.range, lines) } }));
  return moved;
}

export class PublishCache {
  private readonly converted = new WeakMap<ReportEntry, Converted>();

  diagnostics(doc: OpenDocument): LspDiagnostic[] {
    const out: LspDiagnostic[] = [];
    for (const entry of doc.parsed.reports) {
      if (!entry.findings.length && !entry.carryover.length) continue;
      const line = doc.range({ start: entry.report.span.start + entry.delta, end: entry.report.span.start + entry.delta }).start.line;
      let cached = this.converted.get(entry);
      if (!cached || cached.findings !== entry.findings || cached.carryover !== entry.carryover) {
        const all = [...entry.findings, ...entry.carryover].map((d) => toLsp(doc, shiftDiagnostic(d, entry.delta)));
        cached = { line, findings: entry.findings, carryover: entry.carryover, diagnostics: all };
        this.converted.set(entry, cached);
      } else if (cached.line !== line) {
        cached.diagnostics = cached.diagnostics.map((d) => moveDiagnostic(d, line - cached!.line));
        cached.line = line;
      }
      out.push(...cached.diagnostics);
    }
    return out.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.range.end.line - b.range.end.line ||
        a.range.end.character - b.range.end.character,
    );
  }
}
