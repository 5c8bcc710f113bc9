// Engine diagnostics as LSP diagnostics. What a quick fix needs travels in `data`, with the text each edit
// expects to replace and the text around it, so a fix whose place has changed since is recognised as stale
// instead of being applied to the wrong place.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Severity, Span } from '../engine';
import type { OpenDocument } from './open-document';

/** What converting a diagnostic needs of a document: an open one, or a file read from the workspace. */
export interface Positions {
  readonly uri: string;
  readonly version: number;
  slice(span: Span): string;
  range(span: Span): Range;
}

export const SOURCE = 'xxgk';

export interface FixData {
  readonly title: string;
  readonly preferred: boolean;
  /** `before` and `after`: up to CONTEXT characters each side of the replaced text, as they were */
  readonly edits: readonly { range: Range; newText: string; oldText: string; before: string; after: string }[];
}

const CONTEXT = 12;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLsp(doc: Positions, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: doc.range(d.span), severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: d.message };
  if (d.fix) {
    const data: FixData = {
      title: d.fix.title,
      preferred: d.fix.preferred,
      edits: d.fix.edits.map((e) => ({ range: doc.range(e.span), newText: e.newText, ...surroundings(doc, e.span) })),
    };
    out.data = data;
  }
  if (d.related) out.relatedInformation = [{ location: { uri: doc.uri, range: doc.range(d.related) }, message: d.message }];
  return out;
}

function surroundings(doc: Positions, span: Span): { oldText: string; before: string; after: string } {
  return {
    oldText: doc.slice(span),
    before: doc.slice({ start: Math.max(0, span.start - CONTEXT), end: span.start }),
    after: doc.slice({ start: span.end, end: span.end + CONTEXT }),
  };
}

/** The fix in a diagnostic's data, if the text it replaces and the text around it are still there. */
export function freshFix(doc: OpenDocument, data: unknown): FixData | null {
  const fix = data as FixData | undefined;
  if (!fix || !Array.isArray(fix.edits)) return null;
  const intact = fix.edits.every((e) => {
    const now = surroundings(doc, { start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) });
    return now.oldText === e.oldText && now.before === e.before && now.after === e.after;
  });
  return intact ? fix : null;
}
