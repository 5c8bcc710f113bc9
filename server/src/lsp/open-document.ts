// One open editor document: its version and the incrementally kept parse, whose chunked text also answers
// LSP positions (UTF-16 offsets, as JavaScript strings are).
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { IncrementalDocument, type EngineOptions, type Report, type ReportEntry, type Span } from '../engine';
import { REPORT_LANGUAGE } from '../protocol';
import type { DocumentOrigins } from './origins';

/**
 * what a large report has parsed when it opens: a few reports, so that their problems show at once (just opened,
 * the engine runs cold, not yet compiled: a few dozen reports took a fifth of a second there)
 */
const FIRST_CHARS = 20_000;

/** a replaced range longer than this is taken to change lines without being read */
const MAX_SCANNED = 4096;

export class OpenDocument {
  readonly parsed: IncrementalDocument;
  /** where the last edit was (current offset): problems near it are shown first when there are too many */
  lastEdit = 0;
  /** for a document imported from a published file: where its text came from, as far as it is unchanged */
  origins: DocumentOrigins | null = null;
  /** counts the edits that added or removed a line break: while it stands still, no report has changed its line */
  lineShapes = 0;

  constructor(
    readonly uri: string,
    /** xxgk-report, or plaintext / markdown for .txt and .md files that may hold a report */
    readonly languageId: string,
    public version: number,
    text: string,
    options: EngineOptions,
    lastYear: readonly Report[],
  ) {
    // a large report opens with its first part checked, so that its first problems show at once; the publisher
    // parses the rest in the background (a plain text file is read whole: whether it is a report at all is asked)
    this.parsed = new IncrementalDocument(text, options, lastYear, languageId === REPORT_LANGUAGE ? FIRST_CHARS : Number.POSITIVE_INFINITY);
  }

  /**
   * A file in the report language is always checked; a plain text or markdown file only when it has a
   * report title, so that other text files are never flooded with diagnostics.
   */
  get checked(): boolean {
    return this.languageId === REPORT_LANGUAGE || this.parsed.reports.some((r) => r.report.titleSpan !== null);
  }

  /** The whole text joined: for whole-document actions only. */
  get text(): string {
    return this.parsed.text;
  }

  slice(span: Span): string {
    return this.parsed.chunks.slice(span.start, span.end);
  }

  /**
   * Applies the changes of one didChange in order, to the text only: the reports are parsed again when next
   * read (a publication after the pause in typing, or a request), once for all the changes since.
   */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      const start = 'range' in change ? this.offsetAt(change.range.start) : 0;
      const end = 'range' in change ? this.offsetAt(change.range.end) : this.parsed.chunks.length;
      if ('range' in change) this.lastEdit = start;
      if (this.changesLines(start, end, change.text)) this.lineShapes++;
      this.origins?.edit(start, end, change.text.length);
      this.parsed.edit(start, end, change.text);
    }
    this.version = version;
  }

  /** Whether replacing [start, end) with `inserted` adds or removes a line break (text put inside a CRLF splits it in two). */
  private changesLines(start: number, end: number, inserted: string): boolean {
    const chunks = this.parsed.chunks;
    if (/[\r\n]/.test(inserted) || chunks.charAt(start - 1) === '\r') return true;
    // a large deletion is looked at once, not kept: it changes lines almost always
    return end - start > MAX_SCANNED || /[\r\n]/.test(chunks.slice(start, end));
  }

  offsetAt(position: Range['start']): number {
    return this.parsed.chunks.offsetAt(position);
  }

  range(span: Span): Range {
    return { start: this.parsed.chunks.positionAt(span.start), end: this.parsed.chunks.positionAt(span.end) };
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
