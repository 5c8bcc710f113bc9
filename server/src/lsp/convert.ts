// Engine diagnostics as LSP diagnostics. A diagnostic carries no fix: a quick fix is asked for with the
// diagnostic and made then from the current text (actions.ts), so a fix computed for text since changed is never
// applied, and a publication of a thousand problems is half the size it would be with their fixes.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Severity, Span } from '../engine';

/** What converting a diagnostic needs of a document: an open one, or a file read from the workspace. */
export interface Positions {
  readonly uri: string;
  range(span: Span): Range;
}

export const SOURCE = 'xxgk';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const lspSeverity = (severity: Severity): DiagnosticSeverity => SEVERITY[severity];

export function toLsp(doc: Positions, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: doc.range(d.span), severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: d.message };
  if (d.related) out.relatedInformation = [{ location: { uri: doc.uri, range: doc.range(d.related) }, message: d.message }];
  return out;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A diagnostic of a published file (a web page, a Word document, a PDF) that the workspace check imported: the
 * lines it was found on are the imported text's, not the file's, so it stands at the file's start and `place` (its
 * page or cell in the file) ends its message; it carries no fix, as such files are never rewritten.
 */
export function toLspPublished(d: Diagnostic, place: string): LspDiagnostic {
  return { range: FILE_START, severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: d.message + place };
}
