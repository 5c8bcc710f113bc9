// Engine diagnostics as LSP diagnostics. What a quick fix needs travels in `data`, with a hash of the text
// each edit replaces and of the text around it, so a fix whose place has changed since is recognised as
// stale instead of being applied to the wrong place.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver';
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
  /**
   * `range` is left out when it is the diagnostic's own (a wrong total is fixed where it stands), which
   * keeps a publication of hundreds of diagnostics small. `check`: a hash of the replaced text and
   * CONTEXT characters either side, as they were.
   */
  readonly edits: readonly { range?: Range; newText: string; check: string }[];
}

const CONTEXT = 12;

/** FNV-1a, 32 bits: short, and enough to tell whether a few dozen characters changed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

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
      edits: d.fix.edits.map((e) => ({
        ...(e.span.start === d.span.start && e.span.end === d.span.end ? {} : { range: doc.range(e.span) }),
        newText: e.newText,
        check: surroundings(doc, e.span),
      })),
    };
    out.data = data;
  }
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

/** The replaced text with CONTEXT characters either side, hashed. */
function surroundings(doc: Positions, span: Span): string {
  return fnv1a(doc.slice({ start: Math.max(0, span.start - CONTEXT), end: span.start }) + '\u0000' + doc.slice(span) + '\u0000' + doc.slice({ start: span.end, end: span.end + CONTEXT }));
}

/**
 * The edits of the fix in a client diagnostic's data, if the text each replaces and the text around it are
 * still there; an edit without a range is at the diagnostic (as the client shows it now).
 */
export function freshFix(doc: OpenDocument, client: LspDiagnostic): { title: string; preferred: boolean; edits: TextEdit[] } | null {
  const fix = client.data as FixData | undefined;
  if (!fix || !Array.isArray(fix.edits)) return null;
  const edits = fix.edits.map((e) => ({ range: e.range ?? client.range, newText: e.newText, check: e.check }));
  const intact = edits.every((e) => surroundings(doc, { start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end) }) === e.check);
  return intact ? { title: fix.title, preferred: fix.preferred, edits: edits.map(({ range, newText }) => ({ range, newText })) } : null;
}
