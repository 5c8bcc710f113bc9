// Engine diagnostics as LSP diagnostics. What a quick fix needs travels in `data`, with the text each edit
// expects to replace, so a fix computed for an older version is recognised as stale instead of misapplied.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Severity, Span } from '../engine';
import type { OpenDocument } from './open-document';

/** What converting a diagnostic needs of a document: an open one, or a file read from the workspace. */
export interface Positions {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  range(span: Span): Range;
}

export const SOURCE = 'xxgk';

export interface FixData {
  /** the document version the edits were computed for */
  readonly version: number;
  readonly title: string;
  readonly preferred: boolean;
  readonly edits: readonly { range: Range; newText: string; oldText: string }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLsp(doc: Positions, d: Diagnostic): LspDiagnostic {
  const text = doc.text;
  const out: LspDiagnostic = { range: doc.range(d.span), severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: d.message };
  if (d.fix) {
    const data: FixData = {
      version: doc.version,
      title: d.fix.title,
      preferred: d.fix.preferred,
      edits: d.fix.edits.map((e) => ({ range: doc.range(e.span), newText: e.newText, oldText: text.slice(e.span.start, e.span.end) })),
    };
    out.data = data;
  }
  if (d.related) out.relatedInformation = [{ location: { uri: doc.uri, range: doc.range(d.related) }, message: d.message }];
  return out;
}

/** The fix in a diagnostic's data, if it was made for this version and the text it replaces is still there. */
export function freshFix(doc: OpenDocument, data: unknown): FixData | null {
  const fix = data as FixData | undefined;
  if (!fix || !Array.isArray(fix.edits) || fix.version !== doc.version) return null;
  const text = doc.text;
  const intact = fix.edits.every((e) => text.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)) === e.oldText);
  return intact ? fix : null;
}
