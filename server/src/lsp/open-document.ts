// One open editor document: the text with its line index (vscode-languageserver-textdocument) and the
// incrementally kept parse, updated together on every change.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { EngineOptions, Report, Span } from '../engine';
import { IncrementalDocument, type ReportEntry, type UpdateStats } from '../engine/incremental';

export class OpenDocument {
  private doc: TextDocument;
  readonly parsed: IncrementalDocument;

  constructor(uri: string, languageId: string, version: number, text: string, options: EngineOptions, lastYear: readonly Report[]) {
    this.doc = TextDocument.create(uri, languageId, version, text);
    this.parsed = new IncrementalDocument(this.doc.getText(), options, lastYear);
  }

  get uri(): string {
    return this.doc.uri;
  }

  get version(): number {
    return this.doc.version;
  }

  get text(): string {
    return this.doc.getText();
  }

  /** Applies the changes of one didChange in order; returns how many reports were parsed again. */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): UpdateStats[] {
    return changes.map((change) => {
      if (!('range' in change)) {
        this.doc = TextDocument.update(this.doc, [change], version);
        const whole = this.parsed.text.length;
        return this.parsed.update(0, whole, change.text);
      }
      const start = this.doc.offsetAt(change.range.start);
      const end = this.doc.offsetAt(change.range.end);
      this.doc = TextDocument.update(this.doc, [change], version);
      return this.parsed.update(start, end, change.text);
    });
  }

  offsetAt(position: Range['start']): number {
    return this.doc.offsetAt(position);
  }

  range(span: Span): Range {
    return { start: this.doc.positionAt(span.start), end: this.doc.positionAt(span.end) };
  }

  /** The report at a current offset with the offset in that report's own coordinates. */
  reportAt(offset: number): { entry: ReportEntry; local: number } | null {
    const entry = this.parsed.entryAt(offset);
    return entry ? { entry, local: offset - entry.delta } : null;
  }

  /** A span of a report's model, in current offsets. */
  currentSpan(entry: ReportEntry, span: Span): Span {
    return { start: span.start + entry.delta, end: span.end + entry.delta };
  }
}
